/**
 * Data-parallel training over threads. wasm threads do not start in Deno, so a second core
 * helps through Web Workers: every thread (the main one and each worker) holds a replica of the
 * model and its own Adam, computes the gradients of its share of each batch, writes them into a
 * `SharedArrayBuffer` ({@link GradientExchange}) and waits for the others; then every thread
 * averages the same gradients in the same order and applies the same update, so the replicas
 * stay identical to the bit and no weights travel. One message per step starts a worker's share.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createAdam } from "../backend/fused_adam.ts";
import { PIXELS_PER_IMAGE } from "../data/constants.ts";
import { samplingStreamOf } from "../models/gaussian_sampling.ts";
import { createLocalEngine, type LossTerms, type TrainingEngine } from "./engine.ts";
import { createExchangeBuffer, GradientExchange } from "./gradient_exchange.ts";
import { dataParallelStep, threadShares } from "./data_parallel_step.ts";
import { type LossSpec, perImageLossFor } from "./loss_spec.ts";
import type { WorkerReply, WorkerRequest } from "./worker_protocol.ts";

/** Options of {@link createWorkerEngine}. */
export interface WorkerEngineOptions {
  /** The model to train; it stays on the main thread and always holds the latest weights. */
  model: tf.LayersModel;
  /** Threads in all, the main one included (2 uses one worker). */
  workers: number;
  /** Backend and learning rate for the replicas and the optimiser. */
  config: { backend: "wasm" | "cpu"; learningRate: number };
  /** Loss by description (workers cannot receive functions). Default the autoencoder's. */
  loss?: LossSpec;
}

class WorkerChannel {
  readonly #worker: Worker;
  readonly #pending: ((reply: WorkerReply) => void)[] = [];
  #failure: string | undefined;

