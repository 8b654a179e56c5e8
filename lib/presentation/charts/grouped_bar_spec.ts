/**
 * Grouped bar charts: for each group on the x axis (a label budget, a latent size k), one bar per
 * series (a feature type, a method), with optional ± error bars. Plain data in, Vega-Lite out.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One bar of a {@link groupedBarSpec}.
 *
 * @example
 * ```ts
 * const bar: GroupedBar = { group: "100/class", series: "PCA", value: 0.74, error: 0.01 };
 * ```
 */
export interface GroupedBar {
  group: string;
  series: string;
  value: number;
  /** Half-length of an error bar (e.g. one standard deviation). Default: none. */
  error?: number;
}

/**
 * Options of {@link groupedBarSpec}.
 *
 * @example
 * ```ts
 * const options: GroupedBarOptions = { title: "Test accuracy", valueTitle: "accuracy" };
 * ```
 */
export interface GroupedBarOptions {
  title?: string;
  groupTitle?: string;
  valueTitle?: string;
  seriesTitle?: string;
  /** Plot width and height in pixels. Defaults 480 and 260. */
  width?: number;
  height?: number;
  /** Lower end of the value axis (e.g. to zoom in on accuracies). Default 0. */
  minimum?: number;
  /** Angle of the group labels in degrees, e.g. -20 for long names. Default 0. */
  labelAngle?: number;
}

/**
 * A Vega-Lite grouped bar chart (groups and series in the order first seen) with error bars
 * where given.
 *
 * @throws {RangeError} When there are no bars or a value is not finite.
 *
 * @example
 * ```ts
 * const spec = groupedBarSpec([
 *   { group: "k = 2", series: "PCA", value: 0.05 },
 *   { group: "k = 2", series: "CAE", value: 0.03 },
 * ], { valueTitle: "test MSE" });
 * ```
 */
export function groupedBarSpec(
  bars: readonly GroupedBar[],
  options: GroupedBarOptions = {},
): VegaLiteSpec {
  if (bars.length === 0) throw new RangeError("groupedBarSpec got no bars.");
  const bad = bars.findIndex((bar) => !Number.isFinite(bar.value));
  if (bad >= 0) {
    throw new RangeError(
      `groupedBarSpec: bar ${bad} (${bars[bad].group}, ${bars[bad].series}) has value ` +
        `${bars[bad].value}; expected a finite number.`,
    );
  }
  const groups = [...new Set(bars.map((bar) => bar.group))];
  const series = [...new Set(bars.map((bar) => bar.series))];
  const values = bars.map((bar) => ({
    ...bar,
    low: bar.value - (bar.error ?? 0),
    high: bar.value + (bar.error ?? 0),
  }));
  const x = {
    field: "group",
    type: "nominal",
    sort: groups,
    title: options.groupTitle ?? "",
    axis: { labelAngle: options.labelAngle ?? 0, labelLimit: 400 },
  };
  const xOffset = { field: "series", sort: series };
  const scale = { domainMin: options.minimum ?? 0, zero: (options.minimum ?? 0) === 0 };
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 480,
    height: options.height ?? 260,
    data: { values },
    layer: [
      {
        mark: { type: "bar", clip: true },
        encoding: {
          x,
          xOffset,
          y: { field: "value", type: "quantitative", title: options.valueTitle ?? "value", scale },
          color: {
            field: "series",
            type: "nominal",
            sort: series,
            title: options.seriesTitle ?? "",
            scale: { scheme: "tableau10" },
            legend: { labelLimit: 320 },
          },
          tooltip: [
            { field: "group" },
            { field: "series" },
            { field: "value", type: "quantitative", format: ".4g" },
          ],
        },
      },
      {
        transform: [{ filter: "datum.error > 0" }],
        mark: { type: "rule", color: "black" },
        encoding: { x, xOffset, y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
      },
    ],
    config: chartConfig(),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
