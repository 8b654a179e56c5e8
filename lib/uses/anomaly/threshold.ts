/**
 * Rules that turn the anomaly scores of normal training images into a decision threshold:
 * a contamination fraction (the percentile of training scores, as PyOD does) or mean + k·std
 * (as TensorFlow's autoencoder tutorial does). Images scoring above the threshold are anomalies.
 *
 * @module
 */

/**
 * How to choose the threshold from training scores.
 *
 * - `contamination`: the fraction of training images expected to be flagged; the threshold is the
 *   (1 − fraction) quantile of their scores (linear interpolation, like NumPy's default).
 * - `mean-std`: mean + k · standard deviation of the training scores.
 *
 * @example
 * ```ts
 * const rule: ThresholdRule = { kind: "contamination", fraction: 0.05 };
 * const other: ThresholdRule = { kind: "mean-std", k: 2 };
 * ```
 */
export type ThresholdRule =
  | { kind: "contamination"; fraction: number }
  | { kind: "mean-std"; k: number };

/**
 * The default rule: flag the top 5% of training scores (the 95th percentile), PyOD-style.
 *
 * @example
 * ```ts
 * thresholdFromScores(trainingScores, DEFAULT_THRESHOLD_RULE);
 * ```
 */
export const DEFAULT_THRESHOLD_RULE: ThresholdRule = Object.freeze({
  kind: "contamination",
  fraction: 0.05,
}) as ThresholdRule;

/**
 * The q-quantile (0 ≤ q ≤ 1) of values with linear interpolation between order statistics.
 *
 * @throws {RangeError} When there are no values, one is not finite, or q is outside [0, 1].
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4, 5], 0.5); // 3
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`quantile: q must be in [0, 1], got ${q}.`);
  }
  const sorted = finiteSorted("quantile", values);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function finiteSorted(caller: string, values: ArrayLike<number>): Float64Array {
  if (values.length === 0) {
    throw new RangeError(`${caller} got no scores; score at least one normal training image.`);
  }
  const sorted = Float64Array.from(values);
  const bad = sorted.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new RangeError(`${caller}: score ${bad} is ${sorted[bad]}; expected finite numbers.`);
  }
  return sorted.sort();
}

/**
 * Mean and (population) standard deviation of values.
 *
 * @example
 * ```ts
 * meanAndStd([1, 3]); // { mean: 2, std: 1 }
 * ```
 */
export function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  const sorted = finiteSorted("meanAndStd", values);
  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = sum / sorted.length;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  return { mean, std: Math.sqrt(squares / sorted.length) };
}

/**
 * The threshold a rule picks from the scores of normal (training) images.
 *
 * @throws {RangeError} When the rule's parameter is out of range or there are no finite scores.
 *
 * @example
 * ```ts
 * thresholdFromScores([1, 2, 3, 4, 5], { kind: "contamination", fraction: 0.25 }); // 4
 * thresholdFromScores([1, 3], { kind: "mean-std", k: 2 }); // 4
 * ```
 */
export function thresholdFromScores(scores: ArrayLike<number>, rule: ThresholdRule): number {
  if (rule.kind === "contamination") {
    if (!(rule.fraction >= 0 && rule.fraction < 1)) {
      throw new RangeError(
        `The contamination fraction must be in [0, 1), got ${rule.fraction}; ` +
          `e.g. 0.05 flags the top 5% of training scores.`,
      );
    }
    return quantile(scores, 1 - rule.fraction);
  }
  if (rule.kind === "mean-std") {
    if (!Number.isFinite(rule.k)) {
      throw new RangeError(`The mean-std rule needs a finite k, got ${rule.k}; e.g. k = 2.`);
    }
    const { mean, std } = meanAndStd(scores);
    return mean + rule.k * std;
  }
  throw new TypeError(
    `Unknown threshold rule ${JSON.stringify(rule)}; use "contamination" or "mean-std".`,
  );
}

/**
 * A short human-readable name of a rule, for reports and legends.
 *
 * @example
 * ```ts
 * describeThresholdRule({ kind: "mean-std", k: 2 }); // "mean + 2·std of training scores"
 * ```
 */
export function describeThresholdRule(rule: ThresholdRule): string {
  return rule.kind === "contamination"
    ? `${
      100 - rule.fraction * 100
    }th percentile of training scores (contamination ${rule.fraction})`
    : `mean + ${rule.k}·std of training scores`;
}
