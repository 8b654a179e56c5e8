/**
 * UMAP (umap-js) as a step before clustering, as in N2D (autoencoder → UMAP → clustering): a
 * manifold embedding of the latent codes in a few dimensions, seeded for reproducibility.
 *
 * @module
 */
import { UMAP } from "umap-js";
import { createRandom } from "../../data/random.ts";
import type { LatentCodes } from "../reduction/encode_split.ts";

/**
 * Options of {@link umapEmbedding}. N2D's settings are the defaults.
 *
 * @example
 * ```ts
 * const options: UmapOptions = { components: 10, neighbors: 20, minDistance: 0, seed: 0 };
 * ```
 */
export interface UmapOptions {
  /** Output dimensions. Default 10 (N2D: the number of clusters). */
  components?: number;
  /** Neighbours of the k-NN graph. Default 20. */
  neighbors?: number;
  /** Minimum distance between embedded points. Default 0 (tight clusters). */
  minDistance?: number;
  /** Optimisation epochs. Default: umap-js's choice (500 below 10,000 points, else 200). */
  epochs?: number;
  /** Seed of UMAP's random numbers. Default 0. */
  seed?: number;
}

/**
 * Embeds codes with UMAP and returns the embedding in the layout of latent codes.
 *
 * @throws {RangeError} When there are not more codes than neighbours.
 *
 * @example
 * ```ts
 * const embedded = umapEmbedding(caeTestCodes, { components: 10 });
 * const { assignments } = kMeans(embedded.values, { dimension: 10, clusters: 10 });
 * ```
 */
export function umapEmbedding(codes: LatentCodes, options: UmapOptions = {}): LatentCodes {
  const components = options.components ?? 10;
  const neighbors = options.neighbors ?? 20;
  if (codes.count <= neighbors) {
    throw new RangeError(
      `umapEmbedding got ${codes.count} codes for ${neighbors} neighbours; pass more codes.`,
    );
  }
  const rows = Array.from(
    { length: codes.count },
    (_, row) =>
      Array.from(codes.values.subarray(row * codes.dimension, (row + 1) * codes.dimension)),
  );
  const umap = new UMAP({
    nComponents: components,
    nNeighbors: neighbors,
    minDist: options.minDistance ?? 0,
    nEpochs: options.epochs,
    random: createRandom(options.seed ?? 0),
  });
  const embedded = umap.fit(rows);
  const values = new Float32Array(codes.count * components);
  embedded.forEach((row, index) => values.set(row, index * components));
  return { values, count: codes.count, dimension: components };
}
