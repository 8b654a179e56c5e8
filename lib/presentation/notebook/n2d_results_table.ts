/**
 * The N2D report's results table for a notebook or the README: this run's final mean ± standard
 * deviation over seeds, then the published anchors with their sources, as Markdown.
 *
 * @module
 */
import { markdownTable } from "./markdown_table.ts";
import {
  n2dImagesName,
  type N2dReport,
  PUBLISHED_N2D_ANCHORS,
  type PublishedClustering,
} from "../../uses/clustering/n2d_report.ts";

const show = (value: { mean: number; std: number }) =>
  `${value.mean.toFixed(3)} ± ${value.std.toFixed(3)}`;

/**
 * The results table: this report's final mean ± std over seeds, then the published anchors.
 *
 * @throws {RangeError} When the report has no final scores yet.
 *
 * @example
 * ```ts
 * console.log(n2dResultsTable(report));
 * ```
 */
export function n2dResultsTable(
  report: N2dReport,
  published: readonly PublishedClustering[] = PUBLISHED_N2D_ANCHORS,
): string {
  if (!report.summary) {
    throw new RangeError(
      "n2dResultsTable: the report has no final scores yet; run `deno task cluster` to the end.",
    );
  }
  const images = n2dImagesName(report.settings);
  const seeds = report.final.length;
  const right = (header: string) => ({ header, align: "right" as const });
  return markdownTable(["method", "images", right("ACC"), right("NMI"), right("ARI"), "source"], [
    [
      `N2D here: AE ${report.epochs} epochs + UMAP + GMM`,
      images,
      show(report.summary.accuracy),
      show(report.summary.nmi),
      show(report.summary.ari),
      `${seeds} seed${seeds === 1 ? "" : "s"}, mean ± std`,
    ],
    ...published.map((anchor) => [
      `published: ${anchor.method}`,
      anchor.images,
      anchor.accuracy.toFixed(3),
      anchor.nmi.toFixed(3),
      "—",
      anchor.source,
    ]),
  ]);
}
