/**
 * Clustering: seeded k-means with k-means++ starts and restarts, a Gaussian mixture fitted by EM,
 * the Hungarian method, the scores of a clustering against labels (accuracy under the best
 * matching, NMI, ARI), and N2D's pipeline (UMAP then the mixture) with its report.
 *
 * @example
 * ```ts
 * import { clusteringScores, kMeans } from "../lib/uses/clustering/mod.ts";
 *
 * const { assignments } = kMeans(codes.values, { dimension: codes.dimension, clusters: 10 });
 * const { accuracy, nmi, ari } = clusteringScores(assignments, fashion.test.labels);
 * ```
 *
 * @module
 */

export {
  adjustedRandIndex,
  clusteringAccuracy,
  type ClusteringScores,
  clusteringScores,
  contingencyTable,
  normalizedMutualInformation,
} from "./cluster_metrics.ts";
export { minimumCostAssignment } from "./hungarian.ts";
export {
  type ClusteringComparisonOptions,
  type ClusteringRow,
  compareClusterings,
} from "./clustering_comparison.ts";
export { umapEmbedding, type UmapOptions } from "./umap_embedding.ts";
export {
  type CovarianceKind,
  fitGaussianMixture,
  type GaussianMixtureOptions,
  type GaussianMixtureResult,
} from "./gaussian_mixture.ts";
export { kMeans, type KMeansOptions, type KMeansResult } from "./kmeans.ts";
export { type AssignmentRow, assignmentsCsv, parseAssignmentsCsv } from "./assignments_csv.ts";
export {
  clusterManifold,
  type ManifoldClusteringOptions,
  type ManifoldClusteringResult,
} from "./manifold_clustering.ts";
export {
  N2D_SETTINGS,
  n2dEpochCurve,
  type N2dEpochPoint,
  n2dImagesName,
  type N2dReport,
  type N2dScore,
  type N2dSettings,
  PUBLISHED_N2D_ANCHORS,
  type PublishedClustering,
  summariseScores,
} from "./n2d_report.ts";
export { clusterEncoder, codesToCluster, type EncoderClustering } from "./n2d_clustering.ts";
