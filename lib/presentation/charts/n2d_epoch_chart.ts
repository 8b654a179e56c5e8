/**
 * The N2D report's epochs-vs-score chart: ACC, NMI and ARI against autoencoder epochs, mean ±
 * standard deviation over seeds, beside N2D's published ACC and NMI. Report in, Vega-Lite spec
 * out; render it with `renderVegaLitePng`.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import {
  n2dEpochCurve,
  n2dImagesName,
  type N2dReport,
  PUBLISHED_N2D_ANCHORS,
} from "../../uses/clustering/n2d_report.ts";

/**
 * ACC, NMI and ARI against autoencoder epochs: the mean over seeds as a line, ± one standard
 * deviation as error bars, N2D's published ACC and NMI as dashed rules.
 *
 * @throws {RangeError} When the report has no scores.
 *
 * @example
 * ```ts
 * await Deno.writeFile("n2d-epochs.png", await renderVegaLitePng(n2dEpochCurveSpec(report)));
 * ```
 */
export function n2dEpochCurveSpec(
  report: Pick<N2dReport, "scores" | "settings">,
  options: { title?: string } = {},
): VegaLiteSpec {
  if (report.scores.length === 0) {
    throw new RangeError("n2dEpochCurveSpec: the report has no scores yet.");
  }
  const names = { accuracy: "ACC", nmi: "NMI", ari: "ARI" } as const;
  const values = n2dEpochCurve(report).flatMap((point) =>
    (["accuracy", "nmi", "ari"] as const).map((key) => ({
      epoch: point.epoch,
      score: names[key],
      mean: point[key].mean,
      low: point[key].mean - point[key].std,
      high: point[key].mean + point[key].std,
      seeds: point.seeds,
    }))
  );
  const n2d = PUBLISHED_N2D_ANCHORS.find((anchor) => anchor.method.startsWith("N2D"))!;
  const color = {
    field: "score",
    type: "nominal",
    title: "score",
    scale: { domain: ["ACC", "NMI", "ARI"] },
  };
  const x = {
    field: "epoch",
    type: "quantitative",
    title: "autoencoder epochs (60,000 training images each)",
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? `N2D clustering of the ${n2dImagesName(report.settings)} images`,
      subtitle: "mean ± std over seeds; dashed: N2D's published ACC and NMI (70,000 images)",
    },
    width: 420,
    height: 280,
    layer: [
      {
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "mean", type: "quantitative", title: "score", scale: { zero: false } },
          color,
        },
      },
      {
        data: { values },
        mark: { type: "errorbar", ticks: true },
        encoding: {
          x,
          y: { field: "low", type: "quantitative", title: "score" },
          y2: { field: "high" },
          color,
        },
      },
      {
        data: {
          values: [
            { score: "ACC", value: n2d.accuracy },
            { score: "NMI", value: n2d.nmi },
          ],
        },
        mark: { type: "rule", strokeDash: [4, 4] },
        encoding: { y: { field: "value", type: "quantitative" }, color },
      },
    ],
    config: chartConfig(),
  };
}
