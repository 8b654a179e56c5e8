/**
 * Charts of the latent-space report, built from the JSON that `deno task latent` writes, so a
 * chart can be redrawn from a saved part without recomputing it.
 *
 * @module
 */
import type { ClusteringRow } from "../../uses/clustering/clustering_comparison.ts";
import type { PretrainingSummary, VanishingGradientResult } from "../../uses/pretraining/mod.ts";
import { groupedBarSpec } from "./grouped_bar_spec.ts";
import type { VegaLiteSpec } from "./vega_lite_spec.ts";
import type { FeatureClassificationRow } from "../../uses/features/feature_classification.ts";
import type { ReportPart } from "../../uses/latent_report/parts.ts";
import type { ReconstructionRow } from "../../uses/latent_report/report_tables.ts";

const budgetGroup = (budget: number | "all") =>
  budget === "all" ? "all labels" : `${budget} labels/class`;

/**
 * The saved JSON of each part (what the charts need of it).
 *
 * @example
 * ```ts
 * const data: ReportPartData = { rows: [] };
 * ```
 */
export interface ReportPartData {
  rows?: unknown[];
  summary?: unknown[];
  results?: unknown[];
  /** Anything else saved with the part: date, sources, settings. */
  [key: string]: unknown;
}

/**
 * The chart of one report part from its saved JSON.
 *
 * @throws {Error} When the JSON lacks what the part's chart needs.
 *
 * @example
 * ```ts
 * const spec = reportChartSpec("clustering", JSON.parse(await Deno.readTextFile("clustering.json")));
 * ```
 */
export function reportChartSpec(part: ReportPart, data: ReportPartData): VegaLiteSpec {
  const need = (items: unknown[] | undefined, name: string) => {
    if (!Array.isArray(items)) {
      throw new Error(`The saved ${part} part has no "${name}" list; rerun that part.`);
    }
    return items;
  };
  switch (part) {
    case "reconstruction":
      return groupedBarSpec(
        (need(data.rows, "rows") as ReconstructionRow[]).map((row) => ({
          group: `k = ${row.k}`,
          series: row.method,
          value: row.testMse,
        })),
        { title: "Test reconstruction MSE per pixel", valueTitle: "MSE", seriesTitle: "method" },
      );
    case "features":
      return groupedBarSpec(
        (need(data.rows, "rows") as FeatureClassificationRow[]).map((row) => ({
          group: budgetGroup(row.budget),
          series: row.features,
          value: row.testMean,
          error: row.testStd,
        })),
        { title: "Softmax regression: test accuracy", valueTitle: "accuracy", minimum: 0.4 },
      );
    case "clustering":
      return groupedBarSpec(
        (need(data.rows, "rows") as ClusteringRow[]).flatMap((row) => [
          { group: row.features, series: "ACC", value: row.accuracy },
          { group: row.features, series: "NMI", value: row.nmi },
          { group: row.features, series: "ARI", value: row.ari },
        ]),
        {
          title: "k-means (k = 10) on the test set",
          valueTitle: "score",
          seriesTitle: "metric",
          width: 640,
          labelAngle: -20,
        },
      );
    case "pretraining":
      return groupedBarSpec(
        (need(data.summary, "summary") as PretrainingSummary[]).map((row) => ({
          group: budgetGroup(row.budget),
          series: row.kind,
          value: row.mean,
          error: row.std,
        })),
        { title: "CAE-encoder classifier: test accuracy", valueTitle: "accuracy", minimum: 0.4 },
      );
    case "gradients":
      return groupedBarSpec(
        (need(data.results, "results") as VanishingGradientResult[])
          .filter((row) => row.seed === 0)
          .flatMap((row) =>
            row.layerNames.map((name, index) => ({
              group: name.replace("sigmoid_hidden", "hidden ").replace("classifier_head", "head"),
              series: row.initialisation,
              value: Math.log10(row.earlyNorms[index]),
            }))
          ),
        {
          title: "Deep sigmoid net: log10 gradient norm, first 20 steps (seed 0)",
          valueTitle: "log10 ‖∂loss/∂W‖",
          minimum: -5,
        },
      );
  }
}
