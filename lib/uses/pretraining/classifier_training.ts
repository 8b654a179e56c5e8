/**
 * Trains an image classifier (any model from images [N,28,28,1] to logits) with Adam on a subset
 * of labelled training images, and measures its accuracy on a split. Only the model's trainable
 * weights change, so a frozen encoder stays as it was.
 *
 * @module
 */
import { IMAGE_CHANNELS, IMAGE_SIZE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import { batchIndices } from "../../data/batches.ts";

/**
 * Dataset view the classifier trainer needs; `FashionMnist` satisfies it.
 *
 * @example
 * ```ts
 * const data: LabelledImages = await loadFashionMnist({ limit: 2000 });
 * ```
 */
export interface LabelledImages {
  train: { count: number; labels: ArrayLike<number> };
  test: { count: number; labels: ArrayLike<number> };
  pixelsAsFloat(split: "train" | "test", indices: ArrayLike<number>): Float32Array;
}

/**
 * Options of {@link trainClassifier}.
 *
 * @example
 * ```ts
 * const options: ClassifierTrainingOptions = { steps: 300, batchSize: 32, seed: 0 };
 * ```
 */
export interface ClassifierTrainingOptions {
  /** Adam steps (whole shuffled passes over the subset, the last one cut short). */
  steps: number;
  /** Images per step (at most the subset's size). Default 32. */
  batchSize?: number;
  /** Adam learning rate. Default 1e-3. */
  learningRate?: number;
  /** Seed of the shuffling. Default 0. */
  seed?: number;
  /** Called after every step with the step number (from 1) and the batch's mean loss. */
  onStep?: (step: number, loss: number) => void;
}

function labelsOf(data: LabelledImages, split: "train" | "test", indices: ArrayLike<number>) {
  const labels = new Int32Array(indices.length);
  for (let index = 0; index < indices.length; index++) {
    labels[index] = data[split].labels[indices[index]];
  }
  return labels;
}

/**
 * Trains `model` on the training images `indices` for `options.steps` Adam steps with softmax
 * cross-entropy; returns the mean loss of the last step.
 *
 * @throws {RangeError} When `indices` is empty or `steps` is not a positive integer.
 *
 * @example
 * ```ts
 * const indices = labelsPerClass(fashion.train.labels, 100, 0);
 * await trainClassifier(classifier, fashion, indices, { steps: 300 });
 * const accuracy = classifierAccuracy(classifier, fashion, "test");
 * ```
 */
export function trainClassifier(
  model: tf.LayersModel,
  data: LabelledImages,
  indices: ArrayLike<number>,
  options: ClassifierTrainingOptions,
): number {
  if (indices.length === 0) throw new RangeError("trainClassifier: no training images given.");
  if (!Number.isInteger(options.steps) || options.steps < 1) {
    throw new RangeError(
      `trainClassifier: steps must be a positive integer, got ${options.steps}.`,
    );
  }
  const batchSize = Math.min(options.batchSize ?? 32, indices.length);
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const classes = model.outputs[0].shape[1] as number;
  let step = 0;
  let lastLoss = NaN;
  try {
    for (let epoch = 0; step < options.steps; epoch++) {
      const batches = batchIndices(indices.length, { batchSize, seed: options.seed ?? 0, epoch });
      for (const positions of batches) {
        if (step >= options.steps) break;
        const batch = Array.from(positions, (position) => indices[position]);
        lastLoss = tf.tidy(() => {
          const images = tf.tensor4d(data.pixelsAsFloat("train", batch), [
            batch.length,
            IMAGE_SIZE,
            IMAGE_SIZE,
            IMAGE_CHANNELS,
          ]);
          const targets = tf.oneHot(tf.tensor1d(labelsOf(data, "train", batch), "int32"), classes);
          const loss = optimizer.minimize(
            () => {
              const logits = model.apply(images, { training: true }) as tf.Tensor;
              return tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
            },
            true,
            variables,
          )!;
          return loss.dataSync()[0];
        });
        step += 1;
        options.onStep?.(step, lastLoss);
      }
    }
  } finally {
    optimizer.dispose();
  }
  return lastLoss;
}

/**
 * Accuracy of `model` on a split (all of it, or `indices`), `batchSize` images at a time.
 *
 * @example
 * ```ts
 * classifierAccuracy(classifier, fashion, "test"); // e.g. 0.83
 * ```
 */
export function classifierAccuracy(
  model: tf.LayersModel,
  data: LabelledImages,
  split: "train" | "test",
  indices?: ArrayLike<number>,
  batchSize = 1000,
): number {
  const chosen = indices ?? Uint32Array.from({ length: data[split].count }, (_, index) => index);
  if (chosen.length === 0) throw new RangeError("classifierAccuracy: no images to classify.");
  let correct = 0;
  for (let start = 0; start < chosen.length; start += batchSize) {
    const batch = Array.from(
      { length: Math.min(batchSize, chosen.length - start) },
      (_, offset) => chosen[start + offset],
    );
    const labels = labelsOf(data, split, batch);
    const predicted = tf.tidy(() => {
      const images = tf.tensor4d(data.pixelsAsFloat(split, batch), [
        batch.length,
        IMAGE_SIZE,
        IMAGE_SIZE,
        IMAGE_CHANNELS,
      ]);
      return tf.argMax(model.predict(images) as tf.Tensor, 1).dataSync();
    });
    for (let index = 0; index < batch.length; index++) {
      if (predicted[index] === labels[index]) correct += 1;
    }
  }
  return correct / chosen.length;
}
