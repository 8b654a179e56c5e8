/**
 * Messages between the main thread and gradient workers (see `worker_engine.ts`).
 *
 * @module
 */
import type { LossTerms } from "./engine.ts";
import type { LossSpec } from "./loss_spec.ts";

/** Main thread → worker. `weights` (one array per trainable variable) is sent when they changed. */
export type WorkerRequest =
  | {
    type: "init";
    backend: "wasm" | "cpu";
    modelTopology: string;
    weights: Float32Array[];
    loss: LossSpec;
  }
  | { type: "gradients"; weights?: Float32Array[]; pixels: Float32Array; count: number }
  | { type: "evaluate"; weights?: Float32Array[]; pixels: Float32Array; count: number };

/** Worker → main thread. Gradients are of the mean loss over the worker's share of the batch. */
export type WorkerReply =
  | { type: "ready"; backend: string }
  | { type: "gradients"; gradients: Float32Array[]; terms: LossTerms }
  | { type: "evaluation"; terms: LossTerms }
  | { type: "error"; message: string; stack?: string };
