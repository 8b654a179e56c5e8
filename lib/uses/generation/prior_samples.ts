/**
 * New images from a VAE: draw latent vectors from the prior N(0, I) and decode them. The draw is
 * seeded (mulberry32 and the Box–Muller transform), so a picture is the same on every run and
 * every backend.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { createRandom } from "../../data/random.ts";
import { decodeLatents, decoderLatentDim } from "./decode_latents.ts";

/**
 * `count · dimension` independent standard normal numbers from a seed (Box–Muller on the
 * project's seeded generator): the same seed gives the same numbers.
 *
 * @throws {RangeError} When count or dimension is not a positive integer.
 *
 * @example
 * ```ts
 * const latents = standardNormalSamples(16, 2, 0); // 16 points of N(0, I₂)
 * ```
 */
export function standardNormalSamples(count: number, dimension: number, seed = 0): Float32Array {
  for (const [name, value] of [["count", count], ["dimension", dimension]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(
        `standardNormalSamples: ${name} must be a positive integer, got ${value}.`,
      );
    }
  }
  const random = createRandom(seed);
  const values = new Float32Array(count * dimension);
  for (let index = 0; index < values.length; index += 2) {
    // 1 − random() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    values[index] = radius * Math.cos(angle);
    if (index + 1 < values.length) values[index + 1] = radius * Math.sin(angle);
  }
  return values;
}

/**
 * Latent vectors and the images decoded from them.
 *
 * @example
 * ```ts
 * const { latents, images, count } = samplePrior(vae.decoder, { count: 25 });
 * ```
 */
export interface GeneratedImages {
  /** `count · latentDim` values, one latent vector after another. */
  latents: Float32Array;
  /** `count · 784` pixel values in [0, 1], one image after another. */
  images: Float32Array;
  /** Number of images. */
  count: number;
}

/**
 * Options of {@link samplePrior}.
 *
 * @example
 * ```ts
 * const options: SamplePriorOptions = { count: 100, seed: 7 };
 * ```
 */
export interface SamplePriorOptions {
  /** Number of images. Default 25. */
  count?: number;
  /** Seed of the draw. Default 0. */
  seed?: number;
}

/**
 * Draws `count` latent vectors from the prior N(0, I) and decodes them: for a trained VAE these
 * are new, plausible pieces of clothing; for a plain autoencoder, whose latents were never pushed
 * towards N(0, I), many are not.
 *
 * @example
 * ```ts
 * const { images, count } = samplePrior(vae.decoder, { count: 100, seed: 0 });
 * const png = await imageGridPng(images, count, { columns: 10 });
 * ```
 */
export function samplePrior(
  decoder: tf.LayersModel,
  options: SamplePriorOptions = {},
): GeneratedImages {
  const count = options.count ?? 25;
  const latents = standardNormalSamples(count, decoderLatentDim(decoder), options.seed ?? 0);
  return { latents, images: decodeLatents(decoder, latents), count };
}
