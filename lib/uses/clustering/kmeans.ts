/**
 * k-means with k-means++ starts and several restarts, on rows of floats (e.g. 784 pixels or 20
 * latent values per image), with the npm library `ml-kmeans` (Lloyd's algorithm; its k-means++
 * start tries 2 + ln k candidates per centre, as scikit-learn does). Seeded, so the same seed
 * gives the same clustering; the restart with the least inertia wins.
 *
 * @module
 */
import { kmeans } from "ml-kmeans";
import { mixSeed } from "../../data/random.ts";

/**
 * Options of {@link kMeans}.
 *
 * @example
 * ```ts
 * const options: KMeansOptions = { dimension: 20, clusters: 10, restarts: 10, seed: 0 };
 * ```
 */
export interface KMeansOptions {
  /** Values per row. */
  dimension: number;
  /** Number of clusters k. */
  clusters: number;
  /** Independent k-means++ starts; the one with the least inertia wins. Default 10. */
  restarts?: number;
  /** Seed of the k-means++ draws. Default 0. */
  seed?: number;
  /** Lloyd iterations per start at most. Default 300. */
  maxIterations?: number;
}

/**
 * What {@link kMeans} returns (the best restart).
 *
 * @example
 * ```ts
 * const { assignments, inertia } = kMeans(rows, { dimension: 2, clusters: 3 });
 * ```
 */
export interface KMeansResult {
  /** Cluster of each row, 0 … k−1. */
  assignments: Int32Array;
  /** The k centroids, `clusters · dimension` values. */
  centroids: Float64Array;
  /** Sum of squared distances of the rows to their centroids. */
  inertia: number;
  /** Lloyd iterations the best start took. */
  iterations: number;
  /** Inertia of every restart, in order. */
  restartInertias: number[];
}

function rowsOf(rows: Float32Array, count: number, dimension: number): number[][] {
  return Array.from(
    { length: count },
    (_, row) => Array.from(rows.subarray(row * dimension, (row + 1) * dimension)),
  );
}

function inertiaOf(data: number[][], centroids: number[][], assignments: number[]): number {
  let inertia = 0;
  for (const [row, values] of data.entries()) {
    const centroid = centroids[assignments[row]];
    for (let index = 0; index < values.length; index++) {
      const difference = values[index] - centroid[index];
      inertia += difference * difference;
    }
  }
  return inertia;
}

/**
 * Clusters `rows` (`count · dimension` values, one row after another) into `clusters` groups:
 * `restarts` k-means++ starts, each refined by Lloyd iterations until the centroids stop moving;
 * the start with the smallest inertia is returned.
 *
 * @throws {RangeError} When the rows are not whole rows, or there are fewer rows than clusters.
 *
 * @example
 * ```ts
 * const rows = new Float32Array([0, 0, 0, 1, 10, 10, 10, 11]); // 4 points in 2-d
 * kMeans(rows, { dimension: 2, clusters: 2, restarts: 3 }).assignments; // e.g. [0, 0, 1, 1]
 * ```
 */
export function kMeans(rows: Float32Array, options: KMeansOptions): KMeansResult {
  const { dimension, clusters } = options;
  const restarts = options.restarts ?? 10;
  const seed = options.seed ?? 0;
  const maxIterations = options.maxIterations ?? 300;
  if (!Number.isInteger(dimension) || dimension < 1 || rows.length % dimension !== 0) {
    throw new RangeError(
      `kMeans got ${rows.length} values with dimension ${dimension}; expected whole rows.`,
    );
  }
  const count = rows.length / dimension;
  for (const [name, value] of [["clusters", clusters], ["restarts", restarts]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`kMeans: ${name} must be a positive integer, got ${value}.`);
    }
  }
  if (count < clusters) {
    throw new RangeError(`kMeans: ${count} rows cannot form ${clusters} clusters; pass more rows.`);
  }
  const data = rowsOf(rows, count, dimension);
  let best: Omit<KMeansResult, "restartInertias"> | undefined;
  const restartInertias: number[] = [];
  for (let restart = 0; restart < restarts; restart++) {
    const result = kmeans(data, clusters, {
      initialization: "kmeans++",
      seed: mixSeed(seed, restart),
      maxIterations,
    });
    const inertia = inertiaOf(data, result.centroids, result.clusters);
    restartInertias.push(inertia);
    if (best === undefined || inertia < best.inertia) {
      best = {
        assignments: Int32Array.from(result.clusters),
        centroids: Float64Array.from(result.centroids.flat()),
        inertia,
        iterations: result.iterations,
      };
    }
  }
  return { ...best!, restartInertias };
}
