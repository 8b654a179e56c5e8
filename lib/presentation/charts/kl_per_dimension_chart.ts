/**
 * The KL of each latent dimension of several VAEs, as grouped bars: the picture of posterior
 * collapse (a collapsed dimension costs 0 nats, because it carries nothing about the image).
 *
 * @module
 */
import { groupedBarSpec } from "./grouped_bar_spec.ts";
import type { VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One VAE's KL per latent dimension (nats per image, mean over the test images).
 *
 * @example
 * ```ts
 * const series: KlPerDimensionSeries = { variant: "direct", klPerDimension: [3.1, 0.002] };
 * ```
 */
export interface KlPerDimensionSeries {
  variant: string;
  klPerDimension: readonly number[];
}

/**
 * Grouped bars of KL per latent dimension, one colour per VAE. Each VAE's dimensions are sorted
 * from the largest KL to the smallest (which index a dimension has is arbitrary), so bar 1 is each
 * model's busiest dimension; the axis starts at 0.
 *
 * @throws {RangeError} When no series is given or a series has no dimensions.
 *
 * @example
 * ```ts
 * const spec = klPerDimensionChartSpec(study.rows); // rows of deno task vae-study's study.json
 * ```
 */
export function klPerDimensionChartSpec(
  series: readonly KlPerDimensionSeries[],
  options: { title?: string; width?: number } = {},
): VegaLiteSpec {
  if (series.length === 0 || series.some((one) => one.klPerDimension.length === 0)) {
    throw new RangeError(
      "klPerDimensionChartSpec needs at least one VAE, each with the KL of its dimensions.",
    );
  }
  const bars = series.flatMap((one) =>
    [...one.klPerDimension].sort((a, b) => b - a).map((kl, rank) => ({
      group: String(rank + 1),
      series: one.variant,
      value: kl,
    }))
  );
  return groupedBarSpec(bars, {
    title: options.title ?? "KL per latent dimension, each model's dimensions sorted by KL",
    groupTitle: "latent dimension (rank by KL, largest first)",
    valueTitle: "KL (nats per image)",
    seriesTitle: "VAE",
    width: options.width ?? 640,
  });
}
