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
  /**
   * Logarithmic loss axis, fitted to the losses (a little room above and below, not stretched to
   * whole powers of ten). Default false.
   */
  logScale?: boolean;
  /** Linear loss axis that starts at 0 (ignored with `logScale`). Default false: fit the data. */
  zero?: boolean;
  /** Loss axis title. Default "loss per image". */
  lossTitle?: string;
  /** Epoch axis title. Default "epoch". */
  epochTitle?: string;
  /** A dot on every point of the measured series. Default true. */
  showPoints?: boolean;
  /**
   * Constant levels drawn as dashed horizontal lines across all epochs, named in the legend,
   * e.g. a floor no model can go below. Default none.
   */
  references?: readonly LossReference[];
}

/**
 * A constant level in a loss chart (see {@link LossCurveOptions.references}).
 *
 * @example
 * ```ts
 * const floor: LossReference = { name: "BCE floor (test)", loss: 189.9 };
 * ```
 */
export interface LossReference {
  name: string;
  loss: number;
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
 * A Vega-Lite line chart of loss against epoch, one coloured line per series, in the order given,
 * and dashed horizontal lines for the `references`.
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
 * // The same from 0, with the floor no model can go below as a dashed line:
 * lossCurveSpec(series, { zero: true, references: [{ name: "floor", loss: 0.02 }] });
 * ```
 */
export function lossCurveSpec(
  series: readonly LossSeries[],
  options: LossCurveOptions = {},
): VegaLiteSpec {
  const values: Record<string, unknown>[] = series.flatMap((one) =>
    one.points.map((point) => ({ series: one.name, epoch: point.epoch, loss: point.loss }))
  );
  if (values.length === 0) {
    throw new RangeError(
      "lossCurveSpec got no points: pass at least one series with at least one " +
        "{ epoch, loss } point (e.g. after the first epoch).",
    );
  }
  const references = options.references ?? [];
  const losses = [...values.map((value) => value.loss as number), ...references.map((r) => r.loss)];
  if (options.logScale && losses.some((loss) => !(loss > 0))) {
    throw new RangeError(
      "lossCurveSpec: a log scale needs losses > 0, but some are <= 0 or not numbers. " +
        "Use logScale: false for such losses.",
    );
  }
  const epochs = values.map((value) => value.epoch as number);
  const firstEpoch = Math.min(1, ...epochs);
  const lastEpoch = Math.max(firstEpoch + 1, ...epochs);
  for (const reference of references) {
    for (const epoch of [firstEpoch, lastEpoch]) {
      values.push({ series: reference.name, epoch, loss: reference.loss, reference: true });
    }
  }
  const names = [...series.map((one) => one.name), ...references.map((one) => one.name)];
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 420,
    height: options.height ?? 240,
    data: { values },
    encoding: {
      x: {
        field: "epoch",
        type: "quantitative",
        title: options.epochTitle ?? "epoch",
        scale: { domain: [firstEpoch, lastEpoch] },
        axis: { tickMinStep: 1, format: "d" },
      },
      y: {
        field: "loss",
        type: "quantitative",
        title: options.lossTitle ?? "loss per image",
        scale: lossScale(losses, options),
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: names,
        legend: { labelLimit: 400 },
      },
      tooltip: [
        { field: "series", type: "nominal" },
        { field: "epoch", type: "quantitative" },
        { field: "loss", type: "quantitative", format: ".4g" },
      ],
    },
    config: chartConfig(),
  };
  const measuredMark = { type: "line", point: options.showPoints ?? true, strokeWidth: 2 };
  if (references.length === 0) {
    spec.mark = measuredMark;
  } else {
    spec.layer = [
      { transform: [{ filter: "!datum.reference" }], mark: measuredMark },
      {
        transform: [{ filter: "datum.reference" }],
        mark: { type: "line", strokeWidth: 2, strokeDash: [6, 4] },
      },
    ];
  }
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

/** The loss axis' scale: log fitted to the data, linear from 0, or linear fitted to the data. */
function lossScale(losses: readonly number[], options: LossCurveOptions): Record<string, unknown> {
  if (options.logScale) {
    const low = Math.min(...losses);
    const high = Math.max(...losses);
    // 10% of room on either side (in log terms), so the curve does not touch the frame.
    return { type: "log", domain: [low / 1.1, high * 1.1], nice: false };
  }
  return { zero: options.zero ?? false };
}
