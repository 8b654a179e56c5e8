/**
 * The Hungarian method (Kuhn–Munkres, O(n³)): the one-to-one assignment of rows to columns with
 * the least total cost. Clustering accuracy uses it to match clusters to labels.
 *
 * @module
 */

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
  // Pad to a square matrix with zero costs: padded rows or columns match "nothing".
  const size = Math.max(rowCount, columnCount);
  const cost = (row: number, column: number) =>
    row < rowCount && column < columnCount ? costs[row][column] : 0;
  // Potentials u (rows), v (columns) and the matching, 1-based with a virtual column 0.
  const rowPotential = new Float64Array(size + 1);
  const columnPotential = new Float64Array(size + 1);
  const rowOfColumn = new Int32Array(size + 1);
  const previousColumn = new Int32Array(size + 1);
  for (let row = 1; row <= size; row++) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[column0] = 1;
      const row0 = rowOfColumn[column0];
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= size; column++) {
        if (used[column]) continue;
        const reduced = cost(row0 - 1, column - 1) - rowPotential[row0] - columnPotential[column];
        if (reduced < minimum[column]) {
          minimum[column] = reduced;
          previousColumn[column] = column0;
        }
        if (minimum[column] < delta) {
          delta = minimum[column];
          column1 = column;
        }
      }
      for (let column = 0; column <= size; column++) {
        if (used[column]) {
          rowPotential[rowOfColumn[column]] += delta;
          columnPotential[column] -= delta;
        } else {
          minimum[column] -= delta;
        }
      }
      column0 = column1;
    } while (rowOfColumn[column0] !== 0);
    do {
      const column1 = previousColumn[column0];
      rowOfColumn[column0] = rowOfColumn[column1];
      column0 = column1;
    } while (column0 !== 0);
  }
  const assignment = new Array<number>(rowCount).fill(-1);
  for (let column = 1; column <= size; column++) {
    const row = rowOfColumn[column] - 1;
    if (row < rowCount && column - 1 < columnCount) assignment[row] = column - 1;
  }
  return assignment;
}
