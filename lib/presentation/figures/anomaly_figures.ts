/**
 * The PNG figures of one class of the one-class protocol: ROC curve, score histogram with the
 * threshold, and the most and least anomalous images with their scores (over their
 * reconstructions), for `deno task anomaly` and notebook 06.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import type { AutoencoderBundle } from "../../models/autoencoder_bundle.ts";
import { rocCurve } from "../../uses/anomaly/roc.ts";
import { reconstructImages } from "../../uses/evaluation/reconstruct.ts";
import { rocCurveSpec, scoreHistogramSpec } from "../charts/anomaly_charts.ts";
import { renderVegaLiteChart } from "../charts/vega_render.ts";
import { captionedGridPng, type GridCell } from "./captioned_grid.ts";

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
 * Scored images of one split: where each image is in the split, its class label and its score
 * (e.g. the `evaluated` set of a one-class result, or `oneClassData(...).test` with the scores).
 *
 * @example
 * ```ts
 * const scored: ScoredSplit = { indices: split.test.indices, labels: split.test.labels, scores };
 * ```
 */
export interface ScoredSplit {
  indices: ArrayLike<number>;
  labels: ArrayLike<number>;
  scores: ArrayLike<number>;
}

/**
 * The images at `positions` of a scored split with their reconstructions by `bundle`, scores and
 * class names, ready for {@link extremesGridPng}.
 *
 * @example
 * ```ts
 * const top = scoredImages(detector.bundle, fashion, "test", scored, [0, 1], classNames);
 * ```
 */
export function scoredImages(
  bundle: AutoencoderBundle,
  data: { pixelsAsFloat(split: "train" | "test", indices: number[]): Float32Array },
  split: "train" | "test",
  scored: ScoredSplit,
  positions: readonly number[],
  classNames: readonly string[],
): ScoredImage[] {
  if (positions.length === 0) return [];
  const pixels = data.pixelsAsFloat(split, positions.map((position) => scored.indices[position]));
  const rebuilt = reconstructImages(bundle, pixels).images;
  const image = (row: number, from: Float32Array) =>
    from.subarray(row * PIXELS_PER_IMAGE, (row + 1) * PIXELS_PER_IMAGE);
  return positions.map((position, row) => ({
    pixels: image(row, pixels),
    reconstruction: image(row, rebuilt),
    score: scored.scores[position],
    label: classNames[scored.labels[position]] ?? String(scored.labels[position]),
  }));
}

/**
 * The `count` most anomalous images of a scored split (top row) and the `count` least anomalous
 * (bottom row), each over its reconstruction with its class and score: {@link extremeIndices},
 * {@link scoredImages} and {@link extremesGridPng} in one call.
 *
 * @example
 * ```ts
 * const png = await extremesPng(detector.bundle, fashion, "test",
 *   { indices: split.test.indices, labels: split.test.labels, scores }, FASHION_MNIST_CLASS_NAMES);
 * ```
 */
export async function extremesPng(
  bundle: AutoencoderBundle,
  data: { pixelsAsFloat(split: "train" | "test", indices: number[]): Float32Array },
  split: "train" | "test",
  scored: ScoredSplit,
  classNames: readonly string[],
  count = 10,
): Promise<Uint8Array> {
  const { most, least } = extremeIndices(scored.scores, count);
  return await extremesGridPng(
    scoredImages(bundle, data, split, scored, most, classNames),
    scoredImages(bundle, data, split, scored, least, classNames),
  );
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
