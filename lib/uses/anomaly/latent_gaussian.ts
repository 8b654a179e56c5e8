/**
 * A Gaussian fitted to the latent codes of the normal training images; the squared Mahalanobis
 * distance from it is a latent-space anomaly score ("the code is unusual", where reconstruction
 * error says "the image is badly rebuilt").
 *
 * @module
 */
import { Matrix, pseudoInverse } from "ml-matrix";

/**
 * Mean and inverse covariance of latent codes, from {@link fitLatentGaussian}.
 *
 * @example
 * ```ts
 * const gaussian: LatentGaussian = fitLatentGaussian(trainingLatents, 20);
 * ```
 */
export interface LatentGaussian {
  dimension: number;
  mean: Float64Array;
  /** Inverse of the (slightly regularised) covariance, row-major `dimension × dimension`. */
  inverseCovariance: Float64Array;
}

/**
 * Fits mean and covariance to `count` codes of `dimension` values each. The covariance gets
 * `ridge` times its mean variance added to the diagonal, so a collapsed direction cannot explode.
 *
 * @throws {RangeError} When the codes are not a whole number of vectors, or fewer than two.
 *
 * @example
 * ```ts
 * const gaussian = fitLatentGaussian(new Float32Array([0, 0, 2, 2, 0, 2]), 2);
 * mahalanobisSquared(gaussian, new Float32Array([1, 1])).length; // 1
 * ```
 */
export function fitLatentGaussian(
  codes: Float32Array,
  dimension: number,
  ridge = 1e-3,
): LatentGaussian {
  const count = codes.length / dimension;
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(
      `fitLatentGaussian needs at least two codes of ${dimension} values, got ${codes.length} ` +
        `values. Encode more normal images.`,
    );
  }
  const mean = new Float64Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let axis = 0; axis < dimension; axis++) mean[axis] += codes[row * dimension + axis];
  }
  for (let axis = 0; axis < dimension; axis++) mean[axis] /= count;
  const covariance = Matrix.zeros(dimension, dimension);
  const centred = new Float64Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let axis = 0; axis < dimension; axis++) {
      centred[axis] = codes[row * dimension + axis] - mean[axis];
    }
    for (let i = 0; i < dimension; i++) {
      for (let j = i; j < dimension; j++) {
        covariance.set(i, j, covariance.get(i, j) + centred[i] * centred[j]);
      }
    }
  }
  let trace = 0;
  for (let i = 0; i < dimension; i++) {
    for (let j = i; j < dimension; j++) {
      const value = covariance.get(i, j) / (count - 1);
      covariance.set(i, j, value);
      covariance.set(j, i, value);
    }
    trace += covariance.get(i, i);
  }
  const jitter = ridge * Math.max(trace / dimension, 1e-12);
  for (let i = 0; i < dimension; i++) covariance.set(i, i, covariance.get(i, i) + jitter);
  const inverse = pseudoInverse(covariance);
  return { dimension, mean, inverseCovariance: Float64Array.from(inverse.to1DArray()) };
}

/**
 * Squared Mahalanobis distance of each code from the fitted Gaussian.
 *
 * @example
 * ```ts
 * const distances = mahalanobisSquared(gaussian, raw.latents);
 * ```
 */
export function mahalanobisSquared(gaussian: LatentGaussian, codes: Float32Array): Float32Array {
  const { dimension, mean, inverseCovariance } = gaussian;
  if (codes.length % dimension !== 0) {
    throw new RangeError(
      `mahalanobisSquared got ${codes.length} values, not a whole number of ${dimension}-value ` +
        `codes. Pass codes from the same encoder the Gaussian was fitted on.`,
    );
  }
  const count = codes.length / dimension;
  const distances = new Float32Array(count);
  const centred = new Float64Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let axis = 0; axis < dimension; axis++) {
      centred[axis] = codes[row * dimension + axis] - mean[axis];
    }
    let total = 0;
    for (let i = 0; i < dimension; i++) {
      let inner = 0;
      for (let j = 0; j < dimension; j++) {
        inner += inverseCovariance[i * dimension + j] * centred[j];
      }
      total += centred[i] * inner;
    }
    distances[row] = total;
  }
  return distances;
}
