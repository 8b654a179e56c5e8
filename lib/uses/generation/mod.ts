/**
 * Generating images from a trained decoder: samples from the prior N(0, I), the 2-D manifold of
 * a 2-d latent (a grid of prior quantiles, via an inverse normal CDF), and interpolation between
 * the latents of two images.
 *
 * @example
 * ```ts
 * import { decodeManifold, interpolateImages, samplePrior } from "../lib/uses/generation/mod.ts";
 *
 * const samples = samplePrior(vae.decoder, { count: 100, seed: 0 });
 * const manifold = decodeManifold(vae.decoder, 20);
 * const walk = interpolateImages(vae, fashion.image(0), fashion.image(1), 10);
 * ```
 *
 * @module
 */

export { decodeLatents, type DecodeLatentsOptions, decoderLatentDim } from "./decode_latents.ts";
export { type EncoderDecoder, interpolateImages, interpolateLatents } from "./interpolation.ts";
export { decodeManifold, manifoldLatents } from "./latent_manifold.ts";
export { evenlySpacedNormalQuantiles, inverseNormalCdf } from "./normal_quantile.ts";
export {
  type GeneratedImages,
  samplePrior,
  type SamplePriorOptions,
  standardNormalSamples,
} from "./prior_samples.ts";
