/**
 * The lowest summed BCE any model can reach on a dataset: the mean over images of the summed
 * binary entropy of the pixel values. Fashion-MNIST pixels are grey levels, not black or white,
 * so this floor is far from zero (about 190 nats per test image).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { batchIndices } from "../data/batches.ts";
import { imagesToTensor } from "./engine.ts";
import { perImageBinaryCrossEntropy } from "./binary_cross_entropy.ts";
import type { TrainingData } from "./trainer.ts";

/**
 * Options of {@link datasetEntropyFloor}.
 *
 * @example
 * ```ts
 * const options: EntropyFloorOptions = { indices: [0, 1, 2], batchSize: 500 };
 * ```
 */
export interface EntropyFloorOptions {
  /** Which images of the split, e.g. those of one class. Default: all of them. */
  indices?: ArrayLike<number>;
  /** Images per tensor computation. Default 1000. */
  batchSize?: number;
}

/**
 * Mean per-image summed binary entropy H(x) = −Σ x ln x + (1−x) ln(1−x) over a split (or the
 * images `indices` of it), in nats: the BCE floor, since BCE(x, p) ≥ BCE(x, x) = H(x) for every
 * prediction p.
 *
 * @throws {RangeError} When there are no images, or an index is outside the split.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const floor = datasetEntropyFloor(fashion, "test"); // ≈ 189.9
 * const sandals = Array.from({ length: fashion.test.count }, (_, index) => index)
 *   .filter((index) => fashion.label(index, "test") === 5);
 * const sandalFloor = datasetEntropyFloor(fashion, "test", { indices: sandals });
 * ```
 */
export function datasetEntropyFloor(
  data: TrainingData,
  split: "train" | "test",
  options: EntropyFloorOptions = {},
): number {
  const splitCount = data[split].count;
  const chosen = options.indices === undefined
    ? Array.from({ length: splitCount }, (_, index) => index)
    : Array.from(options.indices);
  if (chosen.length < 1) {
    throw new RangeError(
      `The entropy floor needs at least one image, but ${
        options.indices === undefined ? `the ${split} split is empty` : "indices is empty"
      }.`,
    );
  }
  const outside = chosen.find((index) =>
    !Number.isInteger(index) || index < 0 || index >= splitCount
  );
  if (outside !== undefined) {
    throw new RangeError(
      `datasetEntropyFloor: index ${outside} is not an image of the ${split} split ` +
        `(0 to ${splitCount - 1}).`,
    );
  }
  let total = 0;
  for (
    const batch of batchIndices(chosen.length, {
      batchSize: options.batchSize ?? 1000,
      shuffle: false,
    })
  ) {
    const indices = Array.from(batch, (position) => chosen[position]);
    total += tf.tidy(() => {
      const images = imagesToTensor(data.pixelsAsFloat(split, indices), indices.length);
      return tf.sum(perImageBinaryCrossEntropy(images, images)).dataSync()[0];
    });
  }
  return total / chosen.length;
}
