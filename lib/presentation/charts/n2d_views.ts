/**
 * What the N2D report looks like to a reader: the results table beside the published anchors, and
 * the epochs-vs-score chart (mean ± standard deviation over seeds). Plain report in, Markdown or a
 * Vega-Lite spec out; render the spec with `renderVegaLitePng`.
 *
 * @module
 */
import { markdownTable } from "../notebook/markdown_table.ts";
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import { meanAndStandardDeviation } from "../../uses/features/summary_statistics.ts";
import type { N2dReport } from "../../uses/clustering/n2d_experiment.ts";

/**
 * A published clustering result on Fashion-MNIST and where it comes from.
 *
 * @example
 * ```ts
 * const anchor: PublishedClustering = {
 *   method: "DEC", accuracy: 0.62, nmi: 0.65, images: "all 70,000", source: "DEC-keras README",
 * };
 * ```
 */
export interface PublishedClustering {
  method: string;
  accuracy: number;
  nmi: number;
  images: string;
  source: string;
}

/**
 * The published anchors of issue 13. DEC-keras (github.com/XifengGuo/DEC-keras, README "Results",
 * mean of 10 trials, all 70,000 images, 784-500-500-2000-10 AE pretrained 300 epochs); N2D
 * (McConville et al., ICPR 2020, arXiv 1908.05968; same AE shape trained 1,000 epochs on all
 * 70,000 images, UMAP + full-covariance GMM, one run).
 *
 * @example
 * ```ts
 * PUBLISHED_N2D_ANCHORS.map((anchor) => anchor.method);
 * ```
 */
export const PUBLISHED_N2D_ANCHORS: readonly PublishedClustering[] = Object.freeze([
  {
    method: "k-means on pixels",
    accuracy: 0.47,
    nmi: 0.51,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "AE + k-means",
    accuracy: 0.61,
    nmi: 0.64,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "DEC",
    accuracy: 0.62,
    nmi: 0.65,
    images: "all 70,000",
    source: "DEC-keras README (mean of 10 trials)",
  },
  {
    method: "N2D (AE + UMAP + GMM)",
    accuracy: 0.672,
    nmi: 0.684,
    images: "all 70,000",
    source: "McConville et al. 2020 (one run)",
  },
]);

/** "10,000 test", "all 70,000", or with `--limit` "first 200 test". */
function imagesName(report: N2dReport): string {
  const { images, limit } = report.settings;
  if (limit !== null) {
    return images === "test" ? `first ${limit} test` : `first ${limit} + ${limit}`;
  }
  return images === "test" ? "10,000 test" : "all 70,000";
}

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
  const images = imagesName(report);
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

/**
 * Mean and sample standard deviation of each score at each epoch, over the seeds scored there.
 *
 * @example
 * ```ts
 * n2dEpochCurve(report).find((point) => point.epoch === 10)?.accuracy.mean;
 * ```
 */
export function n2dEpochCurve(report: N2dReport) {
  const epochs = [...new Set(report.scores.map((score) => score.epoch))].sort((a, b) => a - b);
  return epochs.map((epoch) => {
    const scores = report.scores.filter((score) => score.epoch === epoch);
    return {
      epoch,
      seeds: scores.length,
      accuracy: meanAndStandardDeviation(scores.map((score) => score.accuracy)),
      nmi: meanAndStandardDeviation(scores.map((score) => score.nmi)),
      ari: meanAndStandardDeviation(scores.map((score) => score.ari)),
    };
  });
}

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
  report: N2dReport,
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
      text: options.title ?? `N2D clustering of the ${imagesName(report)} images`,
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
