/**
 * Interpolation in latent space: encode two images, walk the straight line between their latent
 * vectors, decode each point. A VAE's decoder was trained on a whole cloud around every latent,
 * so the walk passes through plausible clothes; a plain AE's may not.
 *
 * @module
 */
import { IMAGE_CHANNELS, IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import { decodeLatents } from "./decode_latents.ts";
import type { GeneratedImages } from "./prior_samples.ts";

/**
 * `steps` evenly spaced points on the segment from `start` to `end`, both included, one vector
 * after another: point i is start + (i / (steps − 1)) · (end − start).
 *
 * @throws {RangeError} When the vectors differ in length or steps is not an integer ≥ 2.
 *
 * @example
 * ```ts
 * interpolateLatents([0, 0], [1, 2], 3); // [0, 0, 0.5, 1, 1, 2]
 * ```
 */
export function interpolateLatents(
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  steps: number,
): Float32Array {
  if (start.length !== end.length || start.length === 0) {
    throw new RangeError(
      `interpolateLatents needs two latent vectors of the same, non-zero length; got ` +
        `${start.length} and ${end.length} values.`,
    );
  }
  if (!Number.isInteger(steps) || steps < 2) {
    throw new RangeError(
      `interpolateLatents needs steps ≥ 2 (both ends are included), got ${steps}. Pass e.g. 10.`,
    );
  }
  const dimension = start.length;
  const points = new Float32Array(steps * dimension);
  for (let step = 0; step < steps; step++) {
    const t = step / (steps - 1);
    for (let index = 0; index < dimension; index++) {
      points[step * dimension + index] = start[index] + t * (end[index] - start[index]);
    }
  }
  return points;
}

/**
 * The two halves of an autoencoder that interpolation needs (an `AutoencoderBundle` has both).
 *
 * @example
 * ```ts
 * const halves: EncoderDecoder = buildVariationalAutoencoder({ latentDim: 2 });
 * ```
 */
export interface EncoderDecoder {
  /** Image [N,28,28,1] → latent [N,latentDim] (for a VAE, the mean of q(z|x)). */
  encoder: tf.LayersModel;
  /** Latent [N,latentDim] → image [N,28,28,1]. */
  decoder: tf.LayersModel;
}

/**
 * Encodes two images (784 values each, in [0, 1]), interpolates `steps` points between their
 * latents (ends included) and decodes them. The first and last images are the reconstructions
 * of the two inputs.
 *
 * @throws {RangeError} When an image does not have 784 values.
 *
 * @example
 * ```ts
 * const walk = interpolateImages(vae, fashion.image(0), fashion.image(1), 10);
 * const png = await imageGridPng(walk.images, walk.count);
 * ```
 */
export function interpolateImages(
  model: EncoderDecoder,
  firstImage: Float32Array,
  secondImage: Float32Array,
  steps = 10,
): GeneratedImages {
  for (const [name, image] of [["firstImage", firstImage], ["secondImage", secondImage]] as const) {
    if (image.length !== PIXELS_PER_IMAGE) {
      throw new RangeError(
        `interpolateImages: ${name} has ${image.length} values, expected ${PIXELS_PER_IMAGE} (one ${IMAGE_SIZE}x${IMAGE_SIZE} image). ` +
          `Pass e.g. fashion.image(index).`,
      );
    }
  }
  const ends = tf.tidy(() => {
    const pair = tf.tensor4d([...firstImage, ...secondImage], [
      2,
      IMAGE_SIZE,
      IMAGE_SIZE,
      IMAGE_CHANNELS,
    ]);
    return (model.encoder.predict(pair) as tf.Tensor).dataSync() as Float32Array;
  });
  const dimension = ends.length / 2;
  const latents = interpolateLatents(
    ends.subarray(0, dimension),
    ends.subarray(dimension),
    steps,
  );
  return { latents, images: decodeLatents(model.decoder, latents), count: steps };
}
