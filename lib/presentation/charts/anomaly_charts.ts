/**
 * Vega-Lite specs of anomaly scores: the ROC curve, and histograms of normal vs anomalous scores
 * with the threshold marked. Plain data in, plain JSON out; render with `renderVegaLiteChart`.
 *
 * @module
 */
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import { type RocPoint, thinRocCurve } from "../../uses/anomaly/roc.ts";

/**
 * A ROC curve (false positive rate → true positive rate) with the chance diagonal.
 *
 * @example
 * ```ts
 * const spec = rocCurveSpec(rocCurve(scores, isAnomaly), { title: "T-shirt/top: AUROC 0.91" });
 * ```
 */
export function rocCurveSpec(
  points: readonly RocPoint[],
  options: { title?: string; size?: number } = {},
): VegaLiteSpec {
  if (points.length < 2) {
    throw new RangeError("rocCurveSpec needs at least two points; pass rocCurve(scores, labels).");
  }
  const size = options.size ?? 320;
  const values = thinRocCurve(points).map((point, order) => ({
    fpr: point.falsePositiveRate,
    tpr: point.truePositiveRate,
    order,
  }));
  const encoding = {
    x: {
      field: "fpr",
      type: "quantitative",
      title: "false positive rate (normal images flagged)",
      scale: { domain: [0, 1] },
    },
    y: {
      field: "tpr",
      type: "quantitative",
      title: "true positive rate (anomalies flagged)",
      scale: { domain: [0, 1] },
    },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: size,
    height: size,
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#999999" },
        encoding,
      },
      {
        data: { values },
        mark: { type: "line", strokeWidth: 2, color: "#1f77b4" },
        encoding: { ...encoding, order: { field: "order", type: "quantitative" } },
      },
    ],
    config: chartConfig(),
  };
}

/**
 * Options of {@link scoreHistogramSpec}.
 *
 * @example
 * ```ts
 * const options: ScoreHistogramOptions = { threshold: 12.5, bins: 30 };
 * ```
 */
export interface ScoreHistogramOptions {
  title?: string;
  /** The decision threshold, drawn as a vertical line. */
  threshold?: number;
  /** Number of bins. Default 40. */
  bins?: number;
  /**
   * The x range spans these quantiles of all scores (and the threshold); scores outside go into
   * the first or last bin, so a long tail does not squeeze the histogram. Default [0.001, 0.98].
   */
  range?: [number, number];
  width?: number;
  height?: number;
}

/**
 * Histograms of normal and anomalous scores, each normalised to its own total (so 1,000 normal
 * and 9,000 anomalous images compare), overlaid, with the threshold as a red line.
 *
 * @throws {RangeError} When lengths differ or there are no scores.
 *
 * @example
 * ```ts
 * const spec = scoreHistogramSpec(scores, isAnomaly, { threshold: detector.threshold });
 * ```
 */
export function scoreHistogramSpec(
  scores: ArrayLike<number>,
  isAnomaly: ArrayLike<boolean>,
  options: ScoreHistogramOptions = {},
): VegaLiteSpec {
  if (scores.length === 0 || scores.length !== isAnomaly.length) {
    throw new RangeError(
      `scoreHistogramSpec needs one label per score and at least one score; got ` +
        `${scores.length} scores and ${isAnomaly.length} labels.`,
    );
  }
  const binCount = options.bins ?? 40;
  const sorted = Float64Array.from(scores).sort();
  const [lowQuantile, highQuantile] = options.range ?? [0.001, 0.98];
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const threshold = options.threshold ?? NaN;
  const low = Math.min(at(lowQuantile), Number.isFinite(threshold) ? threshold : Infinity);
  const high = Math.max(
    at(highQuantile),
    Number.isFinite(threshold) ? threshold : -Infinity,
    low + 1e-9,
  );
  const width = (high - low) / binCount;
  const counts = { normal: new Float64Array(binCount), anomalous: new Float64Array(binCount) };
  const totals = { normal: 0, anomalous: 0 };
  for (let index = 0; index < scores.length; index++) {
    const group = isAnomaly[index] ? "anomalous" : "normal";
    const bin = Math.min(binCount - 1, Math.max(0, Math.floor((scores[index] - low) / width)));
    counts[group][bin] += 1;
    totals[group] += 1;
  }
  const values = (["normal", "anomalous"] as const).flatMap((group) =>
    Array.from(counts[group], (count, bin) => ({
      group: `${group} (${totals[group]})`,
      start: low + bin * width,
      end: low + (bin + 1) * width,
      fraction: totals[group] === 0 ? 0 : count / totals[group],
    }))
  );
  const layer: unknown[] = [{
    data: { values },
    mark: { type: "rect", opacity: 0.55 },
    encoding: {
      x: { field: "start", type: "quantitative", title: "anomaly score", scale: { zero: false } },
      x2: { field: "end" },
      y: { field: "fraction", type: "quantitative", title: "fraction of group", stack: null },
      color: {
        field: "group",
        type: "nominal",
        title: null,
        scale: {
          domain: [`normal (${totals.normal})`, `anomalous (${totals.anomalous})`],
          range: ["#1f77b4", "#ff7f0e"],
        },
      },
    },
  }];
  if (options.threshold !== undefined) {
    layer.push({
      data: { values: [{ threshold: options.threshold }] },
      mark: { type: "rule", color: "#d62728", strokeWidth: 2 },
      encoding: { x: { field: "threshold", type: "quantitative" } },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 420,
    height: options.height ?? 220,
    layer,
    config: chartConfig(),
  };
}
