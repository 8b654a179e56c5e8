/**
 * Comparing directions: the angle between two lines through the origin, whichever way each
 * vector points. A learned direction and a principal direction agree when it is near 0°.
 *
 * @module
 */

/**
 * The angle in degrees (0 to 90) between the lines spanned by two non-zero vectors: the sign of
 * either vector does not matter, since `v` and `−v` span the same line.
 *
 * @throws {RangeError} When the vectors differ in length, are empty, or one of them is zero
 *   or holds a number that is not finite.
 *
 * @example
 * ```ts
 * lineAngleDegrees([1, 0], [0, 2]); // 90
 * lineAngleDegrees([1, 1], [-2, -2]); // 0
 * ```
 */
export function lineAngleDegrees(first: readonly number[], second: readonly number[]): number {
  if (first.length !== second.length || first.length === 0) {
    throw new RangeError(
      `lineAngleDegrees needs two vectors of the same, non-zero length; got lengths ` +
        `${first.length} and ${second.length}.`,
    );
  }
  const firstLength = Math.hypot(...first);
  const secondLength = Math.hypot(...second);
  if (!(firstLength > 0) || !(secondLength > 0) || !isFinite(firstLength * secondLength)) {
    throw new RangeError(
      `lineAngleDegrees needs non-zero vectors of finite numbers; got [${first}] and ` +
        `[${second}]. A zero vector spans no line.`,
    );
  }
  // Align the signs, then take the angle between the unit vectors from the lengths of their
  // difference and sum (stable for nearly parallel vectors, where acos of the cosine is not).
  const sign = first.reduce((sum, value, index) => sum + value * second[index], 0) < 0 ? -1 : 1;
  const unitFirst = first.map((value) => value / firstLength);
  const unitSecond = second.map((value) => (sign * value) / secondLength);
  const difference = Math.hypot(...unitFirst.map((value, index) => value - unitSecond[index]));
  const sum = Math.hypot(...unitFirst.map((value, index) => value + unitSecond[index]));
  return (2 * Math.atan2(difference, sum) * 180) / Math.PI;
}
