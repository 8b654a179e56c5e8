/**
 * A chart for the 2-D toy problem: point sets (the data, its reconstructions) and straight lines
 * (a learned direction, a principal direction) on axes with equal scales, so that angles in the
 * picture are the true angles. Plain data in, Vega-Lite JSON out.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * A named set of 2-D points, `x, y` after `x, y`.
 *
 * @example
 * ```ts
 * const data: ToyPointSet = { name: "data", points: cloud.points };
 * ```
 */
export interface ToyPointSet {
  name: string;
  points: Float32Array;
  /** Area of each dot in square pixels. Default 14. */
  size?: number;
  /** Opacity of the dots. Default 0.6. */
  opacity?: number;
}

/**
 * Named line segments, one from each `from` point to the `to` point at the same index (2-D
 * points, `x, y` after `x, y`), e.g. from every data point to its reconstruction.
 *
 * @example
 * ```ts
 * const errors: ToySegments = { name: "error", from: cloud.points, to: trained.reconstructions };
 * ```
 */
export interface ToySegments {
  name: string;
  from: Float32Array;
  to: Float32Array;
}

/**
 * A named straight line through a point along a direction (any non-zero length).
 *
 * @example
 * ```ts
 * const axis: ToyLine = { name: "true axis", through: [1, -0.5], direction: [0.87, 0.5] };
 * ```
 */
export interface ToyLine {
  name: string;
  through: readonly number[];
  direction: readonly number[];
}

/**
 * Options of {@link toyChartSpec}.
 *
 * @example
 * ```ts
 * const options: ToyChartOptions = { title: "A linear autoencoder", size: 360 };
 * ```
 */
export interface ToyChartOptions {
  /** Chart title. Default: none. */
  title?: string;
  /** Side of the square plot in pixels. Default 360. */
  size?: number;
  /** Straight lines drawn across the whole plot, under the points. Default: none. */
  lines?: readonly ToyLine[];
  /** Thin segments drawn under everything else. Default: none. */
  segments?: ToySegments;
}

/**
 * A square scatter chart of 2-D point sets (one colour each, later sets drawn over earlier ones)
 * over thin segments and straight lines, so that points lying on a line stay visible. Both axes
 * get the same range, so a 30° direction looks like 30°.
 *
 * @throws {RangeError} When there are no points, a point set has an odd number of values or a
 *   value that is not finite, a line is not 2-D or has a zero direction, or the segments' ends
 *   differ in number.
 *
 * @example
 * ```ts
 * const spec = toyChartSpec(
 *   [{ name: "data", points: cloud.points }, { name: "reconstruction", points: trained.reconstructions }],
 *   {
 *     lines: [{ name: "decoder direction", through: cloud.center, direction: trained.decoderDirections[0] }],
 *     segments: { name: "error", from: cloud.points, to: trained.reconstructions },
 *   },
 * );
 * await show(await chartPicture(spec));
 * ```
 */
export function toyChartSpec(
  sets: readonly ToyPointSet[],
  options: ToyChartOptions = {},
): VegaLiteSpec {
  const pointsOf = (name: string, values: Float32Array) => {
    if (values.length % 2 !== 0 || !values.every(Number.isFinite)) {
      throw new RangeError(
        `toyChartSpec: point set "${name}" has ${values.length} values; expected x, y ` +
          `pairs of finite numbers (2-D points one after another).`,
      );
    }
    return Array.from({ length: values.length / 2 }, (_, index) => ({
      x: values[index * 2],
      y: values[index * 2 + 1],
      series: name,
    }));
  };
  const pointSets = sets.map((set) => pointsOf(set.name, set.points));
  const points = pointSets.flat();
  if (points.length === 0) {
    throw new RangeError("toyChartSpec got no points: pass at least one non-empty point set.");
  }
  const values = points.flatMap((point) => [point.x, point.y]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = Math.max(0.5, (high - low) * 0.05);
  const domain = [low - margin, high + margin];
  const reach = (domain[1] - domain[0]) * 1.5;
  const lines = (options.lines ?? []).flatMap((line) => {
    const length = Math.hypot(...line.direction);
    if (line.through.length !== 2 || line.direction.length !== 2 || !(length > 0)) {
      throw new RangeError(
        `toyChartSpec: line "${line.name}" needs a 2-D point and a non-zero 2-D direction; ` +
          `got through [${line.through}] and direction [${line.direction}].`,
      );
    }
    return [-1, 1].map((end) => ({
      x: line.through[0] + (end * reach * line.direction[0]) / length,
      y: line.through[1] + (end * reach * line.direction[1]) / length,
      series: line.name,
      end,
    }));
  });
  const segments = options.segments === undefined ? [] : segmentRows(options.segments, pointsOf);
  const names = [
    ...sets.map((set) => set.name),
    ...(options.lines ?? []).map((line) => line.name),
    ...(options.segments === undefined ? [] : [options.segments.name]),
  ];
  const axis = (title: string) => ({
    field: title,
    type: "quantitative",
    title,
    scale: { domain, nice: false },
  });
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    sort: names,
    scale: { domain: names, scheme: "tableau10" },
    legend: { labelLimit: 400 },
  };
  const layers: Record<string, unknown>[] = [];
  if (segments.length > 0) {
    layers.push({
      data: { values: segments },
      mark: { type: "rule", strokeWidth: 0.8, opacity: 0.7, clip: true },
      encoding: {
        x: axis("x"),
        y: axis("y"),
        x2: { field: "x2" },
        y2: { field: "y2" },
        color,
      },
    });
  }
  if (lines.length > 0) {
    layers.push({
      data: { values: lines },
      mark: { type: "line", strokeWidth: 1.5, strokeDash: [6, 3], clip: true },
      encoding: {
        x: axis("x"),
        y: axis("y"),
        color,
        detail: { field: "series", type: "nominal" },
        order: { field: "end", type: "quantitative" },
      },
    });
  }
  sets.forEach((set, index) => {
    if (pointSets[index].length === 0) return;
    layers.push({
      data: { values: pointSets[index] },
      mark: { type: "circle", size: set.size ?? 14, opacity: set.opacity ?? 0.6 },
      encoding: { x: axis("x"), y: axis("y"), color },
    });
  });
  const size = options.size ?? 360;
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: size,
    height: size,
    layer: layers,
    config: chartConfig(),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

function segmentRows(
  segments: ToySegments,
  pointsOf: (name: string, values: Float32Array) => { x: number; y: number }[],
): { x: number; y: number; x2: number; y2: number; series: string }[] {
  if (segments.from.length !== segments.to.length) {
    throw new RangeError(
      `toyChartSpec: segments "${segments.name}" have ${segments.from.length / 2} start and ` +
        `${segments.to.length / 2} end points; expected one end point per start point.`,
    );
  }
  const ends = pointsOf(segments.name, segments.to);
  return pointsOf(segments.name, segments.from).map((start, index) => ({
    x: start.x,
    y: start.y,
    x2: ends[index].x,
    y2: ends[index].y,
    series: segments.name,
  }));
}
