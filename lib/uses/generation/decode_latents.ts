/**
 * Decodes latent vectors to images in batches: the step every generation picture ends with.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";

/** Side of a Fashion-MNIST image; a decoded image has `IMAGE_SIZE²` values. */

/**
 * Options of {@link decodeLatents}.
 *
 * @example
 * ```ts
 * const options: DecodeLatentsOptions = { batchSize: 256 };
 * ```
 */
export interface DecodeLatentsOptions {
  /** Latent vectors decoded per `predict` call. Default 500. */
  batchSize?: number;
}

/**
 * The latent size a decoder takes: its input's last dimension.
 *
 * @throws {TypeError} When the decoder's input is not [N, latentDim].
 *
 * @example
 * ```ts
 * decoderLatentDim(buildVariationalAutoencoder({ latentDim: 2 }).decoder); // 2
 * ```
 */
export function decoderLatentDim(decoder: tf.LayersModel): number {
  const shape = decoder.inputs[0]?.shape;
  const latentDim = shape?.[1];
  if (decoder.inputs.length !== 1 || shape.length !== 2 || typeof latentDim !== "number") {
    throw new TypeError(
      `Expected a decoder with one input of shape [N, latentDim], got "${decoder.name}" with ` +
        `input shape [${shape}]. Pass the bundle's decoder (latent → image), not the autoencoder.`,
    );
  }
  return latentDim;
}

/**
 * Decodes latent vectors (`count · latentDim` values, one vector after another) to images
 * (`count · 784` values in [0, 1], one image after another), `batchSize` vectors at a time.
 * Every tensor it makes is freed.
 *
 * @throws {RangeError} When the number of values is not a multiple of the decoder's latent size.
 *
 * @example
 * ```ts
 * const { decoder } = buildVariationalAutoencoder({ latentDim: 2 });
 * const images = decodeLatents(decoder, new Float32Array([0, 0, 1, -1])); // 2 images
 * images.length; // 1568
 * ```
 */
export function decodeLatents(
  decoder: tf.LayersModel,
  latents: ArrayLike<number>,
  options: DecodeLatentsOptions = {},
): Float32Array {
  const latentDim = decoderLatentDim(decoder);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`decodeLatents: batchSize must be a positive integer, got ${batchSize}.`);
  }
  if (latents.length === 0 || latents.length % latentDim !== 0) {
    throw new RangeError(
      `decodeLatents got ${latents.length} latent values for a decoder of latent size ` +
        `${latentDim}; expected a positive multiple of ${latentDim} (one vector after another).`,
    );
  }
  const values = Float32Array.from(latents);
  const count = values.length / latentDim;
  const images = new Float32Array(count * PIXELS_PER_IMAGE);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const decoded = tf.tidy(() => {
      const batch = tf.tensor2d(
        values.subarray(start * latentDim, (start + size) * latentDim),
        [size, latentDim],
      );
      return (decoder.predict(batch) as tf.Tensor).dataSync() as Float32Array;
    });
    if (decoded.length !== size * PIXELS_PER_IMAGE) {
      throw new TypeError(
        `The decoder "${decoder.name}" returned ${decoded.length / size} values per image; ` +
          `expected ${PIXELS_PER_IMAGE} (28x28x1). Pass a Fashion-MNIST decoder.`,
      );
    }
    images.set(decoded, start * PIXELS_PER_IMAGE);
  }
  return images;
}
