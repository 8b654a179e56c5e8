/**
 * Reconstruction loss of the article: binary cross-entropy summed over the pixels of each image,
 * averaged over the batch.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Keras' `epsilon()`: predictions are clipped to [EPSILON, 1 − EPSILON] before the logarithm. */
export const EPSILON = 1e-7;

/**
 * Per-image binary cross-entropy, summed over all pixels (and channels): shape [N].
 * Predictions are clipped to [1e-7, 1 − 1e-7] as Keras does.
 *
 * @example
 * ```ts
 * const target = tf.tensor4d([0, 1, 1, 0], [1, 2, 2, 1]);
 * const prediction = tf.fill([1, 2, 2, 1], 0.5);
 * perImageBinaryCrossEntropy(target, prediction).dataSync(); // [4 · ln 2] ≈ [2.7726]
 * ```
 */
export function perImageBinaryCrossEntropy(target: tf.Tensor, prediction: tf.Tensor): tf.Tensor1D {
  if (!arraysEqual(target.shape, prediction.shape)) {
    throw new TypeError(
      `Target shape [${target.shape}] and prediction shape [${prediction.shape}] differ; ` +
        `the loss compares images pixel by pixel, so they must match.`,
    );
  }
  return tf.tidy(() => {
    const clipped = tf.clipByValue(prediction, EPSILON, 1 - EPSILON);
    const perPixel = tf.add(
      tf.mul(target, tf.log(clipped)),
      tf.mul(tf.sub(1, target), tf.log(tf.sub(1, clipped))),
    ).neg();
    const axes = perPixel.shape.slice(1).map((_, index) => index + 1);
    return tf.sum(perPixel, axes) as tf.Tensor1D;
  });
}

/**
 * The article's training loss: {@link perImageBinaryCrossEntropy} averaged over the batch (a scalar).
 *
 * @example
 * ```ts
 * const loss = reconstructionLoss(images, autoencoder.apply(images) as tf.Tensor);
 * ```
 */
export function reconstructionLoss(target: tf.Tensor, prediction: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(perImageBinaryCrossEntropy(target, prediction)) as tf.Scalar);
}

/**
 * The floor of the summed BCE for given targets: the summed binary entropy of the pixel values,
 * which no model can go below (BCE(t, p) ≥ BCE(t, t) = H(t)). Returns the mean over images.
 *
 * @example
 * ```ts
 * binaryEntropyFloor(tf.fill([1, 28, 28, 1], 0.5)).dataSync(); // [784 · ln 2] ≈ [543.4]
 * ```
 */
export function binaryEntropyFloor(target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(perImageBinaryCrossEntropy(target, target)) as tf.Scalar);
}

function arraysEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
