/**
 * Per-image cluster assignments as CSV (`index,label,cluster`), so that anyone can recompute a
 * clustering's scores (ACC, NMI, ARI) with any tool, and the reader that checks them back.
 *
 * @module
 */

/**
 * One image's assignment: its index in the clustered set, its true label, its cluster.
 *
 * @example
 * ```ts
 * const row: AssignmentRow = { index: 0, label: 9, cluster: 4 };
 * ```
 */
export interface AssignmentRow {
  index: number;
  label: number;
  cluster: number;
}

/** The CSV header line. */
export const ASSIGNMENTS_HEADER = "index,label,cluster";

/**
 * Writes assignments as CSV text: a header, then one `index,label,cluster` line per image.
 * `indices` defaults to 0, 1, 2, …
 *
 * @throws {RangeError} When labels, clusters and indices differ in length.
 *
 * @example
 * ```ts
 * assignmentsCsv([9, 2], [4, 1]); // "index,label,cluster\n0,9,4\n1,2,1\n"
 * ```
 */
export function assignmentsCsv(
  labels: ArrayLike<number>,
  clusters: ArrayLike<number>,
  indices?: ArrayLike<number>,
): string {
  if (labels.length !== clusters.length || (indices && indices.length !== labels.length)) {
    throw new RangeError(
      `assignmentsCsv got ${labels.length} labels, ${clusters.length} clusters` +
        `${indices ? ` and ${indices.length} indices` : ""}; expected one of each per image.`,
    );
  }
  const lines = [ASSIGNMENTS_HEADER];
  for (let row = 0; row < labels.length; row++) {
    lines.push(`${indices ? indices[row] : row},${labels[row]},${clusters[row]}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Reads CSV text written by {@link assignmentsCsv}.
 *
 * @throws {SyntaxError} When the header is not `index,label,cluster` or a line is not three
 *   non-negative integers.
 *
 * @example
 * ```ts
 * const rows = parseAssignmentsCsv(await Deno.readTextFile("assignments-seed0.csv"));
 * clusteringScores(rows.map((row) => row.cluster), rows.map((row) => row.label));
 * ```
 */
export function parseAssignmentsCsv(text: string): AssignmentRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines[0]?.trim() !== ASSIGNMENTS_HEADER) {
    throw new SyntaxError(
      `Expected the header "${ASSIGNMENTS_HEADER}", got "${lines[0] ?? ""}". Pass a file ` +
        `written by assignmentsCsv (e.g. notebooks/results/*/assignments-seed0.csv).`,
    );
  }
  return lines.slice(1).map((line, number) => {
    const values = line.split(",").map((field) => Number(field.trim()));
    if (values.length !== 3 || values.some((value) => !Number.isInteger(value) || value < 0)) {
      throw new SyntaxError(
        `Line ${number + 2} "${line}" is not three non-negative integers index,label,cluster.`,
      );
    }
    return { index: values[0], label: values[1], cluster: values[2] };
  });
}
