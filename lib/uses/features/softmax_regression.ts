/**
 * Multinomial logistic (softmax) regression on TensorFlow.js: the small, honest classifier for
 * comparing feature types (raw pixels, PCA scores, latents). Features are standardised with the
 * training rows' mean and standard deviation; the loss is cross-entropy plus an L2 penalty on the
 * weights; Adam on mini-batches (or the whole set when it is small).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../../data/random.ts";

/**
 * Options of {@link fitSoftmaxRegression}.
 *
 * @example
 * ```ts
 * const options: SoftmaxRegressionOptions = { dimension: 20, steps: 300, l2: 1e-3 };
 * ```
 */
export interface SoftmaxRegressionOptions {
  /** Features per row. */
  dimension: number;
  /** Number of classes. Default 10. */
  classes?: number;
  /** Adam steps. Default 300. */
  steps?: number;
  /** Adam learning rate. Default 0.01. */
  learningRate?: number;
  /** Weight of the L2 penalty Σw² (added to the mean cross-entropy). Default 1e-3. */
  l2?: number;
  /** Rows per step; a smaller training set is used whole. Default 1024. */
  batchSize?: number;
  /** Seed of the mini-batch draws. Default 0. */
  seed?: number;
}

/**
 * A fitted softmax regression; plain arrays, no tensors to dispose.
 *
 * @example
 * ```ts
 * const model: SoftmaxRegressionModel = fitSoftmaxRegression(rows, labels, { dimension: 20 });
 * ```
 */
export interface SoftmaxRegressionModel {
  dimension: number;
  classes: number;
  /** Per-feature mean and standard deviation of the training rows (standardisation). */
  mean: Float32Array;
  scale: Float32Array;
  /** `dimension · classes` weights (row-major [dimension, classes]) and `classes` biases. */
  weights: Float32Array;
  bias: Float32Array;
}

function standardisation(rows: Float32Array, count: number, dimension: number) {
  const mean = new Float32Array(dimension);
  const scale = new Float32Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let index = 0; index < dimension; index++) mean[index] += rows[row * dimension + index];
  }
  for (let index = 0; index < dimension; index++) mean[index] /= count;
  for (let row = 0; row < count; row++) {
    for (let index = 0; index < dimension; index++) {
      scale[index] += (rows[row * dimension + index] - mean[index]) ** 2;
    }
  }
  // A constant feature (e.g. an always-black corner pixel) keeps scale 1 instead of dividing by 0.
  for (let index = 0; index < dimension; index++) {
    scale[index] = Math.sqrt(scale[index] / count) || 1;
  }
  return { mean, scale };
}

function checkRows(rows: Float32Array, dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 1 || rows.length % dimension !== 0) {
    throw new RangeError(
      `softmax regression got ${rows.length} values for rows of ${dimension}; expected whole rows.`,
    );
  }
  return rows.length / dimension;
}

/**
 * Fits softmax regression to `rows` (`count · dimension` values) and integer `labels`.
 *
 * @throws {RangeError} When rows and labels disagree or a label is outside 0 … classes−1.
 *
 * @example
 * ```ts
 * const model = fitSoftmaxRegression(trainRows, trainLabels, { dimension: 784 });
 * const accuracy = classificationAccuracy(predictClasses(model, testRows), testLabels);
 * ```
 */
export function fitSoftmaxRegression(
  rows: Float32Array,
  labels: ArrayLike<number>,
  options: SoftmaxRegressionOptions,
): SoftmaxRegressionModel {
  const { dimension } = options;
  const classes = options.classes ?? 10;
  const steps = options.steps ?? 300;
  const l2 = options.l2 ?? 1e-3;
  const count = checkRows(rows, dimension);
  if (labels.length !== count) {
    throw new RangeError(`fitSoftmaxRegression got ${count} rows but ${labels.length} labels.`);
  }
  const labelArray = Int32Array.from(labels as ArrayLike<number>);
  if (labelArray.some((label) => label < 0 || label >= classes)) {
    throw new RangeError(`fitSoftmaxRegression: labels must lie in 0 … ${classes - 1}.`);
  }
  const { mean, scale } = standardisation(rows, count, dimension);
  const batchSize = Math.min(options.batchSize ?? 1024, count);
  const random = createRandom(options.seed ?? 0);
  // Inside tidy, so the initial zeros are freed (variables survive a tidy).
  const weights = tf.tidy(() => tf.variable(tf.zeros([dimension, classes])));
  const bias = tf.tidy(() => tf.variable(tf.zeros([classes])));
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);
  const all = tf.tidy(() =>
    tf.div(tf.sub(tf.tensor2d(rows, [count, dimension]), tf.tensor1d(mean)), tf.tensor1d(scale))
  );
  const allLabels = tf.tensor1d(labelArray, "int32");
  try {
    for (let step = 0; step < steps; step++) {
      tf.tidy(() => {
        let batch: tf.Tensor2D = all as tf.Tensor2D;
        let batchLabels: tf.Tensor1D = allLabels;
        if (batchSize < count) {
          const picks = Int32Array.from({ length: batchSize }, () => Math.floor(random() * count));
          const pickTensor = tf.tensor1d(picks, "int32");
          batch = tf.gather(all, pickTensor) as tf.Tensor2D;
          batchLabels = tf.gather(allLabels, pickTensor);
        }
        const targets = tf.oneHot(batchLabels, classes);
        optimizer.minimize(
          () => {
            const logits = tf.add(tf.matMul(batch, weights), bias);
            const crossEntropy = tf.losses.softmaxCrossEntropy(targets, logits);
            return tf.add(crossEntropy, tf.mul(l2, tf.sum(tf.square(weights)))) as tf.Scalar;
          },
          false,
          [weights, bias],
        );
      });
    }
    return {
      dimension,
      classes,
      mean,
      scale,
      weights: weights.dataSync() as Float32Array,
      bias: bias.dataSync() as Float32Array,
    };
  } finally {
    tf.dispose([weights, bias, all, allLabels]);
    optimizer.dispose();
  }
}

/**
 * The most probable class of each row.
 *
 * @example
 * ```ts
 * const predicted = predictClasses(model, testRows); // Int32Array, one class per row
 * ```
 */
export function predictClasses(model: SoftmaxRegressionModel, rows: Float32Array): Int32Array {
  const count = checkRows(rows, model.dimension);
  return tf.tidy(() => {
    const standardised = tf.div(
      tf.sub(tf.tensor2d(rows, [count, model.dimension]), tf.tensor1d(model.mean)),
      tf.tensor1d(model.scale),
    );
    const logits = tf.add(
      tf.matMul(standardised, tf.tensor2d(model.weights, [model.dimension, model.classes])),
      tf.tensor1d(model.bias),
    );
    return tf.argMax(logits, 1).dataSync() as Int32Array;
  });
}

/**
 * Fraction of predictions equal to the labels.
 *
 * @example
 * ```ts
 * classificationAccuracy([1, 2, 3], [1, 2, 0]); // 0.666…
 * ```
 */
export function classificationAccuracy(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  if (predicted.length !== labels.length || labels.length === 0) {
    throw new RangeError(
      `classificationAccuracy got ${predicted.length} predictions for ${labels.length} labels.`,
    );
  }
  let correct = 0;
  for (let index = 0; index < labels.length; index++) {
    if (predicted[index] === labels[index]) correct += 1;
  }
  return correct / labels.length;
}
