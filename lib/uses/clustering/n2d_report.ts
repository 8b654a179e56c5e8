/**
 * What an N2D clustering report holds: the settings it is tied to (N2D's by default), one score
 * per seed and scored epoch, mean ± standard deviation over the seeds, and the published results
 * it is compared with. Plain data, written by `deno task cluster` as `report.json`.
 *
 * @module
 */
import { meanAndStandardDeviation } from "../features/summary_statistics.ts";
import type { CovarianceKind } from "./gaussian_mixture.ts";

/**
 * The settings a report is tied to: resuming with different ones is refused.
 *
 * @example
 * ```ts
 * const settings: N2dSettings = { ...N2D_SETTINGS, images: "all" };
 * ```
 */
export interface N2dSettings {
  /** Cluster the 10,000 test images, or all 70,000 (training images first). */
  images: "test" | "all";
  latentDim: number;
  batchSize: number;
  learningRate: number;
  clusters: number;
  umapNeighbors: number;
  umapMinDistance: number;
  /** UMAP epochs; null: umap-learn's rule (500 up to 10,000 points, else 200). */
  umapEpochs: number | null;
  covariance: CovarianceKind;
  /** Use only the first N training and N test images (smoke tests); null: all. */
  limit: number | null;
}

/**
 * N2D's settings (McConville et al. 2020, github.com/rymc/n2d): latent 10, batch 256, Adam 1e-3,
 * UMAP to 10 dimensions with 20 neighbours and min_dist 0, a full-covariance Gaussian mixture.
 * UMAP's epochs follow umap-learn (umap-js would use 200 for 10,000 points).
 *
 * @example
 * ```ts
 * N2D_SETTINGS.umapNeighbors; // 20
 * ```
 */
export const N2D_SETTINGS: Readonly<N2dSettings> = Object.freeze({
  images: "test",
  latentDim: 10,
  batchSize: 256,
  learningRate: 1e-3,
  clusters: 10,
  umapNeighbors: 20,
  umapMinDistance: 0,
  umapEpochs: null,
  covariance: "full",
  limit: null,
});

/**
 * One clustering of one seed's autoencoder after some epochs.
 *
 * @example
 * ```ts
 * const best = report.scores.reduce((a, b) => (a.accuracy > b.accuracy ? a : b));
 * ```
 */
export interface N2dScore {
  seed: number;
  epoch: number;
  accuracy: number;
  nmi: number;
  ari: number;
  /** The autoencoder's mean test MSE per pixel after this epoch. */
  testLoss: number;
  umapSeconds: number;
  mixtureSeconds: number;
  mixtureIterations: number;
  mixtureConverged: boolean;
  /** Mean log-likelihood per point of the mixture on the UMAP embedding. */
  mixtureLogLikelihood: number;
}

/**
 * `<out>/report.json`: settings, every score so far, and once every seed reached the final epoch,
 * mean ± sample standard deviation over the seeds.
 *
 * @example
 * ```ts
 * const report = JSON.parse(await Deno.readTextFile("notebooks/results/n2d/report.json")) as N2dReport;
 * ```
 */
export interface N2dReport {
  /** When the report was last written. */
  date: string;
  settings: N2dSettings;
  seeds: number[];
  epochs: number;
  scoreEpochs: number[];
  /** What the CSV's `index` column counts. */
  indexMeaning: string;
  scores: N2dScore[];
  /** The score of each seed at the final epoch (only seeds that reached it). */
  final: N2dScore[];
  summary: Record<"accuracy" | "nmi" | "ari", { mean: number; std: number }> | null;
  /** Whether every seed reached the final epoch and was scored. */
  complete: boolean;
  /** Wall time of the training epochs and clusterings done, per seed (all sessions added up). */
  seconds: Record<string, { training: number; clustering: number }>;
}

/**
 * Summarises the seeds' final scores: mean and sample standard deviation of ACC, NMI and ARI.
 *
 * @example
 * ```ts
 * summariseScores(report.final).accuracy; // { mean: 0.66, std: 0.01 }
 * ```
 */
