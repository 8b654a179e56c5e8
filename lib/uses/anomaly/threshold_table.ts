/**
 * The threshold trade-off as a table: for each rule, the threshold it takes from the normal
 * training scores and what that threshold does on the test images.
 *
 * @module
 */
import { classificationMetrics } from "./classification_metrics.ts";
import { describeThresholdRule, thresholdFromScores, type ThresholdRule } from "./threshold.ts";

/**
 * One Markdown row per rule: threshold, precision, recall, F1 and false positive rate on the test
 * scores.
 *
 * @example
 * ```ts
 * console.log(thresholdRulesMarkdown(detector.trainingScores, testScores, isAnomaly, [
 *   { kind: "contamination", fraction: 0.05 },
 *   { kind: "mean-std", k: 2 },
 * ]));
 * ```
 */
export function thresholdRulesMarkdown(
  trainingScores: ArrayLike<number>,
  testScores: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
  rules: readonly ThresholdRule[],
): string {
  const rows = rules.map((rule) => {
    const threshold = thresholdFromScores(trainingScores, rule);
    const metrics = classificationMetrics(testScores, isAnomaly, threshold);
    const cells = [
      describeThresholdRule(rule),
      threshold.toPrecision(3),
      metrics.precision.toFixed(3),
      metrics.recall.toFixed(3),
      metrics.f1.toFixed(3),
      metrics.falsePositiveRate.toFixed(3),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [
    "| rule | threshold | precision | recall | F1 | false positive rate |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}
