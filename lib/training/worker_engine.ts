/**
 * Data-parallel training over threads: each batch is split into equal shares; the main thread
 * computes the gradients of its share while each worker computes those of another, then the main
 * thread averages them (weighted by share size), applies the optimiser, and sends the new weights
 * along with the next share. wasm threads do not work in Deno, so this is how a second core helps.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createAdam } from "../backend/fused_adam.ts";
import { PIXELS_PER_IMAGE } from "../data/constants.ts";
import {
  createLocalEngine,
  imagesToTensor,
  type LossTerms,
  type TrainingEngine,
} from "./engine.ts";
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
  #pending: ((reply: WorkerReply) => void) | undefined;

  constructor() {
    this.#worker = new Worker(new URL("./gradient_worker.ts", import.meta.url).href, {
      type: "module",
    });
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const resolve = this.#pending;
      this.#pending = undefined;
      resolve?.(event.data);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      const resolve = this.#pending;
      this.#pending = undefined;
      resolve?.({ type: "error", message: event.message });
    };
  }

  request(message: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    if (this.#pending) throw new Error("A gradient worker got a second request before replying.");
    const reply = new Promise<WorkerReply>((resolve) => (this.#pending = resolve));
    this.#worker.postMessage(message, transfer);
    return reply.then((answer) => {
      if (answer.type === "error") {
        throw new Error(`Gradient worker failed: ${answer.message}\n${answer.stack ?? ""}`);
      }
      return answer;
    });
  }

  terminate(): void {
    this.#worker.terminate();
  }
}

/** Sizes of `parts` near-equal shares of `count` images, largest first; empty shares dropped. */
export function shareSizes(count: number, parts: number): number[] {
  const base = Math.floor(count / parts);
  const sizes = Array.from({ length: parts }, (_, index) => base + (index < count % parts ? 1 : 0));
  return sizes.filter((size) => size > 0);
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
export async function createWorkerEngine(options: WorkerEngineOptions): Promise<TrainingEngine> {
  const { model } = options;
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be a positive integer, got ${options.workers}.`);
  }
  const loss = options.loss ?? { name: "autoencoder" };
  const perImageLoss = perImageLossFor(loss);
  const optimizer = createAdam(options.config.learningRate);
  const local = createLocalEngine({ model, optimizer, perImageLoss });
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const readWeights = () =>
    variables.map((variable) => variable.dataSync().slice() as Float32Array);
  const channels = Array.from({ length: options.workers - 1 }, () => new WorkerChannel());
  const topology = JSON.stringify(model.toJSON(null, false));
  try {
    await Promise.all(channels.map((channel) =>
      channel.request({
        type: "init",
        backend: options.config.backend,
        modelTopology: topology,
        weights: readWeights(),
        loss,
      })
    ));
  } catch (error) {
    channels.forEach((channel) => channel.terminate());
    throw error;
  }
  let weightsChanged = false;
  const pendingWeights = () => {
    if (!weightsChanged) return undefined;
    weightsChanged = false;
    return readWeights();
  };

  /** Sends shares 1.. to workers; returns the main thread's share and the replies to await. */
  const dispatch = <T extends WorkerReply>(
    type: "gradients" | "evaluate",
    pixels: Float32Array,
    count: number,
  ) => {
    const sizes = shareSizes(count, channels.length + 1);
    const weights = pendingWeights();
    let offset = sizes[0];
    const replies = sizes.slice(1).map((size, index) => {
      const share = pixels.slice(offset * PIXELS_PER_IMAGE, (offset + size) * PIXELS_PER_IMAGE);
      offset += size;
      return channels[index].request(
        { type, weights, pixels: share, count: size },
        [share.buffer],
      ) as Promise<T>;
    });
    return { sizes, replies };
  };

  return {
    async trainBatch(pixels, count) {
      const { sizes, replies } = dispatch<Extract<WorkerReply, { type: "gradients" }>>(
        "gradients",
        pixels,
        count,
      );
      const extra: Record<string, tf.Scalar> = {};
      const { value, grads } = tf.tidy(() => {
        const images = imagesToTensor(pixels, sizes[0]);
        return tf.variableGrads(() => {
          const perImage = perImageLoss(model, images, true);
          for (const [name, tensor] of Object.entries(perImage)) {
            if (name !== "loss") extra[name] = tf.keep(tf.mean(tensor) as tf.Scalar);
          }
          return tf.mean(perImage.loss) as tf.Scalar;
        }, variables);
      });
      const answers = await Promise.all(replies);
      const terms: Record<string, number> = {};
      const mainTerms = { loss: value, ...extra } as Record<string, tf.Scalar>;
      for (const [name, tensor] of Object.entries(mainTerms)) {
        terms[name] = tensor.dataSync()[0] * sizes[0] / count;
      }
      answers.forEach((answer, index) => {
        for (const [name, term] of Object.entries(answer.terms)) {
          terms[name] = (terms[name] ?? 0) + term * sizes[index + 1] / count;
        }
      });
      tf.tidy(() => {
        const averaged = variables.map((variable, v) => {
          let sum = tf.mul(grads[variable.name], sizes[0] / count);
          answers.forEach((answer, index) => {
            const share = tf.tensor(answer.gradients[v], variable.shape);
            sum = tf.add(sum, tf.mul(share, sizes[index + 1] / count));
          });
          return { name: variable.name, tensor: sum };
        });
        optimizer.applyGradients(averaged);
      });
      tf.dispose([...Object.values(grads), ...Object.values(mainTerms)]);
      weightsChanged = channels.length > 0;
      return terms as LossTerms;
    },
    async evaluateBatch(pixels, count) {
      const { sizes, replies } = dispatch<Extract<WorkerReply, { type: "evaluation" }>>(
        "evaluate",
        pixels,
        count,
      );
      const terms: Record<string, number> = {
        ...(await local.evaluateBatch(pixels, sizes[0])),
      };
      for (const answer of await Promise.all(replies)) {
        for (const [name, term] of Object.entries(answer.terms)) {
          terms[name] = (terms[name] ?? 0) + term;
        }
      }
      return terms as LossTerms;
    },
    syncModel: local.syncModel,
    saveOptimizerState: local.saveOptimizerState,
    restoreOptimizerState: local.restoreOptimizerState,
    dispose() {
      channels.forEach((channel) => channel.terminate());
      optimizer.dispose();
    },
  };
}
