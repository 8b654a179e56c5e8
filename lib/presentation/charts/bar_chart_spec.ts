/**
 * Bar charts: one bar per category, in the order given (e.g. images per class, or a histogram
 * of pixel values). Plain data in, plain Vega-Lite JSON out.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One bar of a {@link barChartSpec}.
 *
 * @example
 * ```ts
 * const bar: Bar = { category: "Sneaker", value: 6000 };
 * ```
 */
export interface Bar {
  category: string;
  value: number;
}

/**
 * Options of {@link barChartSpec}.
 *
 * @example
 * ```ts
 * const options: BarChartOptions = { title: "Pixel values", logScale: true, valueTitle: "pixels" };
 * ```
 */
export interface BarChartOptions {
  /** Chart title. Default: none. */
  title?: string;
  /** Plot width in pixels. Default 420. */
  width?: number;
  /** Plot height in pixels. Default 240. */
  height?: number;
  /** Axis titles. Default "category" and "value". */
  categoryTitle?: string;
  valueTitle?: string;
  /**
   * Logarithmic value axis (all values must then be > 0); the bars start at the power of ten at
   * or below the smallest value. Default false.
   */
  logScale?: boolean;
  /** Angle of the category labels in degrees, e.g. -45 for long names. Default: Vega-Lite's. */
  labelAngle?: number;
}

/**
 * A Vega-Lite bar chart, bars in the order of `bars`.
 *
 * @throws {RangeError} When there are no bars, a value is not finite, or a log scale is asked
 *   for with a value <= 0.
 *
 * @example
 * ```ts
 * const spec = barChartSpec(
 *   fashion.classNames.map((name, label) => ({ category: name, value: counts[label] })),
 *   { title: "Training images per class", valueTitle: "images", labelAngle: -45 },
 * );
 * await show(await chartPicture(spec));
 * ```
 */
export function barChartSpec(bars: readonly Bar[], options: BarChartOptions = {}): VegaLiteSpec {
  if (bars.length === 0) {
    throw new RangeError("barChartSpec got no bars: pass at least one { category, value }.");
  }
  const bad = bars.findIndex((bar) => !Number.isFinite(bar.value));
  if (bad >= 0) {
    throw new RangeError(
      `barChartSpec: bar ${bad} ("${bars[bad].category}") has value ${bars[bad].value}; ` +
        `expected a finite number.`,
    );
  }
  if (options.logScale && bars.some((bar) => !(bar.value > 0))) {
    throw new RangeError(
      "barChartSpec: a log scale needs values > 0, but some are <= 0. Use logScale: false, " +
        "or leave out the empty bars.",
    );
  }
  const categoryAxis: Record<string, unknown> = {};
  if (options.labelAngle !== undefined) categoryAxis.labelAngle = options.labelAngle;
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 420,
    height: options.height ?? 240,
    data: { values: bars.map(({ category, value }) => ({ category, value })) },
    mark: { type: "bar", color: "#4c78a8" },
    encoding: {
      x: {
        field: "category",
        type: "nominal",
        title: options.categoryTitle ?? "category",
        sort: bars.map((bar) => bar.category),
        axis: categoryAxis,
      },
      y: {
        field: "value",
        type: "quantitative",
        title: options.valueTitle ?? "value",
        scale: options.logScale ? { type: "log" } : {},
      },
      tooltip: [
        { field: "category", type: "nominal" },
        { field: "value", type: "quantitative", format: ",.4~g" },
      ],
    },
    config: chartConfig(),
  };
  if (options.logScale) {
    // A bar on a log scale cannot start at 0: start all bars at the power of ten at or below
    // the smallest value, so every bar has a visible length.
    const smallest = Math.min(...bars.map((bar) => bar.value));
    (spec.encoding as Record<string, unknown>).y2 = {
      datum: 10 ** Math.floor(Math.log10(smallest)),
    };
  }
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
