/**
 * One data-parallel training step as every thread runs it (the main thread and each worker run
 * the same code on their own replica): gradients of the thread's share of the batch into its
 * exchange slot, wait for the others, then the same averaged gradients through the same Adam,
 * so that the replicas stay identical without sending weights.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { imagesToTensor, type LossWeights, type PerImageLoss } from "./engine.ts";
import type { GradientExchange } from "./gradient_exchange.ts";

/**
 * A replica being trained: its model, trainable variables (in the model's order) and loss.
 *
 * @example
 * ```ts
 * const replica: Replica = { model, variables, perImageLoss: autoencoderLoss, optimizer };
 * ```
 */
export interface Replica {
  model: tf.LayersModel;
  variables: tf.Variable[];
  perImageLoss: PerImageLoss;
  optimizer: tf.Optimizer;
}

/**
 * What {@link dataParallelStep} needs to know about the batch.
 *
 * @example
 * ```ts
 * const share: Share = { step: 1, pixels, count: 16, weights: [0.5, 0.5] };
 * ```
 */
export interface Share {
  /** Step number, counting from 1, the same on every thread. */
  step: number;
  /** This thread's images (count · 784 values). */
  pixels: Float32Array;
  /** Images in this thread's share (0 when the batch has fewer images than threads). */
  count: number;
  /** Each thread's share of the batch (sizes / batch size), in thread order. */
  weights: readonly number[];
  /** Loss settings of this step (e.g. β during KL warm-up), the same on every thread. */
  lossWeights?: LossWeights;
}

/**
 * Computes this thread's gradients, exchanges them, and applies the average with the replica's
 * optimizer. Returns the batch's loss terms (means per image, averaged over all threads) under
 * the names the loss reports; `names` fixes their order (the same on every thread).
 *
 * @example
 * ```ts
 * const terms = dataParallelStep(replica, exchange, share, ["loss"], averaged);
 * ```
 */
export function dataParallelStep(
  replica: Replica,
  exchange: GradientExchange,
  share: Share,
  names: readonly string[],
  averaged: Float32Array,
): Record<string, number> {
  const { step } = share;
  const slot = exchange.gradientSlot(step);
  const values = new Array<number>(names.length).fill(0);
  if (share.count > 0) {
    tf.tidy(() => {
      const images = imagesToTensor(share.pixels, share.count);
      const means: Record<string, tf.Scalar> = {};
      const { grads } = tf.variableGrads(() => {
        const perImage = replica.perImageLoss(replica.model, images, true, share.lossWeights);
        for (const [name, tensor] of Object.entries(perImage)) {
          const mean = tf.mean(tensor) as tf.Scalar;
          means[name] = name === "loss" ? mean : tf.keep(mean);
        }
        return means.loss;
      }, replica.variables);
      let offset = 0;
      for (const variable of replica.variables) {
        slot.set(grads[variable.name].dataSync() as Float32Array, offset);
        offset += variable.size;
      }
      names.forEach((name, k) => values[k] = means[name]?.dataSync()[0] ?? NaN);
      tf.dispose(Object.values(means));
    });
  } else {
    slot.fill(0);
  }
  exchange.publish(step, values);
  exchange.waitForAll(step);
  exchange.averageGradients(step, share.weights, averaged);
  tf.tidy(() => {
    let offset = 0;
    replica.optimizer.applyGradients(replica.variables.map((variable) => {
      const tensor = tf.tensor(
        averaged.subarray(offset, offset + variable.size),
        variable.shape,
        "float32",
      );
      offset += variable.size;
      return { name: variable.name, tensor };
    }));
  });
  const terms: Record<string, number> = {};
  exchange.averageTerms(step, share.weights, names.length).forEach((value, k) =>
    terms[names[k]] = value
  );
  return terms;
}

/**
 * Image counts of each thread's share of `count` images: near-equal, largest first, zeros kept
 * so that every thread takes part in the exchange.
 *
 * @example
 * ```ts
 * threadShares(33, 2); // [17, 16]
 * threadShares(1, 2); // [1, 0]
 * ```
 */
export function threadShares(count: number, threads: number): number[] {
  const base = Math.floor(count / threads);
  return Array.from({ length: threads }, (_, index) => base + (index < count % threads ? 1 : 0));
}
