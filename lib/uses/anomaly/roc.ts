/**
 * Receiver operating characteristic (ROC) of anomaly scores: the curve and the area under it
 * (AUROC), with tied scores handled exactly (a tie between a normal and an anomalous image counts
 * one half, and tied scores make one diagonal step of the curve, never a staircase).
 *
 * @module
 */

/**
 * One point of a ROC curve: false and true positive rates when flagging scores ≥ `threshold`.
 *
 * @example
 * ```ts
 * const [start]: RocPoint[] = rocCurve([0.1, 0.9], [false, true]);
 * start.threshold; // Infinity
 * ```
 */
export interface RocPoint {
  /** Fraction of normal images flagged (false positive rate). */
  falsePositiveRate: number;
  /** Fraction of anomalous images flagged (true positive rate, recall). */
  truePositiveRate: number;
  /** Scores at or above this value are flagged; `Infinity` for the (0, 0) start. */
  threshold: number;
}

function checkInputs(
  caller: string,
  scores: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
): { positives: number; negatives: number } {
  if (scores.length !== isAnomaly.length) {
    throw new RangeError(
      `${caller}: got ${scores.length} scores but ${isAnomaly.length} labels; ` +
        `pass one label (true = anomaly) per score.`,
    );
  }
  let positives = 0;
  for (let index = 0; index < scores.length; index++) {
    if (Number.isNaN(scores[index])) {
      throw new RangeError(`${caller}: score ${index} is NaN; every score must be a number.`);
    }
    if (isAnomaly[index]) positives += 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new RangeError(
      `${caller} needs both normal and anomalous examples, got ${negatives} normal and ` +
        `${positives} anomalous. Score a set that contains both.`,
    );
  }
  return { positives, negatives };
}

/**
 * Area under the ROC curve: the probability that a random anomaly scores higher than a random
 * normal image, ties counting one half (the Mann–Whitney U statistic over both counts).
 * Higher scores must mean "more anomalous". O(n log n).
 *
 * @throws {RangeError} When lengths differ, a score is NaN, or one of the two groups is empty.
 *
 * @example
 * ```ts
 * areaUnderRoc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]); // 0.75
 * areaUnderRoc([1, 1], [false, true]); // 0.5 (a tie)
 * ```
 */
export function areaUnderRoc(scores: ArrayLike<number>, isAnomaly: ArrayLike<boolean>): number {
  const { positives, negatives } = checkInputs("areaUnderRoc", scores, isAnomaly);
  const order = Array.from({ length: scores.length }, (_, index) => index)
    .sort((a, b) => scores[a] - scores[b]);
  // Walk groups of equal scores in ascending order; each anomaly beats all normals below its
  // group and ties with the normals inside it.
  let normalsBelow = 0;
  let wins = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    let groupNormals = 0;
    let groupAnomalies = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      if (isAnomaly[order[end]]) groupAnomalies += 1;
      else groupNormals += 1;
      end += 1;
    }
    wins += groupAnomalies * (normalsBelow + groupNormals / 2);
    normalsBelow += groupNormals;
    start = end;
  }
  return wins / (positives * negatives);
}

/**
 * The ROC curve from (0, 0) to (1, 1): one point per distinct score, from the highest down, so a
 * group of tied scores is one diagonal step. The trapezoid area under these points equals
 * {@link areaUnderRoc}.
 *
 * @throws {RangeError} When lengths differ, a score is NaN, or one of the two groups is empty.
 *
 * @example
 * ```ts
 * rocCurve([0.1, 0.9], [false, true]).map((p) => [p.falsePositiveRate, p.truePositiveRate]);
 * // [[0, 0], [0, 1], [1, 1]]
 * ```
 */
export function rocCurve(scores: ArrayLike<number>, isAnomaly: ArrayLike<boolean>): RocPoint[] {
  const { positives, negatives } = checkInputs("rocCurve", scores, isAnomaly);
  const order = Array.from({ length: scores.length }, (_, index) => index)
    .sort((a, b) => scores[b] - scores[a]);
  const points: RocPoint[] = [{ falsePositiveRate: 0, truePositiveRate: 0, threshold: Infinity }];
  let truePositives = 0;
  let falsePositives = 0;
  let start = 0;
  while (start < order.length) {
    const threshold = scores[order[start]];
    let end = start;
    while (end < order.length && scores[order[end]] === threshold) {
      if (isAnomaly[order[end]]) truePositives += 1;
      else falsePositives += 1;
      end += 1;
    }
    points.push({
      falsePositiveRate: falsePositives / negatives,
      truePositiveRate: truePositives / positives,
      threshold,
    });
    start = end;
  }
  return points;
}

/**
 * Trapezoid area under a polyline of ROC points, taken in the order given (as {@link rocCurve}
 * returns them, or as a run folder's `anomaly/roc.json` holds them; thresholds are not needed).
 * For the points of `rocCurve` it equals `areaUnderRoc`.
 *
 * @example
 * ```ts
 * trapezoidArea(rocCurve([0.2, 0.2], [false, true])); // 0.5
 * ```
 */
export function trapezoidArea(
  points: readonly Pick<RocPoint, "falsePositiveRate" | "truePositiveRate">[],
): number {
  let area = 0;
  for (let index = 1; index < points.length; index++) {
    const width = points[index].falsePositiveRate - points[index - 1].falsePositiveRate;
    area += width * (points[index].truePositiveRate + points[index - 1].truePositiveRate) / 2;
  }
  return area;
}

/**
 * Thins a long ROC curve for plotting: keeps the ends and points at least `step` apart (in the
 * sum of both rate changes), so a 10,000-image curve becomes a few hundred points.
 *
 * @example
 * ```ts
 * const few = thinRocCurve(rocCurve(scores, labels), 0.005);
 * ```
 */
export function thinRocCurve(points: readonly RocPoint[], step = 0.005): RocPoint[] {
  if (points.length <= 2) return [...points];
  const kept: RocPoint[] = [points[0]];
  for (let index = 1; index < points.length - 1; index++) {
    const last = kept[kept.length - 1];
    const moved = points[index].falsePositiveRate - last.falsePositiveRate +
      points[index].truePositiveRate - last.truePositiveRate;
    if (moved >= step) kept.push(points[index]);
  }
  kept.push(points[points.length - 1]);
  return kept;
}
