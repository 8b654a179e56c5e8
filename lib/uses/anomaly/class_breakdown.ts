/**
 * Which anomalies a detector catches, class by class: for every class of the scored test images,
 * how many there are, what share scores above the threshold, and how well the score separates that
 * class alone from the normal images (AUROC). It backs a claim like "it misses shirts" with
 * numbers.
 *
 * @module
 */
import { areaUnderRoc } from "./roc.ts";
import { quantile } from "./threshold.ts";

/**
 * One class of the scored test images.
 *
 * @example
 * ```ts
 * const row: ClassBreakdownRow = {
 *   label: 6, normal: false, count: 1000, flagged: 0.41, medianScore: 2.1, auroc: 0.79,
 * };
 * ```
 */
export interface ClassBreakdownRow {
  label: number;
  /** Whether this is the normal class. */
  normal: boolean;
  count: number;
  /** Share of this class's images whose score is above the threshold (flagged as anomalies). */
  flagged: number;
  medianScore: number;
  /** AUROC of this class against the normal images alone (undefined for the normal class). */
  auroc?: number;
}

/**
 * Splits scored images by class: count, share flagged (score > threshold), median score, and for
 * each anomalous class the AUROC of its images against the normal ones. Rows in label order.
 *
 * @throws {RangeError} When the arrays differ in length or no image is normal.
 *
 * @example
 * ```ts
 * const rows = classBreakdown(testScores, split.test.labels, split.test.isAnomaly, threshold);
 * rows.sort((a, b) => a.flagged - b.flagged)[0]; // the class it misses most
 * ```
 */
export function classBreakdown(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
  threshold: number,
): ClassBreakdownRow[] {
  if (scores.length !== labels.length || scores.length !== isAnomaly.length) {
    throw new RangeError(
      `classBreakdown: ${scores.length} scores, ${labels.length} labels and ${isAnomaly.length} ` +
        `anomaly flags; expected one of each per image.`,
    );
  }
  const normalScores = Array.from(scores).filter((_, index) => !isAnomaly[index]);
  if (normalScores.length === 0) {
    throw new RangeError("classBreakdown: no image is normal, so no AUROC can be computed.");
  }
  const byLabel = new Map<number, { scores: number[]; normal: boolean }>();
  for (let index = 0; index < scores.length; index++) {
    const group = byLabel.get(labels[index]) ?? { scores: [], normal: !isAnomaly[index] };
    group.scores.push(scores[index]);
    byLabel.set(labels[index], group);
  }
  return [...byLabel.entries()].sort(([a], [b]) => a - b).map(([label, group]) => ({
    label,
    normal: group.normal,
    count: group.scores.length,
    flagged: group.scores.filter((score) => score > threshold).length / group.scores.length,
    medianScore: quantile(group.scores, 0.5),
    ...(group.normal ? {} : {
      auroc: areaUnderRoc(
        [...normalScores, ...group.scores],
        [...normalScores.map(() => false), ...group.scores.map(() => true)],
      ),
    }),
  }));
}

/**
 * The breakdown as a Markdown table, anomalous classes sorted from most missed to least.
 *
 * @example
 * ```ts
 * console.log(classBreakdownMarkdown(rows, FASHION_MNIST_CLASS_NAMES));
 * ```
 */
export function classBreakdownMarkdown(
  rows: readonly ClassBreakdownRow[],
  classNames: readonly string[],
): string {
  const name = (row: ClassBreakdownRow) =>
    `${row.label} ${classNames[row.label] ?? ""}`.trim() + (row.normal ? " (normal)" : "");
  const sorted = [
    ...rows.filter((row) => row.normal),
    ...rows.filter((row) => !row.normal).sort((a, b) => a.flagged - b.flagged),
  ];
  return [
    "| test class | images | flagged as anomalous | median score | AUROC against the normal class |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...sorted.map((row) =>
      `| ${name(row)} | ${row.count} | ${(100 * row.flagged).toFixed(1)} % | ` +
      `${row.medianScore.toPrecision(3)} | ${
        row.auroc === undefined ? "—" : (100 * row.auroc).toFixed(1)
      } |`
    ),
  ].join("\n");
}
