/**
 * Loss curves: training and test loss per epoch, several named series in one chart (e.g. "dense
 * train", "dense test", "conv train", ...). The series are plain data, the spec is plain JSON, so
 * the same series could feed another renderer.
 *
 * @module
 */
import type { EpochMetrics } from "../../training/trainer.ts";
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One point of a loss curve.
 *
 * @example
 * ```ts
 * const point: LossPoint = { epoch: 1, loss: 0.031 };
 * ```
 */
export interface LossPoint {
  epoch: number;
  loss: number;
}

/**
 * A named loss curve, e.g. `{ name: "test", points: [...] }`.
 *
 * @example
 * ```ts
 * const series: LossSeries = { name: "train", points: [{ epoch: 1, loss: 0.04 }] };
 * ```
 */
export interface LossSeries {
  name: string;
  points: LossPoint[];
}

/**
 * Options of {@link lossCurveSpec}.
 *
 * @example
 * ```ts
 * const options: LossCurveOptions = { title: "Conv autoencoder", logScale: true };
 * ```
 */
export interface LossCurveOptions {
  /** Chart title. Default: none. */
  title?: string;
  /** Plot width in pixels (axes and legend come on top). Default 420. */
  width?: number;
  /** Plot height in pixels. Default 240. */
  height?: number;
  /** Logarithmic loss axis. Default false. */
  logScale?: boolean;
  /** Loss axis title. Default "loss per image". */
  lossTitle?: string;
}

/**
 * Turns a training history into two series, `train` and `test` (or `<prefix> train` and
 * `<prefix> test`); epochs whose loss is not finite (no test data) are left out.
 *
 * @example
 * ```ts
 * const series = lossSeriesFromHistory(history, { prefix: "conv" }); // "conv train", "conv test"
 * ```
 */
export function lossSeriesFromHistory(
  history: readonly Pick<EpochMetrics, "epoch" | "trainLoss" | "testLoss">[],
  options: { prefix?: string } = {},
): LossSeries[] {
  const name = (part: string) => options.prefix ? `${options.prefix} ${part}` : part;
  const points = (key: "trainLoss" | "testLoss") =>
    history.filter((metrics) => Number.isFinite(metrics[key]))
      .map((metrics) => ({ epoch: metrics.epoch, loss: metrics[key] }));
  return [
    { name: name("train"), points: points("trainLoss") },
    { name: name("test"), points: points("testLoss") },
  ].filter((series) => series.points.length > 0);
}

/**
 * A Vega-Lite line chart of loss against epoch, one coloured line per series, in the order given.
 *
 * @throws {RangeError} When there is no point at all, or a log scale is asked for with a loss <= 0.
 *
 * @example
 * ```ts
 * const spec = lossCurveSpec([
 *   { name: "train", points: [{ epoch: 1, loss: 0.05 }, { epoch: 2, loss: 0.03 }] },
 *   { name: "test", points: [{ epoch: 1, loss: 0.045 }, { epoch: 2, loss: 0.032 }] },
 * ], { title: "Dense autoencoder" });
 * const png = await renderVegaLitePng(spec);
 * ```
 */
export function lossCurveSpec(
  series: readonly LossSeries[],
  options: LossCurveOptions = {},
): VegaLiteSpec {
  const values = series.flatMap((one) =>
    one.points.map((point) => ({ series: one.name, epoch: point.epoch, loss: point.loss }))
  );
  if (values.length === 0) {
    throw new RangeError(
      "lossCurveSpec got no points: pass at least one series with at least one " +
        "{ epoch, loss } point (e.g. after the first epoch).",
    );
  }
  if (options.logScale && values.some((value) => !(value.loss > 0))) {
    throw new RangeError(
      "lossCurveSpec: a log scale needs losses > 0, but some are <= 0 or not numbers. " +
        "Use logScale: false for such losses.",
    );
  }
  const firstEpoch = Math.min(1, ...values.map((value) => value.epoch));
  const lastEpoch = Math.max(firstEpoch + 1, ...values.map((value) => value.epoch));
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 420,
    height: options.height ?? 240,
    data: { values },
    mark: { type: "line", point: true, strokeWidth: 2 },
    encoding: {
      x: {
        field: "epoch",
        type: "quantitative",
        title: "epoch",
        scale: { domain: [firstEpoch, lastEpoch] },
        axis: { tickMinStep: 1, format: "d" },
      },
      y: {
        field: "loss",
        type: "quantitative",
        title: options.lossTitle ?? "loss per image",
        scale: options.logScale ? { type: "log" } : { zero: false },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: series.map((one) => one.name),
      },
      tooltip: [
        { field: "series", type: "nominal" },
        { field: "epoch", type: "quantitative" },
        { field: "loss", type: "quantitative", format: ".4g" },
      ],
    },
    config: chartConfig(),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
