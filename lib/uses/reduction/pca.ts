/**
 * Principal component analysis: the linear baseline for a latent space. Fit on N×D data (e.g.
 * 784 pixels per image): the mean, the covariance as one matrix product on the TensorFlow.js
 * backend, then a symmetric eigendecomposition (ml-matrix). Transform projects data onto the
 * leading components; the inverse transform maps scores back to data space.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import type { LatentCodes } from "./encode_split.ts";

/**
 * A fitted PCA.
 *
 * @example
 * ```ts
 * const pca: PcaModel = fitPca(pixels, { dimension: 784, components: 2 });
 * pca.components.length; // 2 · 784
 * ```
 */
export interface PcaModel {
  /** Length of a data row, e.g. 784. */
  dimension: number;
  /** Number of components kept. */
  componentCount: number;
  /** Mean of the data rows (`dimension` values). */
  mean: Float32Array;
  /** Unit-length principal directions, largest variance first: `componentCount · dimension`. */
  components: Float32Array;
  /** Variance of the data along each kept component (the covariance's eigenvalues). */
  explainedVariance: Float64Array;
  /** Total variance of the data (the covariance's trace), for explained-variance ratios. */
  totalVariance: number;
}

/**
 * Options of {@link fitPca}.
 *
 * @example
 * ```ts
 * const options: FitPcaOptions = { dimension: 784, components: 2 };
 * ```
 */
export interface FitPcaOptions {
  /** Length of one data row. */
  dimension: number;
  /** Components to keep. Default: all `dimension`. */
  components?: number;
}

/**
 * Fits PCA to `rows` (`N · dimension` values, one row after another, N ≥ 2). Each component's
 * sign is chosen so that its largest-magnitude entry is positive, so fits are reproducible.
 *
 * @throws {RangeError} When the data does not split into at least two rows of `dimension`, or
 *   `components` is not between 1 and `dimension`.
 *
 * @example
 * ```ts
 * const pca = fitPca(fashion.pixelsAsFloat("train", indices), { dimension: 784, components: 2 });
 * const scores = pcaTransform(pca, fashion.pixelsAsFloat("test", [0, 1, 2]));
 * ```
 */
export function fitPca(rows: Float32Array, options: FitPcaOptions): PcaModel {
  const { dimension } = options;
  const componentCount = options.components ?? dimension;
  if (!Number.isInteger(dimension) || dimension < 1 || rows.length % dimension !== 0) {
    throw new RangeError(
      `fitPca got ${rows.length} values with dimension ${dimension}; expected whole rows ` +
        `(a multiple of a positive dimension, e.g. ${PIXELS_PER_IMAGE} per image).`,
    );
  }
  const count = rows.length / dimension;
  if (count < 2) {
    throw new RangeError(`fitPca needs at least 2 rows to estimate a covariance, got ${count}.`);
  }
  if (!Number.isInteger(componentCount) || componentCount < 1 || componentCount > dimension) {
    throw new RangeError(
      `fitPca: components must be an integer from 1 to ${dimension}, got ${componentCount}.`,
    );
  }
  const [mean, covariance] = tf.tidy(() => {
    const data = tf.tensor2d(rows, [count, dimension]);
    const rowMean = tf.mean(data, 0);
    const centered = tf.sub(data, rowMean);
    const scatter = tf.matMul(centered, centered, true, false);
    return [rowMean.dataSync() as Float32Array, tf.div(scatter, count - 1).dataSync()];
  });
  const matrix = new Matrix(dimension, dimension);
  for (let row = 0; row < dimension; row++) {
    for (let column = 0; column < dimension; column++) {
      // Symmetrise: float32 sums can differ in the last bit between the two triangles.
      const value = (covariance[row * dimension + column] + covariance[column * dimension + row]) /
        2;
      matrix.set(row, column, value);
    }
  }
  const decomposition = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  const eigenvalues = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix;
  const order = eigenvalues.map((_, index) => index).sort((a, b) =>
    eigenvalues[b] - eigenvalues[a]
  );
  const components = new Float32Array(componentCount * dimension);
  const explainedVariance = new Float64Array(componentCount);
  for (let component = 0; component < componentCount; component++) {
    const column = order[component];
    let largest = 0;
    for (let row = 0; row < dimension; row++) {
      const value = vectors.get(row, column);
      if (Math.abs(value) > Math.abs(largest)) largest = value;
    }
    const sign = largest < 0 ? -1 : 1;
    for (let row = 0; row < dimension; row++) {
      components[component * dimension + row] = sign * vectors.get(row, column);
    }
    explainedVariance[component] = Math.max(0, eigenvalues[column]);
  }
  let totalVariance = 0;
  for (let index = 0; index < dimension; index++) {
    totalVariance += covariance[index * dimension + index];
  }
  return { dimension, componentCount, mean, components, explainedVariance, totalVariance };
}

function checkRows(name: string, values: Float32Array, width: number, what: string): number {
  if (values.length === 0 || values.length % width !== 0) {
    throw new RangeError(
      `${name} got ${values.length} values; expected a positive multiple of ${width} (${what}).`,
    );
  }
  return values.length / width;
}

/**
 * Projects data rows onto the fitted components: scores (x − mean) · Wᵀ, `componentCount` per
 * row, in the same layout as an encoder's latent codes.
 *
 * @throws {RangeError} When the data is not whole rows of the fitted dimension.
 *
 * @example
 * ```ts
 * const scores = pcaTransform(pca, fashion.pixelsAsFloat("test", [0, 1]));
 * scores.dimension; // pca.componentCount
 * ```
 */
export function pcaTransform(pca: PcaModel, rows: Float32Array): LatentCodes {
  const count = checkRows("pcaTransform", rows, pca.dimension, `rows of ${pca.dimension} values`);
  const values = tf.tidy(() => {
    const centered = tf.sub(tf.tensor2d(rows, [count, pca.dimension]), tf.tensor1d(pca.mean));
    const weights = tf.tensor2d(pca.components, [pca.componentCount, pca.dimension]);
    return tf.matMul(centered, weights, false, true).dataSync() as Float32Array;
  });
  return { values, count, dimension: pca.componentCount };
}

/**
 * Maps scores back to data space: x̂ = scores · W + mean. With all components it undoes
 * {@link pcaTransform} (up to rounding); with fewer it gives the best linear reconstruction.
 *
 * @throws {RangeError} When the scores are not whole rows of `componentCount` values.
 *
 * @example
 * ```ts
 * const reconstructed = pcaInverseTransform(pca, pcaTransform(pca, pixels).values);
 * ```
 */
export function pcaInverseTransform(pca: PcaModel, scores: Float32Array): Float32Array {
  const count = checkRows(
    "pcaInverseTransform",
    scores,
    pca.componentCount,
    `scores of ${pca.componentCount} components per row`,
  );
  return tf.tidy(() => {
    const weights = tf.tensor2d(pca.components, [pca.componentCount, pca.dimension]);
    const projected = tf.matMul(tf.tensor2d(scores, [count, pca.componentCount]), weights);
    return tf.add(projected, tf.tensor1d(pca.mean)).dataSync() as Float32Array;
  });
}