  constructor() {
    this.#worker = new Worker(new URL("./gradient_worker.ts", import.meta.url).href, {
      type: "module",
    });
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type === "error") this.#failure = event.data.message;
      this.#pending.shift()?.(event.data);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#failure = event.message;
      this.#pending.shift()?.({ type: "error", message: event.message });
    };
  }

  /** The last error the worker reported, if any. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Sends a message that the worker answers. */
  request(message: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    const reply = new Promise<WorkerReply>((resolve) => this.#pending.push(resolve));
    this.#worker.postMessage(message, transfer);
    return reply.then((answer) => {
      if (answer.type === "error") {
        throw new Error(`Gradient worker failed: ${answer.message}\n${answer.stack ?? ""}`);
      }
      return answer;
    });
  }

  /** Sends a message the worker does not answer (unless it fails). */
  post(message: WorkerRequest, transfer: Transferable[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.#worker.terminate();
  }
}

/** A {@link TrainingEngine} over threads, which can also show its workers' replicas. */
export interface WorkerEngine extends TrainingEngine {
  /** Each worker's trainable variables (in the model's order), for checking the replicas. */
  workerWeights(): Promise<Float32Array[][]>;
}

/**
 * The names of a loss's terms in the order every thread reports them.
 *
 * @example
 * ```ts
 * lossTermNames({ name: "vae" }); // ["loss", "rc", "kl"]
 * ```
 */
export function lossTermNames(loss: LossSpec): string[] {
  return loss.name === "vae" ? ["loss", "rc", "kl"] : ["loss"];
}

/**
 * Starts `workers − 1` gradient workers and returns an engine that trains `model` with them.
 *
 * @example
 * ```ts
 * const engine = await createWorkerEngine({
 *   model: autoencoder,
 *   workers: 2,
 *   config: { backend: "wasm", learningRate: 1e-3 },
 * });
 * ```
 */
export async function createWorkerEngine(options: WorkerEngineOptions): Promise<WorkerEngine> {
  const { model } = options;
  const threads = options.workers;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`workers must be a positive integer, got ${threads}.`);
  }
  const loss = options.loss ?? { name: "autoencoder" };
  const names = lossTermNames(loss);
  const perImageLoss = perImageLossFor(loss);
  const optimizer = createAdam(options.config.learningRate);
  const local = createLocalEngine({ model, optimizer, perImageLoss });
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const layout = {
    threads,
    parameters: variables.reduce((sum, variable) => sum + variable.size, 0),
  };
  const buffer = createExchangeBuffer(layout);
  const exchange = new GradientExchange(buffer, layout, 0);
  const averaged = new Float32Array(layout.parameters);
  const replica = { model, variables, perImageLoss, optimizer };
  const channels = Array.from({ length: threads - 1 }, () => new WorkerChannel());
  const topology = JSON.stringify(model.toJSON(null, false));
  try {
    await Promise.all(channels.map((channel, index) =>
      channel.request({
        type: "init",
        backend: options.config.backend,
        learningRate: options.config.learningRate,
        modelTopology: topology,
        weights: variables.map((variable) => variable.dataSync().slice() as Float32Array),
        loss,
        names,
        buffer,
        layout,
        thread: index + 1,
      })
    ));
  } catch (error) {
    channels.forEach((channel) => channel.terminate());
    throw error;
  }
  let step = 0;

  /** Splits `count` images into per-thread shares: sizes and each thread's pixels. */
  const split = (pixels: Float32Array, count: number) => {
    const sizes = threadShares(count, threads);
    let offset = 0;
    const shares = sizes.map((size) => {
      const share = pixels.subarray(offset * PIXELS_PER_IMAGE, (offset + size) * PIXELS_PER_IMAGE);
      offset += size;
      return share;
    });
    return { sizes, shares };
  };

  return {
    trainBatch(pixels, count, lossWeights) {
      step++;
      const { sizes, shares } = split(pixels, count);
      const weights = sizes.map((size) => size / count);
      channels.forEach((channel, index) => {
        const share = shares[index + 1].slice();
        channel.post({
          type: "train",
          step,
          pixels: share,
          count: sizes[index + 1],
          weights,
          lossWeights,
          samplingStream: samplingStreamOf(model),
        }, [share.buffer]);
      });
      try {
        const terms = dataParallelStep(
          replica,
          exchange,
          { step, pixels: shares[0], count: sizes[0], weights, lossWeights },
          names,
          averaged,
        );
        return Promise.resolve(terms as LossTerms);
      } catch (error) {
        const reasons = channels.map((channel) => channel.failure).filter(Boolean);
        const detail = reasons.length > 0 ? ` (worker: ${reasons.join("; ")})` : "";
        return Promise.reject(
          new Error(`${error instanceof Error ? error.message : error}${detail}`, {
            cause: error,
          }),
        );
      }
    },
    async evaluateBatch(pixels, count) {
      const { sizes, shares } = split(pixels, count);
      const replies = channels.map((channel, index) => {
        if (sizes[index + 1] === 0) return Promise.resolve(undefined);
        const share = shares[index + 1].slice();
        return channel.request(
          { type: "evaluate", pixels: share, count: sizes[index + 1] },
          [share.buffer],
        );
      });
      const terms: Record<string, number> = {
        ...(await local.evaluateBatch(shares[0], sizes[0])),
      };
      for (const answer of await Promise.all(replies)) {
        if (answer?.type !== "evaluation") continue;
        for (const [name, term] of Object.entries(answer.terms)) {
          terms[name] = (terms[name] ?? 0) + term;
        }
      }
      return terms as LossTerms;
    },
    syncModel: local.syncModel,
    saveOptimizerState: local.saveOptimizerState,
    async restoreOptimizerState(state) {
      await local.restoreOptimizerState(state);
      const entries = state.map(({ name, tensor }) => ({
        name,
        shape: tensor.shape.slice(),
        dtype: tensor.dtype as "float32" | "int32",
        values: tensor.dataSync().slice() as Float32Array | Int32Array,
      }));
      await Promise.all(
        channels.map((channel) => channel.request({ type: "optimizer-state", entries })),
      );
    },
    async workerWeights() {
      const replies = await Promise.all(
        channels.map((channel) => channel.request({ type: "weights" })),
      );
      return replies.map((reply) => reply.type === "weights" ? reply.weights : []);
    },
    dispose() {
      channels.forEach((channel) => channel.terminate());
      optimizer.dispose();
    },
  };
}
