/**
 * Latents as features: the feature sets compared (raw pixels, PCA scores, CAE latents, VAE means),
 * softmax regression on them with seeded few-label draws (n labels per class), and the comparison
 * of feature types by test accuracy with the train/test gap.
 *
 * @example
 * ```ts
 * import { buildFeatureSets, compareFeatureClassifiers } from "../lib/uses/features/mod.ts";
 *
 * const sets = buildFeatureSets(fashion, { pcaComponents: 20, encoders: [{ name: "CAE", encoder }] });
 * const rows = compareFeatureClassifiers(sets, fashion.train.labels, fashion.test.labels,
 *   { budgets: [100], draws: 3 });
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
export { labelsPerClass, selectRows } from "./label_draws.ts";
export {
  classificationAccuracy,
  fitSoftmaxRegression,
  predictClasses,
  type SoftmaxRegressionModel,
  type SoftmaxRegressionOptions,
} from "./softmax_regression.ts";
export { meanAndStandardDeviation } from "./summary_statistics.ts";
