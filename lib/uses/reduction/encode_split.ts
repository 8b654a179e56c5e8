/**
 * Encodes many images to latent vectors in batches: a whole test split to its latent codes, for
 * scatter plots, PCA comparisons and interpolation end points.
 *
 * @module
 */
import { IMAGE_CHANNELS, IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import type { TrainingData } from "../../training/trainer.ts";

/** Values of one 28×28 greyscale image. */

/**
 * Latent codes of `count` images: `count · dimension` values, one vector after another (the
 * same layout for an encoder's latents and for PCA scores).
 *
 * @example
 * ```ts
 * const codes: LatentCodes = { values: new Float32Array([0.1, -2, 1.5, 0.3]), count: 2, dimension: 2 };
 * ```
 */
export interface LatentCodes {
  values: Float32Array;
  count: number;
  dimension: number;
}

/**
 * Options of {@link encodeImages} and {@link encodeSplit}.
 *
 * @example
 * ```ts
 * const options: EncodeOptions = { batchSize: 1000 };
 * ```
 */
export interface EncodeOptions {
  /** Images per `predict` call. Default 500. */
  batchSize?: number;
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`encode: batchSize must be a positive integer, got ${batchSize}.`);
  }
}

function encodeBatch(encoder: tf.LayersModel, pixels: Float32Array, count: number): Float32Array {
  return tf.tidy(() => {
    const output = encoder.predict(
      tf.tensor4d(pixels, [count, IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS]),
    );
    if (Array.isArray(output) || output.rank !== 2) {
      throw new TypeError(
        `Expected an encoder with one output of shape [N, latentDim], got "${encoder.name}" ` +
          `with ${
            Array.isArray(output) ? `${output.length} outputs` : `shape [${output.shape}]`
          }.` +
          ` Pass the bundle's encoder (for a VAE it gives the mean of q(z|x)).`,
      );
    }
    return output.dataSync() as Float32Array;
  });
}

/**
 * Encodes images given as pixels (`count · 784` values in [0, 1], one image after another),
 * `batchSize` at a time; every tensor it makes is freed.
 *
 * @throws {RangeError} When the pixel count is not a positive multiple of 784.
 *
 * @example
 * ```ts
 * const codes = encodeImages(vae.encoder, fashion.pixelsAsFloat("test", [0, 1, 2]));
 * codes.count; // 3
 * ```
 */
export function encodeImages(
  encoder: tf.LayersModel,
  pixels: Float32Array,
  options: EncodeOptions = {},
): LatentCodes {
  const batchSize = options.batchSize ?? 500;
  checkBatchSize(batchSize);
  if (pixels.length === 0 || pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `encodeImages got ${pixels.length} pixel values; expected a positive multiple of ${PIXELS_PER_IMAGE} ` +
        `(28x28 images one after another), e.g. from fashion.pixelsAsFloat(split, indices).`,
    );
  }
  const count = pixels.length / PIXELS_PER_IMAGE;
  let values = new Float32Array(0);
  let dimension = 0;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const batch = pixels.subarray(start * PIXELS_PER_IMAGE, (start + size) * PIXELS_PER_IMAGE);
    const encoded = encodeBatch(encoder, batch, size);
    if (start === 0) {
      dimension = encoded.length / size;
      values = new Float32Array(count * dimension);
    }
    values.set(encoded, start * dimension);
  }
  return { values, count, dimension };
}

/**
 * Encodes a split of a dataset (all of it, or the given indices) in batches, reading only one
 * batch of pixels at a time.
 *
 * @throws {RangeError} When the split is empty or an index is out of range.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist({ limit: 2000 });
 * const codes = encodeSplit(cae.encoder, fashion, "test"); // 2000 latent vectors
 * ```
 */
export function encodeSplit(
  encoder: tf.LayersModel,
  data: TrainingData,
  split: "train" | "test",
  options: EncodeOptions & { indices?: ArrayLike<number> } = {},
): LatentCodes {
  const batchSize = options.batchSize ?? 500;
  checkBatchSize(batchSize);
  const indices = options.indices ??
    Uint32Array.from({ length: data[split].count }, (_, index) => index);
  if (indices.length === 0) {
    throw new RangeError(
      `encodeSplit: nothing to encode (the ${split} split or the indices given are empty).`,
    );
  }
  const parts: Float32Array[] = [];
  for (let start = 0; start < indices.length; start += batchSize) {
    const batch = Array.from(
      { length: Math.min(batchSize, indices.length - start) },
      (_, offset) => indices[start + offset],
    );
    parts.push(encodeBatch(encoder, data.pixelsAsFloat(split, batch), batch.length));
  }
  const values = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return { values, count: indices.length, dimension: values.length / indices.length };
}
