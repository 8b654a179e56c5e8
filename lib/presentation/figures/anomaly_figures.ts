/**
 * The PNG figures of one class of the one-class protocol: ROC curve, score histogram with the
 * threshold, and the most and least anomalous images with their scores (over their
 * reconstructions).
 *
 * @module
 */
import { captionedGridPng, type GridCell } from "./captioned_grid.ts";
import { renderVegaLiteChart } from "../charts/vega_render.ts";
import { rocCurveSpec, scoreHistogramSpec } from "../charts/anomaly_charts.ts";
import { rocCurve } from "../../uses/anomaly/roc.ts";

/**
 * Positions (into `scores`) of the `count` highest and `count` lowest scores, highest first and
 * lowest first respectively.
 *
 * @example
 * ```ts
 * extremeIndices([0.2, 0.9, 0.1, 0.5], 1); // { most: [1], least: [2] }
 * ```
 */
export function extremeIndices(
  scores: ArrayLike<number>,
  count: number,
): { most: number[]; least: number[] } {
  const order = Array.from({ length: scores.length }, (_, index) => index)
    .sort((a, b) => scores[b] - scores[a]);
  const take = Math.min(count, order.length);
  return { most: order.slice(0, take), least: order.slice(-take).reverse() };
}

/**
 * One image to show in {@link extremesGridPng}.
 *
 * @example
 * ```ts
 * const image: ScoredImage = { pixels: new Float32Array(784), score: 3.2, label: "Bag" };
 * ```
 */
export interface ScoredImage {
  pixels: Float32Array;
  /** Its reconstruction, drawn under it when given. */
  reconstruction?: Float32Array;
  score: number;
  /** Short label, e.g. the class name. */
  label: string;
}

function formatScore(score: number): string {
  return Math.abs(score) >= 100 ? score.toFixed(0) : score.toPrecision(3);
}

/**
 * A grid: first row the most anomalous images, second row the least anomalous, each with its
 * reconstruction under it and its label and score as caption.
 *
 * @example
 * ```ts
 * const png = await extremesGridPng(mostAnomalous, leastAnomalous);
 * await Deno.writeFile("extremes.png", png);
 * ```
 */
export function extremesGridPng(
  most: readonly ScoredImage[],
  least: readonly ScoredImage[],
): Promise<Uint8Array> {
  const cell = (image: ScoredImage, prefix: string): GridCell => ({
    images: image.reconstruction ? [image.pixels, image.reconstruction] : [image.pixels],
    caption: [image.label, `${prefix}${formatScore(image.score)}`],
  });
  const cells = [
    ...most.map((image, rank) => cell(image, rank === 0 ? "most " : "")),
    ...least.map((image, rank) => cell(image, rank === 0 ? "least " : "")),
  ];
  return captionedGridPng(cells, { columns: Math.max(most.length, 1), scale: 3, fontSize: 11 });
}

/**
 * The two chart PNGs of one class.
 *
 * @example
 * ```ts
 * const { roc, histogram }: ClassCharts = await classChartsPng(scores, isAnomaly, 2, "Bag", 0.9);
 * ```
 */
export interface ClassCharts {
  roc: Uint8Array;
  histogram: Uint8Array;
}

/**
 * Renders the ROC curve and the score histogram (with the threshold) of one class.
 *
 * @example
 * ```ts
 * const { roc, histogram } = await classChartsPng(scores, isAnomaly, threshold, "T-shirt/top");
 * ```
 */
export async function classChartsPng(
  scores: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
  threshold: number,
  title: string,
  auroc: number,
): Promise<ClassCharts> {
  const roc = await renderVegaLiteChart(
    rocCurveSpec(rocCurve(scores, isAnomaly), { title: `${title}: AUROC ${auroc.toFixed(4)}` }),
  );
  const histogram = await renderVegaLiteChart(
    scoreHistogramSpec(scores, isAnomaly, {
      threshold,
      title: `${title}: scores of normal vs anomalous images, threshold ${formatScore(threshold)}`,
    }),
  );
  return { roc: roc.png, histogram: histogram.png };
}
