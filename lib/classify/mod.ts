/**
 * Small classifiers on fixed features: seeded few-label draws (n labels per class), softmax
 * regression on TensorFlow.js with standardised features, accuracy, and mean ± std summaries.
 *
 * @example
 * ```ts
 * import { fitSoftmaxRegression, labelsPerClass, predictClasses, selectRows } from "../lib/classify/mod.ts";
 *
 * const indices = labelsPerClass(fashion.train.labels, 100, 0);
 * const model = fitSoftmaxRegression(selectRows(codes.values, 20, indices),
 *   Array.from(indices, (i) => fashion.train.labels[i]), { dimension: 20 });
 * ```
 *
 * @module
 */

export { labelsPerClass, selectRows } from "./label_draws.ts";
export {
  classificationAccuracy,
  fitSoftmaxRegression,
  predictClasses,
  type SoftmaxRegressionModel,
  type SoftmaxRegressionOptions,
} from "./softmax_regression.ts";
export { meanAndStandardDeviation } from "./summary_statistics.ts";
