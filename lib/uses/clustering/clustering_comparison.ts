/**
 * k-means on several feature types of the same images, each scored against the labels.
 *
 * @module
 */
import type { LatentCodes } from "../reduction/encode_split.ts";
import { type ClusteringScores, clusteringScores } from "./cluster_metrics.ts";
import { kMeans } from "./kmeans.ts";

/**
 * One clustering result row.
 *
 * @example
 * ```ts
 * const row: ClusteringRow = {
 *   features: "CAE latent (20)", dimension: 20, accuracy: 0.6, nmi: 0.6, ari: 0.45,
 *   inertia: 1e5, seconds: 3,
 * };
 * ```
 */
export interface ClusteringRow extends ClusteringScores {
  features: string;
  dimension: number;
  inertia: number;
  seconds: number;
}

/**
 * Options of {@link compareClusterings}.
 *
 * @example
 * ```ts
 * const options: ClusteringComparisonOptions = { clusters: 10, restarts: 10, seed: 0 };
 * ```
 */
export interface ClusteringComparisonOptions {
  /** Clusters. Default 10. */
  clusters?: number;
  /** k-means++ restarts. Default 10. */
  restarts?: number;
  /** Seed. Default 0. */
  seed?: number;
  /** Called after each row. */
  onRow?: (row: ClusteringRow) => void;
}

/**
 * Runs k-means on every named set of codes and scores it (accuracy with Hungarian matching,
 * NMI, ARI) against `labels`.
 *
 * @example
 * ```ts
 * const rows = compareClusterings([{ name: "raw pixels", codes: pixelCodes }], fashion.test.labels);
 * ```
 */
export function compareClusterings(
  sets: readonly { name: string; codes: LatentCodes }[],
  labels: ArrayLike<number>,
  options: ClusteringComparisonOptions = {},
): ClusteringRow[] {
  return sets.map(({ name, codes }) => {
    const start = performance.now();
    const result = kMeans(codes.values, {
      dimension: codes.dimension,
      clusters: options.clusters ?? 10,
      restarts: options.restarts ?? 10,
      seed: options.seed ?? 0,
    });
    const row: ClusteringRow = {
      features: name,
      dimension: codes.dimension,
      ...clusteringScores(result.assignments, labels),
      inertia: result.inertia,
      seconds: (performance.now() - start) / 1000,
    };
    options.onRow?.(row);
    return row;
  });
}
