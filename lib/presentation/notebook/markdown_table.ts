/**
 * Markdown tables for notebooks: rows of values in, a GitHub-flavoured Markdown table out, so a
 * cell can `show(markdown(markdownTable(...)))` instead of assembling pipes by hand.
 *
 * @module
 */

/**
 * One column of a {@link markdownTable}: its header and how to align it.
 *
 * @example
 * ```ts
 * const column: TableColumn = { header: "class", align: "center" };
 * ```
 */
export interface TableColumn {
  header: string;
  /** Default: "right" when every cell of the column is a number (or reads as one), else "left". */
  align?: "left" | "right" | "center";
}

/** A number as text: digits with optional sign, separators, decimals, exponent and %. */
const NUMBER_TEXT = /^[-+−]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i;

/**
 * A Markdown table. Cells are strings or numbers (numbers are written as given: round them
 * first); `|` and line breaks inside cells are escaped so the table stays one row per line.
 * Columns of numbers (also numbers as text, like "12.5%" or "6,000") are right-aligned unless
 * the column says otherwise; a column given as a string is just its header.
 *
 * @throws {RangeError} When there are no columns or a row has another number of cells.
 *
 * @example
 * ```ts
 * markdownTable(["class", "images"], [["T-shirt/top", 6000], ["Trouser", 6000]]);
 * // | class | images |
 * // | --- | ---: |
 * // | T-shirt/top | 6000 |
 * // | Trouser | 6000 |
 * ```
 */
export function markdownTable(
  columns: readonly (TableColumn | string)[],
  rows: readonly (readonly (string | number)[])[],
): string {
  if (columns.length === 0) {
    throw new RangeError("markdownTable needs at least one column, got none.");
  }
  const normalised = columns.map((column) =>
    typeof column === "string" ? { header: column } : column
  );
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new RangeError(
        `markdownTable: row ${index} has ${row.length} cells, expected ${columns.length} ` +
          `(one per column).`,
      );
    }
  });
  const line = (cells: readonly (string | number)[]) =>
    `| ${cells.map((cell) => escapeCell(String(cell))).join(" | ")} |`;
  const rule = normalised.map((column, index) => {
    const align = column.align ??
      (rows.length > 0 && rows.every((row) => isNumeric(row[index])) ? "right" : "left");
    return align === "right" ? "---:" : align === "center" ? ":---:" : "---";
  });
  return [
    line(normalised.map((column) => column.header)),
    `| ${rule.join(" | ")} |`,
    ...rows.map(line),
  ].join("\n");
}

function isNumeric(cell: string | number): boolean {
  return typeof cell === "number" ? Number.isFinite(cell) : NUMBER_TEXT.test(cell.trim());
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
