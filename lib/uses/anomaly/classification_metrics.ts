/**
 * Precision, recall and F1 of the decision "score > threshold means anomaly", the anomalies being
 * the positive class.
 *
 * @module
 */

/**
 * Counts and rates of a thresholded detector; anomalies are the positives.
 *
 * @example
 * ```ts
 * const { precision, recall, f1 }: ClassificationMetrics = classificationMetrics(scores, isAnomaly, 2);
 * ```
 */
export interface ClassificationMetrics {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** Flagged images that are anomalies; 0 when nothing is flagged. */
  precision: number;
  /** Anomalies that are flagged (true positive rate); 0 when there are no anomalies. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Normal images that are flagged. */
  falsePositiveRate: number;
}

/**
 * Scores the decision `score > threshold` against the truth.
 *
 * @throws {RangeError} When the number of scores and labels differ.
 *
 * @example
 * ```ts
 * const metrics = classificationMetrics([0.1, 0.9, 0.8, 0.2], [false, true, false, true], 0.5);
 * metrics.precision; // 0.5
 * metrics.recall; // 0.5
 * ```
 */
export function classificationMetrics(
  scores: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
  threshold: number,
): ClassificationMetrics {
  if (scores.length !== isAnomaly.length) {
    throw new RangeError(
      `classificationMetrics: got ${scores.length} scores but ${isAnomaly.length} labels; ` +
        `pass one label (true = anomaly) per score.`,
    );
  }
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let index = 0; index < scores.length; index++) {
    const flagged = scores[index] > threshold;
    if (isAnomaly[index]) flagged ? truePositives++ : falseNegatives++;
    else flagged ? falsePositives++ : trueNegatives++;
  }
  const ratio = (numerator: number, denominator: number) =>
    denominator === 0 ? 0 : numerator / denominator;
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    threshold,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    falsePositiveRate: ratio(falsePositives, falsePositives + trueNegatives),
  };
}
