/**
 * The pretraining sweep as a picture: test accuracy against labels per class (log scale), one
 * panel per encoder, one line per start (random, pretrained frozen, pretrained fine-tuned), the
 * mean over seeds with ± one standard deviation as error bars.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import type { SweepSummary } from "../../uses/pretraining/pretraining_sweep.ts";

const KIND_NAMES = {
  "random": "random start",
  "pretrained-frozen": "pretrained, frozen",
  "pretrained-fine-tuned": "pretrained, fine-tuned",
} as const;

/**
 * Accuracy (%) vs labels per class with error bars, faceted by encoder.
 *
 * @throws {RangeError} When there are no rows.
 *
 * @example
 * ```ts
 * const png = await renderVegaLitePng(pretrainingSweepSpec(summariseSweep(results)));
 * ```
 */
export function pretrainingSweepSpec(
  rows: readonly SweepSummary[],
  options: { title?: string } = {},
): VegaLiteSpec {
  if (rows.length === 0) {
    throw new RangeError("pretrainingSweepSpec needs at least one row; pass summariseSweep(...).");
  }
  const values = rows.map((row) => ({
    encoder: row.encoder,
    start: KIND_NAMES[row.kind],
    labels: row.budget,
    accuracy: 100 * row.mean,
    low: 100 * (row.mean - row.std),
    high: 100 * (row.mean + row.std),
    runs: row.runs,
  }));
  const x = {
    field: "labels",
    type: "quantitative",
    title: "labels per class",
    scale: { type: "log" },
    axis: { values: [...new Set(rows.map((row) => row.budget))] },
  };
  const color = {
    field: "start",
    type: "nominal",
    title: "encoder start",
    scale: { domain: Object.values(KIND_NAMES) },
    legend: { labelLimit: 300 },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? "Does autoencoder pretraining help a few-label classifier?",
      subtitle: "test accuracy, mean ± std over seeds (label draw and head initialisation)",
    },
    data: { values },
    facet: { field: "encoder", type: "nominal", title: null },
    spec: {
      width: 300,
      height: 240,
      layer: [
        {
          mark: { type: "line", point: true },
          encoding: {
            x,
            y: {
              field: "accuracy",
              type: "quantitative",
              title: "test accuracy (%)",
              scale: { zero: false },
            },
            color,
          },
        },
        {
          mark: { type: "errorbar", ticks: true },
          encoding: {
            x,
            y: { field: "low", type: "quantitative", title: "test accuracy (%)" },
            y2: { field: "high" },
            color,
          },
        },
      ],
    },
    config: chartConfig(),
  };
}
