/**
 * Attribute restoration (after ARNet, Ye et al., IEEE TMM 2022): erase an attribute of the image,
 * here its orientation, and train the autoencoder to restore it. Each training image goes in turned
 * by 0, 90, 180 or 270 degrees and the target is the upright image, so the network must learn which
 * way up the normal class stands; images of other classes are restored badly. The anomaly score is
 * the restoration error averaged over the four turns.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { PerImageLoss } from "../../training/engine.ts";
import { perImageBinaryCrossEntropy } from "../../training/binary_cross_entropy.ts";

/**
 * Quarter turns the restoration training and score use: 0°, 90°, 180°, 270°.
 *
 * @example
 * ```ts
 * QUARTER_TURNS.length; // 4
 * ```
 */
export const QUARTER_TURNS = [0, 1, 2, 3] as const;

/**
 * Turns images [N,H,W,C] by `turns` quarter turns counter-clockwise (a negative count turns
 * clockwise). The caller owns the result.
 *
 * @example
 * ```ts
 * const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]); // [[1, 2], [3, 4]]
 * rotateQuarterTurns(image, 1).dataSync(); // [2, 4, 1, 3]: [[2, 4], [1, 3]]
 * ```
 */
export function rotateQuarterTurns(images: tf.Tensor4D, turns: number): tf.Tensor4D {
  if (!Number.isInteger(turns)) {
    throw new RangeError(`turns must be a whole number of quarter turns, got ${turns}.`);
  }
  const count = ((turns % 4) + 4) % 4;
  return tf.tidy(() => {
    if (count === 0) return images.clone();
    if (count === 2) return tf.reverse(images, [1, 2]);
    // (row, column) → (column, row) then flip rows: one quarter turn counter-clockwise.
    const transposed = tf.transpose(images, [0, 2, 1, 3]);
    return tf.reverse(transposed, count === 1 ? [1] : [2]);
  });
}

/**
 * The reconstruction error a restoration autoencoder is trained with: summed squared error
 * (`"mse"`) or the article's summed binary cross-entropy (`"bce"`), per image: shape [N].
 *
 * @example
 * ```ts
 * perImageError("mse", tf.ones([1, 28, 28, 1]), tf.zeros([1, 28, 28, 1])).dataSync(); // [784]
 * ```
 */
export function perImageError(
  kind: "mse" | "bce",
  target: tf.Tensor,
  prediction: tf.Tensor,
): tf.Tensor1D {
  if (kind === "bce") return perImageBinaryCrossEntropy(target, prediction);
  return tf.tidy(() => tf.sum(tf.square(tf.sub(target, prediction)), [1, 2, 3]) as tf.Tensor1D);
}

/**
 * Splits a batch into four consecutive parts and turns part `k` by `k` quarter turns. The trainer
 * shuffles images into batches every epoch, so each image meets a random turn each epoch.
 *
 * @example
 * ```ts
 * const turned = turnBatchQuarters(images); // same shape as images
 * ```
 */
export function turnBatchQuarters(images: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const count = images.shape[0];
    const part = Math.ceil(count / QUARTER_TURNS.length);
    const pieces: tf.Tensor4D[] = [];
    for (const turns of QUARTER_TURNS) {
      const begin = turns * part;
      const size = Math.min(part, count - begin);
      if (size <= 0) break;
      const piece = tf.slice(images, [begin, 0, 0, 0], [size, ...images.shape.slice(1)] as [
        number,
        number,
        number,
        number,
      ]);
      pieces.push(rotateQuarterTurns(piece, turns));
    }
    return tf.concat(pieces, 0);
  });
}

/**
 * A training loss for the trainer: with `erase: "rotation"` the model gets the batch turned by
 * {@link turnBatchQuarters} and must give back the upright images; with `erase: "none"` it is a
 * plain autoencoder loss. `error` picks squared error or binary cross-entropy.
 *
 * @example
 * ```ts
 * const engine = createLocalEngine({
 *   model: bundle.autoencoder,
 *   perImageLoss: restorationLoss({ erase: "rotation", error: "mse" }),
 * });
 * ```
 */
export function restorationLoss(
  options: { erase: "none" | "rotation"; error: "mse" | "bce" },
): PerImageLoss {
  return (model, images, training) => {
    const input = options.erase === "rotation" ? turnBatchQuarters(images) : images;
    const output = model.apply(input, { training });
    if (Array.isArray(output)) {
      throw new TypeError(
        `Restoration training needs a model with one output (the image); "${model.name}" has ` +
          `${output.length}.`,
      );
    }
    return { loss: perImageError(options.error, images, output as tf.Tensor) };
  };
}
