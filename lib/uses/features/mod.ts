/**
 * What the latent is good for, measured: reconstruction MSE by latent size (PCA against
 * autoencoders), latents as features for few-label classification (with the train/test gap),
 * the feature sets compared (pixels, PCA, CAE latents, VAE means), and Markdown tables of it all.
 *
 * @example
 * ```ts
 * import { buildFeatureSets, compareFeatureClassifiers, featureClassificationTable } from "../lib/uses/features/mod.ts";
 *
 * const sets = buildFeatureSets(fashion, { pcaComponents: 20, encoders: [{ name: "CAE", encoder }] });
 * const rows = compareFeatureClassifiers(sets, fashion.train.labels, fashion.test.labels,
 *   { budgets: [100], draws: 3 });
 * console.log(featureClassificationTable(rows));
 * ```
 *
 * @module
 */

export {
  compareFeatureClassifiers,
  type FeatureClassificationOptions,
  type FeatureClassificationRow,
  type FeatureSet,
} from "./feature_classification.ts";
export { buildFeatureSets, type FeatureSetOptions, pixelCodes } from "./feature_sets.ts";
export {
  readLatentReport,
  readRunInfo,
  reconstructionComparison,
  REPORT_PARTS,
  type ReportPart,
} from "../latent_report/latent_report.ts";
export {
  reportChartSpec,
  type ReportPartData,
} from "../../presentation/charts/latent_report_charts.ts";
export {
  autoencoderReconstructionMse,
  pcaReconstructionMse,
  truncatePca,
} from "../reduction/reconstruction_mse.ts";
export {
  clusteringTable,
  featureClassificationTable,
  pretrainingTable,
  PUBLISHED_CLUSTERING,
  type ReconstructionRow,
  reconstructionTable,
} from "../latent_report/report_tables.ts";
