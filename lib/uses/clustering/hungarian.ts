/**
 * The Hungarian method (Kuhn–Munkres): the one-to-one assignment of rows to columns with the least
 * total cost, with the npm library `munkres-js`. Clustering accuracy uses it to match clusters to
 * labels.
 *
 * @module
 */
import munkres from "munkres-js";

/**
 * Minimum-cost one-to-one assignment for a square or rectangular cost matrix given as rows.
 * Returns, for each row, the column assigned to it (-1 when there are more rows than columns and
 * the row is left out). Each column is used at most once.
 *
 * @throws {RangeError} When the matrix is empty, ragged, or holds a non-finite cost.
 *
 * @example
 * ```ts
 * minimumCostAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]); // [1, 0, 2] (total 1 + 2 + 2 = 5)
 * ```
 */
export function minimumCostAssignment(costs: readonly (readonly number[])[]): number[] {
  const rowCount = costs.length;
  const columnCount = rowCount === 0 ? 0 : costs[0].length;
  if (rowCount === 0 || columnCount === 0) {
    throw new RangeError("minimumCostAssignment needs a non-empty cost matrix (rows of columns).");
  }
  for (const [index, row] of costs.entries()) {
    if (row.length !== columnCount) {
      throw new RangeError(
        `minimumCostAssignment: row ${index} has ${row.length} costs, row 0 has ${columnCount}; ` +
          `pass a rectangular matrix.`,
      );
    }
    if (row.some((value) => !Number.isFinite(value))) {
      throw new RangeError(`minimumCostAssignment: row ${index} holds a non-finite cost.`);
    }
  }
  const assignment = new Array<number>(rowCount).fill(-1);
  // munkres-js pads a rectangular matrix with zero costs: padded rows or columns match "nothing".
  for (const [row, column] of munkres(costs.map((row) => [...row]))) {
    assignment[row] = column;
  }
  return assignment;
}
