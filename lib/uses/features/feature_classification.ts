/**
 * Latents as features: softmax regression trained on a few labels per class (several seeded
 * draws) or on all labels, for each feature type (raw pixels, PCA scores, CAE latents, VAE
 * means), scored on the test set with the train/test gap as the overfitting measure.
 *
 * @module
 */
import type { LatentCodes } from "../reduction/encode_split.ts";
import { labelsPerClass, selectRows } from "./label_draws.ts";
import { meanAndStandardDeviation } from "./summary_statistics.ts";
import {
  classificationAccuracy,
  fitSoftmaxRegression,
  predictClasses,
  type SoftmaxRegressionOptions,
} from "./softmax_regression.ts";

/**
 * One feature type: the codes of every training and test image (same order as the labels).
 *
 * @example
 * ```ts
 * const set: FeatureSet = { name: "CAE latent (20)", train: caeTrain, test: caeTest };
 * ```
 */
export interface FeatureSet {
  name: string;
  train: LatentCodes;
  test: LatentCodes;
}

/**
 * Options of {@link compareFeatureClassifiers}.
 *
 * @example
 * ```ts
 * const options: FeatureClassificationOptions = { budgets: [100, "all"], draws: 3 };
 * ```
 */
export interface FeatureClassificationOptions {
  /** Labels per class, or "all". */
  budgets: readonly (number | "all")[];
  /** Label draws (seeds 0 … draws−1) per number budget; "all" is fitted once per seed too. */
  draws: number;
  /** Softmax-regression settings other than `dimension`. Default: its defaults. */
  regression?: Omit<SoftmaxRegressionOptions, "dimension" | "seed">;
  /** Called after each row. */
  onRow?: (row: FeatureClassificationRow) => void;
}

/**
 * Accuracy of one feature type at one label budget, over the draws.
 *
 * @example
 * ```ts
 * const row: FeatureClassificationRow = {
 *   features: "raw pixels", dimension: 784, budget: 100, draws: 3,
 *   testMean: 0.74, testStd: 0.005, trainMean: 0.99, gap: 0.25,
 * };
 * ```
 */
export interface FeatureClassificationRow {
  features: string;
  dimension: number;
  budget: number | "all";
  draws: number;
  testMean: number;
  testStd: number;
  /** Mean accuracy on the labelled training images themselves. */
  trainMean: number;
  /** trainMean − testMean: how much the classifier overfits its labels. */
  gap: number;
}

/**
 * Fits and scores softmax regression for every (feature set, budget, draw).
 *
 * @example
 * ```ts
 * const rows = compareFeatureClassifiers([pixels, pca, cae, vae], fashion.train.labels,
 *   fashion.test.labels, { budgets: [100, "all"], draws: 3 });
 * ```
 */
export function compareFeatureClassifiers(
  sets: readonly FeatureSet[],
  trainLabels: ArrayLike<number>,
  testLabels: ArrayLike<number>,
  options: FeatureClassificationOptions,
): FeatureClassificationRow[] {
  const rows: FeatureClassificationRow[] = [];
  for (const set of sets) {
    if (set.train.count !== trainLabels.length || set.test.count !== testLabels.length) {
      throw new RangeError(
        `Feature set "${set.name}" has ${set.train.count} training and ${set.test.count} test ` +
          `codes, but there are ${trainLabels.length} and ${testLabels.length} labels.`,
      );
    }
    for (const budget of options.budgets) {
      const testScores: number[] = [];
      const trainScores: number[] = [];
      for (let draw = 0; draw < options.draws; draw++) {
        const indices = budget === "all"
          ? Uint32Array.from({ length: trainLabels.length }, (_, index) => index)
          : labelsPerClass(trainLabels, budget, draw);
        const rowsTrain = selectRows(set.train.values, set.train.dimension, indices);
        const labels = Array.from(indices, (index) => trainLabels[index]);
        const model = fitSoftmaxRegression(rowsTrain, labels, {
          ...options.regression,
          dimension: set.train.dimension,
          seed: draw,
        });
        testScores.push(classificationAccuracy(predictClasses(model, set.test.values), testLabels));
        trainScores.push(classificationAccuracy(predictClasses(model, rowsTrain), labels));
      }
      const test = meanAndStandardDeviation(testScores);
      const trainMean = meanAndStandardDeviation(trainScores).mean;
      const row: FeatureClassificationRow = {
        features: set.name,
        dimension: set.train.dimension,
        budget,
        draws: options.draws,
        testMean: test.mean,
        testStd: test.std,
        trainMean,
        gap: trainMean - test.mean,
      };
      rows.push(row);
      options.onRow?.(row);
    }
  }
  return rows;
}
