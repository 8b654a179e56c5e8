/**
 * Anomaly detection by reconstruction error: an autoencoder fitted on normal images only, its
 * scores, threshold rules, AUROC/ROC with ties, precision/recall/F1, the one-class protocol and
 * its report (`report.json`, `scores.csv`). The ten-class table with its pictures is
 * `runAnomalyTable` in `lib/commands/anomaly_table.ts`; the charts are in `lib/presentation/`.
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
  classBreakdown,
  classBreakdownMarkdown,
  type ClassBreakdownRow,
} from "./class_breakdown.ts";
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
  type AnomalyReport,
  anomalyReport,
  anomalyReportMarkdown,
  type AnomalySettings,
  anomalyTableMarkdown,
  type ClassReport,
  classReport,
  classRocCurve,
  parseScoresCsv,
  readAnomalyReport,
  rocTitle,
  roundScore,
  SCORE_DIGITS,
  type ScoreRow,
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "./report.ts";
export { computeRawScores, gaussianKernel, type RawScores } from "./reconstruction_scores.ts";
export {
  ANOMALY_METHOD_NAMES,
  ANOMALY_METHODS,
  type AnomalyMethod,
  type AnomalyMethodName,
  describeMethodModel,
} from "./methods.ts";
export {
  blurImages,
  fitPixelNeighbours,
  pixelNeighbourDistances,
  type PixelNeighbours,
} from "./pixel_neighbours.ts";
export {
  perImageError,
  QUARTER_TURNS,
  restorationLoss,
  rotateQuarterTurns,
  turnBatchQuarters,
} from "./restoration.ts";
export {
  type MeanStd,
  meanStd,
  PUBLISHED_ONE_CLASS_RESULTS,
  type PublishedResult,
  type SeedLine,
  type SeedSummary,
  seedTableMarkdown,
  summarizeSeeds,
} from "./seed_summary.ts";
export { areaUnderRoc, rocCurve, type RocPoint, thinRocCurve, trapezoidArea } from "./roc.ts";
export {
  fitLatentNeighbours,
  type LatentNeighbours,
  neighbourDistances,
} from "./latent_neighbours.ts";
export {
  fitScoreReference,
  needsPixelNeighbours,
  NEIGHBOUR_COUNT,
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
export { thresholdRulesMarkdown } from "./threshold_table.ts";
