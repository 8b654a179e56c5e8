/**
 * N2D's clustering step: embed the autoencoder's codes with UMAP (as many dimensions as clusters,
 * 20 neighbours, min_dist 0), then fit a Gaussian mixture to the embedding and take each point's
 * most probable component (McConville et al., "N2D: (Not Too) Deep Clustering via Clustering the
 * Local Manifold of an Autoencoded Embedding", ICPR 2020).
 *
 * @module
 */
import type { LatentCodes } from "../reduction/encode_split.ts";
import { type CovarianceKind, fitGaussianMixture } from "./gaussian_mixture.ts";
import { umapEmbedding, type UmapOptions } from "./umap_embedding.ts";

/**
 * Options of {@link clusterManifold}; the defaults are N2D's.
 *
 * @example
 * ```ts
 * const options: ManifoldClusteringOptions = { clusters: 10, seed: 1, umap: { epochs: 500 } };
 * ```
 */
export interface ManifoldClusteringOptions {
  /** Number of clusters; also UMAP's output dimensions unless `umap.components` says otherwise. Default 10. */
  clusters?: number;
  /** UMAP settings. Default: `clusters` components, 20 neighbours, min_dist 0, umap-js's epochs. */
  umap?: Omit<UmapOptions, "seed">;
  /** Covariances of the mixture. Default "full" (N2D's, scikit-learn's default). */
  covariance?: CovarianceKind;
  /** Seed of UMAP and of the mixture's k-means start. Default 0. */
  seed?: number;
}

/**
 * What {@link clusterManifold} returns.
 *
 * @example
 * ```ts
 * const { assignments, embedding, mixture } = clusterManifold(codes);
 * ```
 */
export interface ManifoldClusteringResult {
  /** Cluster of each code, 0 … clusters − 1. */
  assignments: Int32Array;
  /** The UMAP embedding the mixture was fitted to. */
  embedding: LatentCodes;
  /** How the EM went: iterations, convergence, mean log-likelihood per point. */
  mixture: { iterations: number; converged: boolean; logLikelihood: number };
  /** Seconds spent in UMAP and in the mixture. */
  umapSeconds: number;
  mixtureSeconds: number;
}

/**
 * Clusters codes as N2D does: UMAP, then a Gaussian mixture on the embedding.
 *
 * @example
 * ```ts
 * const codes = encodeSplit(encoder, fashion, "test");
 * const { assignments } = clusterManifold(codes, { clusters: 10, seed: 0 });
 * clusteringScores(assignments, fashion.test.labels).accuracy;
 * ```
 */
export function clusterManifold(
  codes: LatentCodes,
  options: ManifoldClusteringOptions = {},
): ManifoldClusteringResult {
  const clusters = options.clusters ?? 10;
  const seed = options.seed ?? 0;
  const umapStart = performance.now();
  const embedding = umapEmbedding(codes, {
    components: clusters,
    neighbors: 20,
    minDistance: 0,
    ...options.umap,
    seed,
  });
  const mixtureStart = performance.now();
  const fit = fitGaussianMixture(embedding.values, {
    dimension: embedding.dimension,
    components: clusters,
    covariance: options.covariance ?? "full",
    seed,
  });
  const end = performance.now();
  return {
    assignments: fit.assignments,
    embedding,
    mixture: {
      iterations: fit.iterations,
      converged: fit.converged,
      logLikelihood: fit.logLikelihood,
    },
    umapSeconds: (mixtureStart - umapStart) / 1000,
    mixtureSeconds: (end - mixtureStart) / 1000,
  };
}
