/**
 * One N2D clustering of an encoder's codes: encode the test images (or all 70,000, training images
 * first), embed them with UMAP, fit the Gaussian mixture, and score the clusters against the
 * labels. The settings are an {@link N2dSettings} (N2D's by default).
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { FashionMnist } from "../../data/dataset.ts";
import { encodeSplit, type LatentCodes } from "../reduction/encode_split.ts";
import { type ClusteringScores, clusteringScores } from "./cluster_metrics.ts";
import { clusterManifold, type ManifoldClusteringResult } from "./manifold_clustering.ts";
import { N2D_SETTINGS, type N2dSettings } from "./n2d_report.ts";

/**
 * The codes of the images a setting clusters, with their labels: the test split, or the training
 * split followed by the test split.
 *
 * @example
 * ```ts
 * const { codes, labels } = codesToCluster(bundle.encoder, fashion, "all");
 * codes.count; // 70000
 * ```
 */
export function codesToCluster(
  encoder: tf.LayersModel,
  data: FashionMnist,
  images: N2dSettings["images"],
): { codes: LatentCodes; labels: number[] } {
  const test = encodeSplit(encoder, data, "test");
  if (images === "test") return { codes: test, labels: Array.from(data.test.labels) };
  const train = encodeSplit(encoder, data, "train");
  const values = new Float32Array(train.values.length + test.values.length);
  values.set(train.values);
  values.set(test.values, train.values.length);
  const codes: LatentCodes = { values, count: train.count + test.count, dimension: test.dimension };
  return { codes, labels: [...data.train.labels, ...data.test.labels] };
}

/**
 * What {@link clusterEncoder} returns: the labels and clusters of every image clustered, their
 * scores, and the UMAP + mixture result (embedding, EM diagnostics, timings).
 *
 * @example
 * ```ts
 * const { scores, assignments, labels }: EncoderClustering = clusterEncoder(encoder, fashion);
 * ```
 */
export interface EncoderClustering {
  labels: number[];
  assignments: Int32Array;
  scores: ClusteringScores;
  result: ManifoldClusteringResult;
}

/**
 * Clusters the images an encoder sees as N2D does and scores the clusters. UMAP's epochs follow
 * umap-learn unless the settings fix them: 500 up to 10,000 points, else 200.
 *
 * @example
 * ```ts
 * const { scores } = clusterEncoder(bundle.encoder, fashion, { ...N2D_SETTINGS }, 0);
 * scores.accuracy; // about 0.57 after 10 epochs of N2D's autoencoder
 * ```
 */
export function clusterEncoder(
  encoder: tf.LayersModel,
  data: FashionMnist,
  settings: N2dSettings = N2D_SETTINGS,
  seed = 0,
): EncoderClustering {
  const { codes, labels } = codesToCluster(encoder, data, settings.images);
  const result = clusterManifold(codes, {
    clusters: settings.clusters,
    umap: {
      neighbors: settings.umapNeighbors,
      minDistance: settings.umapMinDistance,
      epochs: settings.umapEpochs ?? (codes.count <= 10_000 ? 500 : 200),
    },
    covariance: settings.covariance,
    seed,
  });
  return {
    labels,
    assignments: result.assignments,
    scores: clusteringScores(result.assignments, labels),
    result,
  };
}
