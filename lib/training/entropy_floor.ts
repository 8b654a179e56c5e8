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
 * Mean per-image summed binary entropy H(x) = −Σ x ln x + (1−x) ln(1−x) over a split, in nats:
 * the BCE floor, since BCE(x, p) ≥ BCE(x, x) = H(x) for every prediction p.
 *
 * @example
 * ```ts
 * const floor = datasetEntropyFloor(await loadFashionMnist(), "test"); // ≈ 189.9
 * ```
 */
export function datasetEntropyFloor(
  data: TrainingData,
  split: "train" | "test",
  batchSize = 1000,
): number {
  const count = data[split].count;
  if (count < 1) throw new RangeError(`The ${split} split is empty: it has no entropy floor.`);
  let total = 0;
  for (const indices of batchIndices(count, { batchSize, shuffle: false })) {
    total += tf.tidy(() => {
      const images = imagesToTensor(data.pixelsAsFloat(split, indices), indices.length);
      return tf.sum(perImageBinaryCrossEntropy(images, images)).dataSync()[0];
    });
  }
  return total / count;
}
