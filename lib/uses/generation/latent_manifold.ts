/**
 * The 2-D manifold of a VAE with a 2-d latent: decode a regular grid of prior quantiles and lay
 * the images out where their latent points are, so one picture shows the whole latent space.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { decodeLatents, decoderLatentDim } from "./decode_latents.ts";
import type { GeneratedImages } from "./prior_samples.ts";
import { evenlySpacedNormalQuantiles } from "./normal_quantile.ts";

/**
 * The latent points of a `gridSize × gridSize` manifold, row by row as an image grid shows them:
 * z₁ = the quantiles of N(0,1) growing left to right, z₂ growing bottom to top (so the first
 * row has the largest z₂), at the probabilities (i + ½) / gridSize.
 *
 * @throws {RangeError} When gridSize is not a positive integer.
 *
 * @example
 * ```ts
 * manifoldLatents(2); // [-0.67, 0.67,  0.67, 0.67,  -0.67, -0.67,  0.67, -0.67] (rounded)
 * ```
 */
export function manifoldLatents(gridSize: number): Float32Array {
  const quantiles = evenlySpacedNormalQuantiles(gridSize);
  const latents = new Float32Array(gridSize * gridSize * 2);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const offset = (row * gridSize + column) * 2;
      latents[offset] = quantiles[column];
      latents[offset + 1] = quantiles[gridSize - 1 - row];
    }
  }
  return latents;
}

/**
 * Decodes the {@link manifoldLatents} grid with a 2-d decoder. Show the result with
 * `imageGridPng(images, count, { columns: gridSize })`.
 *
 * @throws {RangeError} When the decoder's latent is not 2-d: a manifold picture needs a plane.
 *
 * @example
 * ```ts
 * const manifold = decodeManifold(vae.decoder, 20);
 * const png = await imageGridPng(manifold.images, manifold.count, { columns: 20, scale: 1, gap: 0 });
 * ```
 */
export function decodeManifold(decoder: tf.LayersModel, gridSize = 20): GeneratedImages {
  const latentDim = decoderLatentDim(decoder);
  if (latentDim !== 2) {
    throw new RangeError(
      `decodeManifold needs a decoder with a 2-d latent, got latent size ${latentDim}. ` +
        `Train a model with latentDim 2 (e.g. deno task train --model vae --latent-dim 2).`,
    );
  }
  const latents = manifoldLatents(gridSize);
  return { latents, images: decodeLatents(decoder, latents), count: gridSize * gridSize };
}
