/**
 * A scatter plot with points coloured by category, e.g. the 2-D latent codes of test images
 * coloured by class. Plain data in, plain Vega-Lite JSON out.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One point of a {@link scatterSpec}.
 *
 * @example
 * ```ts
 * const point: ScatterPoint = { x: -1.2, y: 0.4, category: "Sneaker" };
 * ```
 */
export interface ScatterPoint {
  x: number;
  y: number;
  category: string;
}

/**
 * Options of {@link scatterSpec}.
 *
 * @example
 * ```ts
 * const options: ScatterOptions = { xTitle: "z1", yTitle: "z2", categoryTitle: "class" };
 * ```
 */
export interface ScatterOptions {
  /** Chart title. Default: none. */
  title?: string;
  /** Plot width in pixels. Default 420. */
  width?: number;
  /** Plot height in pixels. Default 420. */
  height?: number;
  /** Axis titles. Default "x" and "y". */
  xTitle?: string;
  yTitle?: string;
  /** Legend title. Default "category". */
  categoryTitle?: string;
  /**
   * All categories in legend and colour order, e.g. the class names by label: each keeps its
   * colour and legend entry even when absent from `points`. Default: those present, in order of
   * first appearance.
   */
  categoryOrder?: readonly string[];
  /** Area of a point in square pixels. Default 16. */
  pointSize?: number;
  /** Opacity of a point, 0..1. Default 0.7. */
  opacity?: number;
}

/**
 * A Vega-Lite scatter plot, one colour per category (Tableau 10, enough for the ten classes).
 *
 * @throws {RangeError} When there are no points or a coordinate is not a finite number.
 *
 * @example
 * ```ts
 * const spec = scatterSpec(
 *   [{ x: 0, y: 1, category: "Bag" }, { x: 2, y: -1, category: "Dress" }],
 *   { xTitle: "z1", yTitle: "z2", categoryTitle: "class" },
 * );
 * const png = await renderVegaLitePng(spec);
 * ```
 */
export function scatterSpec(
  points: readonly ScatterPoint[],
  options: ScatterOptions = {},
): VegaLiteSpec {
  if (points.length === 0) {
    throw new RangeError("scatterSpec got no points: pass at least one { x, y, category }.");
  }
  const bad = points.findIndex((point) => !Number.isFinite(point.x) || !Number.isFinite(point.y));
  if (bad >= 0) {
    throw new RangeError(
      `scatterSpec: point ${bad} has x ${points[bad].x} and y ${points[bad].y}; ` +
        `expected finite numbers. Drop or fix points with NaN or Infinity.`,
    );
  }
  const order = options.categoryOrder ?? [...new Set(points.map((point) => point.category))];
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 420,
    height: options.height ?? 420,
    data: { values: points.map(({ x, y, category }) => ({ x, y, category })) },
    mark: {
      type: "circle",
      size: options.pointSize ?? 16,
      opacity: options.opacity ?? 0.7,
    },
    encoding: {
      x: { field: "x", type: "quantitative", title: options.xTitle ?? "x", scale: { zero: false } },
      y: { field: "y", type: "quantitative", title: options.yTitle ?? "y", scale: { zero: false } },
      color: {
        field: "category",
        type: "nominal",
        title: options.categoryTitle ?? "category",
        sort: [...order],
        scale: options.categoryOrder
          ? { scheme: "tableau10", domain: [...options.categoryOrder] }
          : { scheme: "tableau10" },
      },
      tooltip: [
        { field: "category", type: "nominal" },
        { field: "x", type: "quantitative", format: ".3g" },
        { field: "y", type: "quantitative", format: ".3g" },
      ],
    },
    config: chartConfig(),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
