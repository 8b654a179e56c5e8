/**
 * Anomaly detection by reconstruction error: an autoencoder fitted on normal images only, its
 * scores, threshold rules, AUROC/ROC with ties, precision/recall/F1, the one-class protocol and
 * its report files.
 *
 * @example
 * ```ts
 * import { AutoencoderDetector, areaUnderRoc } from "./mod.ts";
 *
 * const detector = await new AutoencoderDetector({ epochs: 5 }).fit(normalPixels);
 * console.log(areaUnderRoc(detector.scores(testPixels), isAnomaly));
 * detector.dispose();
 * ```
 *
 * @module
 */
export { type ClassificationMetrics, classificationMetrics } from "./classification_metrics.ts";
export {
  AutoencoderDetector,
  type AutoencoderDetectorOptions,
  type DetectorEvaluation,
} from "./detector.ts";
export { fitLatentGaussian, type LatentGaussian, mahalanobisSquared } from "./latent_gaussian.ts";
export {
  AnomalyDataError,
  type LabelledImages,
  type LabelledSet,
  type OneClassData,
  oneClassData,
  type OneClassDataOptions,
} from "./one_class_data.ts";
export {
  type OneClassExperimentOptions,
  type OneClassResult,
  runOneClassExperiment,
} from "./one_class_experiment.ts";
export {
  type AnomalyRunOptions,
  type AnomalyRunProgress,
  runAnomalyTable,
} from "../../commands/anomaly_table.ts";
export {
  rocCurveSpec,
  type ScoreHistogramOptions,
  scoreHistogramSpec,
} from "../../presentation/charts/anomaly_charts.ts";
export {
  type AnomalyReport,
  anomalyReport,
  type AnomalySettings,
  anomalyTableMarkdown,
  type ClassReport,
  classReport,
  parseScoresCsv,
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "./report.ts";
export {
  type ClassCharts,
  classChartsPng,
  extremeIndices,
  extremesGridPng,
  type ScoredImage,
} from "../../presentation/figures/anomaly_figures.ts";
export {
  computeRawScores,
  gaussianKernel,
  type RawScores,
  reconstructImages,
} from "./reconstruction_scores.ts";
export { areaUnderRoc, rocCurve, type RocPoint, thinRocCurve, trapezoidArea } from "./roc.ts";
export {
  fitLatentNeighbours,
  type LatentNeighbours,
  neighbourDistances,
} from "./latent_neighbours.ts";
export {
  fitScoreReference,
  NEIGHBOUR_COUNT,
  parseScoreKind,
  SCORE_KINDS,
  type ScoreKind,
  type ScoreReference,
  scoresOfKind,
} from "./score_kinds.ts";
export {
  DEFAULT_THRESHOLD_RULE,
  describeThresholdRule,
  meanAndStd,
  quantile,
  thresholdFromScores,
  type ThresholdRule,
} from "./threshold.ts";
