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
import { RunFolderError } from "../../training/run_folder/json_checks.ts";
import { meanAndStandardDeviation } from "../../uses/features/summary_statistics.ts";

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
 * @throws {RunFolderError} When the JSON lacks what the part's chart needs.
 *
 * @example
 * ```ts
 * const spec = reportChartSpec("clustering", JSON.parse(await Deno.readTextFile("clustering.json")));
 * ```
 */
export function reportChartSpec(part: ReportPart, data: ReportPartData): VegaLiteSpec {
  const need = (items: unknown[] | undefined, name: string) => {
    if (!Array.isArray(items)) {
      throw new RunFolderError(
        `The saved ${part} part has no "${name}" list; rerun that part ` +
          `(deno task latent --parts ${part}).`,
      );
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
        { title: "Softmax regression: test accuracy", valueTitle: "test accuracy" },
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
        { title: "CAE-encoder classifier: test accuracy", valueTitle: "test accuracy" },
      );
    case "gradients":
      return gradientNormChartSpec(need(data.results, "results") as VanishingGradientResult[]);
  }
}

const layerLabel = (name: string) =>
  name.replace("sigmoid_hidden", "hidden ").replace("classifier_head", "head");

/**
 * The vanishing-gradient chart: for each layer of the deep sigmoid network (input to output), the
 * log10 of its mean early gradient norm, averaged over all seeds given, with ± one standard
 * deviation over the seeds as error bars; one bar colour per initialisation. Values are negative
 * (norms below 1), so the axis starts at −5, not 0, which the axis title says.
 *
 * @throws {RangeError} When there are no results.
 *
 * @example
 * ```ts
 * const spec = gradientNormChartSpec(compareSigmoidGradients(fashion, { seeds: [0, 1, 2] }));
 * ```
 */
export function gradientNormChartSpec(results: readonly VanishingGradientResult[]): VegaLiteSpec {
  if (results.length === 0) throw new RangeError("gradientNormChartSpec got no results.");
  const seeds = new Set(results.map((row) => row.seed)).size;
  const bars = [];
  for (const initialisation of new Set(results.map((row) => row.initialisation))) {
    const rows = results.filter((row) => row.initialisation === initialisation);
    for (const [index, name] of rows[0].layerNames.entries()) {
      const logs = rows.map((row) => Math.log10(row.earlyNorms[index]));
      const { mean, std } = meanAndStandardDeviation(logs);
      bars.push({ group: layerLabel(name), series: initialisation, value: mean, error: std });
    }
  }
  return groupedBarSpec(bars, {
    title: `Deep sigmoid net: gradient norm per layer, first 20 steps ` +
      `(${seeds === 1 ? "1 seed" : `mean ± std of ${seeds} seeds`})`,
    valueTitle: "log10 ‖∂loss/∂W‖ (axis from −5)",
    groupTitle: "layer (input → output)",
    minimum: -5,
    width: 560,
  });
}

/**
 * The train − test gap of the few-label classifiers, drawn: for each feature type, its mean
 * accuracy on its own labelled images beside its mean test accuracy, for one label budget. The
 * difference between the two bars is the overfitting the article's claim is about.
 *
 * @throws {RangeError} When no row has that budget.
 *
 * @example
 * ```ts
 * const spec = featureGapChartSpec(compareFeatureClassifiers(sets, train, test, options), 100);
 * ```
 */
export function featureGapChartSpec(
  rows: readonly FeatureClassificationRow[],
  budget: number | "all",
): VegaLiteSpec {
  const chosen = rows.filter((row) => row.budget === budget);
  if (chosen.length === 0) {
    throw new RangeError(`featureGapChartSpec: no row has the budget ${budget}.`);
  }
  return groupedBarSpec(
    chosen.flatMap((row) => [
      { group: row.features, series: "its labelled images", value: row.trainMean },
      { group: row.features, series: "test images", value: row.testMean, error: row.testStd },
    ]),
    {
      title: `Softmax regression, ${budgetGroup(budget)}: accuracy on its labels and on the test`,
      valueTitle: "accuracy",
      seriesTitle: "accuracy on",
      width: 560,
      labelAngle: -20,
    },
  );
}
