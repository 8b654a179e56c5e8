/**
 * How well clusters match labels: accuracy under the best one-to-one cluster/label matching
 * (Hungarian method), normalised mutual information (arithmetic-mean normalisation, scikit-learn's
 * default) and the adjusted Rand index. All three are 1 for a perfect clustering up to renaming.
 *
 * @module
 */
import { minimumCostAssignment } from "./hungarian.ts";

/**
 * The three scores of a clustering against labels.
 *
 * @example
 * ```ts
 * const scores: ClusteringScores = { accuracy: 0.61, nmi: 0.64, ari: 0.47 };
 * ```
 */
export interface ClusteringScores {
  /** Fraction of points whose cluster maps to their label under the best one-to-one matching. */
  accuracy: number;
  /** Normalised mutual information, MI / mean(H(clusters), H(labels)). */
  nmi: number;
  /** Adjusted Rand index: 0 for chance, 1 for identical partitions. */
  ari: number;
}

/**
 * Counts of (cluster, label) pairs: `table[cluster][label]`.
 *
 * @throws {RangeError} When the arrays differ in length, are empty, or hold negative or
 *   non-integer ids.
 *
 * @example
 * ```ts
 * contingencyTable([0, 0, 1], [1, 1, 0]); // [[0, 2], [1, 0]]
 * ```
 */
export function contingencyTable(
  clusters: ArrayLike<number>,
  labels: ArrayLike<number>,
): number[][] {
  if (clusters.length !== labels.length || clusters.length === 0) {
    throw new RangeError(
      `contingencyTable got ${clusters.length} cluster ids and ${labels.length} labels; ` +
        `expected the same positive number (one of each per point).`,
    );
  }
  let clusterCount = 0;
  let labelCount = 0;
  for (let index = 0; index < clusters.length; index++) {
    for (const value of [clusters[index], labels[index]]) {
      if (!Number.isInteger(value) || value < 0) {
        throw new RangeError(
          `contingencyTable: ids must be integers >= 0, got ${value} at point ${index}.`,
        );
      }
    }
    clusterCount = Math.max(clusterCount, clusters[index] + 1);
    labelCount = Math.max(labelCount, labels[index] + 1);
  }
  const table = Array.from({ length: clusterCount }, () => new Array<number>(labelCount).fill(0));
  for (let index = 0; index < clusters.length; index++) table[clusters[index]][labels[index]] += 1;
  return table;
}

/**
 * Accuracy under the best one-to-one matching of clusters to labels (Hungarian method); with
 * more clusters than labels the extra clusters count as wrong.
 *
 * @example
 * ```ts
 * clusteringAccuracy([1, 1, 0, 0], [0, 0, 1, 1]); // 1 (cluster 1 is label 0, cluster 0 label 1)
 * ```
 */
export function clusteringAccuracy(clusters: ArrayLike<number>, labels: ArrayLike<number>): number {
  const table = contingencyTable(clusters, labels);
  const largest = Math.max(...table.flat());
  const assignment = minimumCostAssignment(table.map((row) => row.map((count) => largest - count)));
  let matched = 0;
  assignment.forEach((label, cluster) => {
    if (label >= 0) matched += table[cluster][label];
  });
  return matched / clusters.length;
}

function entropy(counts: readonly number[], total: number): number {
  let sum = 0;
  for (const count of counts) if (count > 0) sum -= (count / total) * Math.log(count / total);
  return sum;
}

/**
 * Normalised mutual information, MI(C; L) / ((H(C) + H(L)) / 2), natural logs (the base cancels).
 * Defined as 1 when both partitions have a single group.
 *
 * @example
 * ```ts
 * normalizedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 * normalizedMutualInformation([0, 1, 0, 1], [0, 0, 1, 1]); // 0
 * ```
 */
export function normalizedMutualInformation(
  clusters: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  const table = contingencyTable(clusters, labels);
  const total = clusters.length;
  const clusterSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const labelSums = table[0].map((_, label) => table.reduce((sum, row) => sum + row[label], 0));
  const clusterEntropy = entropy(clusterSums, total);
  const labelEntropy = entropy(labelSums, total);
  if (clusterEntropy === 0 && labelEntropy === 0) return 1;
  let mutual = 0;
  table.forEach((row, cluster) =>
    row.forEach((count, label) => {
      if (count > 0) {
        mutual += (count / total) *
          Math.log((count * total) / (clusterSums[cluster] * labelSums[label]));
      }
    })
  );
  return Math.max(0, mutual) / ((clusterEntropy + labelEntropy) / 2);
}

const pairs = (count: number) => (count * (count - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie): the Rand index corrected for chance, 1 for identical
 * partitions, about 0 for independent ones (it can be negative).
 *
 * @example
 * ```ts
 * adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 * adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]); // -0.5
 * ```
 */
export function adjustedRandIndex(clusters: ArrayLike<number>, labels: ArrayLike<number>): number {
  const table = contingencyTable(clusters, labels);
  const clusterSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const labelSums = table[0].map((_, label) => table.reduce((sum, row) => sum + row[label], 0));
  const index = table.flat().reduce((sum, count) => sum + pairs(count), 0);
  const clusterPairs = clusterSums.reduce((sum, count) => sum + pairs(count), 0);
  const labelPairs = labelSums.reduce((sum, count) => sum + pairs(count), 0);
  const expected = (clusterPairs * labelPairs) / pairs(clusters.length);
  const maximum = (clusterPairs + labelPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}

/**
 * Accuracy, NMI and ARI of a clustering against labels.
 *
 * @example
 * ```ts
 * const { accuracy, nmi, ari } = clusteringScores(result.assignments, testLabels);
 * ```
 */
export function clusteringScores(
  clusters: ArrayLike<number>,
  labels: ArrayLike<number>,
): ClusteringScores {
  return {
    accuracy: clusteringAccuracy(clusters, labels),
    nmi: normalizedMutualInformation(clusters, labels),
    ari: adjustedRandIndex(clusters, labels),
  };
}
