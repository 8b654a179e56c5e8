/**
 * Mean and sample standard deviation, for "accuracy 0.81 ± 0.01 over 3 draws".
 *
 * @module
 */

/**
 * Mean and sample standard deviation (n − 1 in the denominator; 0 for a single value).
 *
 * @throws {RangeError} When there are no values.
 *
 * @example
 * ```ts
 * meanAndStandardDeviation([1, 2, 3]); // { mean: 2, std: 1 }
 * ```
 */
export function meanAndStandardDeviation(values: readonly number[]): { mean: number; std: number } {
  if (values.length === 0) {
    throw new RangeError("meanAndStandardDeviation needs at least one value.");
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length === 1) return { mean, std: 0 };
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (values.length - 1)) };
}
