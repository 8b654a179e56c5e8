/**
 * The VAE loss: reconstruction (summed BCE per image) + β · KL(q(z|x) ‖ N(0, I)), the negative
 * evidence lower bound (−ELBO) when β = 1. The article names it `VAELoss(rc, kl, total)`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { perImageBinaryCrossEntropy } from "./binary_cross_entropy.ts";

/**
 * KL divergence of the diagonal Gaussian N(mean, exp(logVar)) from N(0, I), per row, in closed
 * form: ½ Σ (exp(logVar) + mean² − 1 − logVar).
 *
 * @example
 * ```ts
 * gaussianKlDivergence(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]])).dataSync(); // [0.5]
 * ```
 */
export function gaussianKlDivergence(mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  if (mean.shape.join() !== logVar.shape.join()) {
    throw new TypeError(
      `mean [${mean.shape}] and logVar [${logVar.shape}] must have the same shape.`,
    );
  }
  return tf.tidy(() =>
    tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(1, logVar)), 1).mul(0.5)
  );
}

/** The three terms of the VAE loss, each per image ([N]). */
export interface VaeLossTerms {
  /** Reconstruction: summed binary cross-entropy. */
  rc: tf.Tensor1D;
  /** KL(q(z|x) ‖ N(0, I)). */
  kl: tf.Tensor1D;
  /** rc + β · kl. */
  total: tf.Tensor1D;
}

/**
 * The article's `VAELoss(rc, kl, total)`, made real: per-image terms for a batch.
 *
 * @example
 * ```ts
 * const [reconstruction, mean, logVar] = vae.autoencoder.apply(images) as tf.Tensor[];
 * const { rc, kl, total } = vaeLoss(images, reconstruction, mean, logVar, { beta: 1 });
 * ```
 */
export function vaeLoss(
  images: tf.Tensor,
  reconstruction: tf.Tensor,
  mean: tf.Tensor2D,
  logVar: tf.Tensor2D,
  options: { beta?: number } = {},
): VaeLossTerms {
  const beta = options.beta ?? 1;
  if (!Number.isFinite(beta) || beta < 0) {
    throw new RangeError(`beta must be a finite number >= 0, got ${beta}.`);
  }
  const rc = perImageBinaryCrossEntropy(images, reconstruction);
  const kl = gaussianKlDivergence(mean, logVar);
  const total = tf.tidy(() => tf.add(rc, tf.mul(kl, beta)) as tf.Tensor1D);
  return { rc, kl, total };
}
