/**
 * Reconstructing many images with a trained autoencoder, in batches, with the article's loss of
 * each one (binary cross-entropy summed over its pixels), for pictures, per-image captions and the
 * most and least anomalous images. A VAE reconstructs from the mean of q(z|x), so the result does
 * not depend on sampling noise.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { type AutoencoderBundle, predict } from "../../models/autoencoder_bundle.ts";
import { perImageBinaryCrossEntropy } from "../../training/binary_cross_entropy.ts";

/**
 * What {@link reconstructImages} returns.
 *
 * @example
 * ```ts
 * const result: Reconstructions = reconstructImages(bundle, fashion.pixelsAsFloat("test", [0]));
 * console.log(result.count, result.binaryCrossEntropy[0]);
 * ```
 */
export interface Reconstructions {
  /** The reconstructed images, `count · 784` values in [0, 1], in the order given. */
  images: Float32Array;
  /** Summed BCE of each image against its reconstruction, in nats (the article's loss). */
  binaryCrossEntropy: Float32Array;
  count: number;
}

/**
 * Runs images (`count · 784` pixels in [0, 1], one image after another) through an autoencoder's
 * encoder and decoder, `batchSize` at a time, and frees every tensor.
 *
 * @param bundle The autoencoder, e.g. `buildConvAutoencoder()` or `splitAutoencoder(await
 *   loadModel(runDir))`.
 * @param pixels The images, e.g. `fashion.pixelsAsFloat("test", indices)`.
 * @param options `batchSize`: images per `predict` call, default 500.
 * @throws {RangeError} When the pixels are not whole 28x28 images or `batchSize` is bad.
 *
 * @example
 * ```ts
 * const originals = fashion.pixelsAsFloat("test", [0, 1, 2, 3]);
 * const { images, binaryCrossEntropy } = reconstructImages(bundle, originals);
 * const png = await reconstructionGridPng(originals, images, {
 *   errors: binaryCrossEntropy,
 *   errorName: "bce",
 * });
 * ```
 */
export function reconstructImages(
  bundle: AutoencoderBundle,
  pixels: Float32Array,
  options: { batchSize?: number } = {},
): Reconstructions {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `reconstructImages: batchSize must be a positive integer, got ${batchSize}.`,
    );
  }
  if (pixels.length === 0 || pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `reconstructImages got ${pixels.length} pixel values; expected a positive multiple of ` +
        `${PIXELS_PER_IMAGE} (${IMAGE_SIZE}x${IMAGE_SIZE} images one after another), e.g. from ` +
        `fashion.pixelsAsFloat(split, indices).`,
    );
  }
  const count = pixels.length / PIXELS_PER_IMAGE;
  const images = new Float32Array(pixels.length);
  const binaryCrossEntropy = new Float32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const batch = pixels.subarray(start * PIXELS_PER_IMAGE, (start + size) * PIXELS_PER_IMAGE);
    const [reconstructed, losses] = tf.tidy(() => {
      const input = tf.tensor4d(batch, [size, IMAGE_SIZE, IMAGE_SIZE, 1]);
      const { y } = predict(bundle, input);
      return [
        y.dataSync() as Float32Array,
        perImageBinaryCrossEntropy(input, y).dataSync() as Float32Array,
      ];
    });
    images.set(reconstructed, start * PIXELS_PER_IMAGE);
    binaryCrossEntropy.set(losses, start);
  }
  return { images, binaryCrossEntropy, count };
}
