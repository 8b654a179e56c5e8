/**
 * Messages between the main thread and gradient workers (see `worker_engine.ts`).
 *
 * @module
 */
import type { LossTerms, LossWeights } from "./engine.ts";
import type { ExchangeLayout } from "./gradient_exchange.ts";
import type { LossSpec } from "./loss_spec.ts";

/** Main thread → worker. Only `train` goes unanswered: the worker reports through the exchange. */
export type WorkerRequest =
  | {
    type: "init";
    backend: "wasm" | "cpu";
    learningRate: number;
    modelTopology: string;
    /** Initial values of the trainable variables, in the model's order. */
    weights: Float32Array[];
    loss: LossSpec;
    /** Loss term names in the order the threads exchange them. */
    names: string[];
    buffer: SharedArrayBuffer;
    layout: ExchangeLayout;
    /** This worker's thread number (the main thread is 0). */
    thread: number;
  }
  | {
    type: "train";
    step: number;
    pixels: Float32Array;
    count: number;
    weights: number[];
    /** Loss settings of this step (e.g. β during KL warm-up). */
    lossWeights?: LossWeights;
    /**
     * The main thread's VAE noise stream (the epoch); when it changes, the worker restarts its
     * own stream for it, so a resumed run draws the same noise on every thread.
     */
    samplingStream?: number;
  }
  | { type: "evaluate"; pixels: Float32Array; count: number }
  | {
    type: "optimizer-state";
    entries: {
      name: string;
      shape: number[];
      dtype: "float32" | "int32";
      values: Float32Array | Int32Array;
    }[];
  }
  | { type: "weights" };

/** Worker → main thread. */
export type WorkerReply =
  | { type: "ready"; backend: string }
  | { type: "evaluation"; terms: LossTerms }
  | { type: "done" }
  | { type: "weights"; weights: Float32Array[] }
  | { type: "error"; message: string; stack?: string };