export function summariseScores(
  scores: readonly Pick<N2dScore, "accuracy" | "nmi" | "ari">[],
): Record<"accuracy" | "nmi" | "ari", { mean: number; std: number }> {
  return {
    accuracy: meanAndStandardDeviation(scores.map((score) => score.accuracy)),
    nmi: meanAndStandardDeviation(scores.map((score) => score.nmi)),
    ari: meanAndStandardDeviation(scores.map((score) => score.ari)),
  };
}

/**
 * Which images a report clustered, in words: "10,000 test", "all 70,000", or with a limit
 * "first 200 test".
 *
 * @example
 * ```ts
 * n2dImagesName(N2D_SETTINGS); // "10,000 test"
 * ```
 */
export function n2dImagesName(settings: Pick<N2dSettings, "images" | "limit">): string {
  const { images, limit } = settings;
  if (limit !== null) {
    return images === "test" ? `first ${limit} test` : `first ${limit} + ${limit}`;
  }
  return images === "test" ? "10,000 test" : "all 70,000";
}

/**
 * A published clustering result on Fashion-MNIST and where it comes from.
 *
 * @example
 * ```ts
 * const anchor: PublishedClustering = {
 *   method: "DEC", accuracy: 0.62, nmi: 0.65, images: "all 70,000", source: "DEC-keras README",
 * };
 * ```
 */
export interface PublishedClustering {
  method: string;
  accuracy: number;
  nmi: number;
  images: string;
  source: string;
}

/**
 * The published anchors of issue 13. DEC-keras (github.com/XifengGuo/DEC-keras, README "Results",
 * mean of 10 trials, all 70,000 images, 784-500-500-2000-10 AE pretrained 300 epochs); N2D
 * (McConville et al., ICPR 2020, arXiv 1908.05968; same AE shape trained 1,000 epochs on all
 * 70,000 images, UMAP + full-covariance GMM, one run).
 *
 * @example
 * ```ts
 * PUBLISHED_N2D_ANCHORS.map((anchor) => anchor.method);
 * ```
 */
export const PUBLISHED_N2D_ANCHORS: readonly PublishedClustering[] = Object.freeze([
  {
    method: "k-means on pixels",
    accuracy: 0.47,
    nmi: 0.51,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "AE + k-means",
    accuracy: 0.61,
    nmi: 0.64,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "DEC",
    accuracy: 0.62,
    nmi: 0.65,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "N2D (AE + UMAP + GMM)",
    accuracy: 0.672,
    nmi: 0.684,
    images: "all 70,000",
    source: "McConville et al. 2020 (one run)",
  },
]);

/**
 * The scores of one epoch over the seeds scored there.
 *
 * @example
 * ```ts
 * const point: N2dEpochPoint = n2dEpochCurve(report)[0];
 * ```
 */
export interface N2dEpochPoint {
  epoch: number;
  /** How many seeds were scored at this epoch. */
  seeds: number;
  accuracy: { mean: number; std: number };
  nmi: { mean: number; std: number };
  ari: { mean: number; std: number };
}

/**
 * Mean and sample standard deviation of each score at each epoch, over the seeds scored there.
 *
 * @example
 * ```ts
 * n2dEpochCurve(report).find((point) => point.epoch === 10)?.accuracy.mean;
 * ```
 */
export function n2dEpochCurve(report: Pick<N2dReport, "scores">): N2dEpochPoint[] {
  const epochs = [...new Set(report.scores.map((score) => score.epoch))].sort((a, b) => a - b);
  return epochs.map((epoch) => {
    const scores = report.scores.filter((score) => score.epoch === epoch);
    return {
      epoch,
      seeds: scores.length,
      accuracy: meanAndStandardDeviation(scores.map((score) => score.accuracy)),
      nmi: meanAndStandardDeviation(scores.map((score) => score.nmi)),
      ari: meanAndStandardDeviation(scores.map((score) => score.ari)),
    };
  });
}
