/**
 * Anomaly ROC curves of runs: the optional file `anomaly/roc.json` in a run folder and one chart
 * with every curve of every run given, plus the chance diagonal.
 *
 * File format (`runs/<name>/anomaly/roc.json`); the point fields are those of `RocPoint` from
 * `lib/uses/anomaly/roc.ts`, so `rocCurve(...)` output can be written as it is (`threshold` is optional
 * and may be null, which is what JSON makes of the first point's Infinity):
 *
 * ```json
 * {
 *   "title": "Reconstruction error as anomaly score",
 *   "curves": [
 *     {
 *       "name": "Sneaker held out",
 *       "auc": 0.912,
 *       "points": [{ "falsePositiveRate": 0, "truePositiveRate": 0, "threshold": null }]
 *     }
 *   ]
 * }
 * ```
 *
 * Rates lie in [0, 1]; `auc` is optional (when absent, the trapezoid area under the points is
 * shown). Only `curves` is required.
 *
 * @module
 */
import {
  describeValue,
  expectFiniteNumber,
  isJsonObject,
  optionalString,
  RunFolderError,
} from "../../training/run_folder/json_checks.ts";
import { chartLayout, colorAt, type PlotlyTrace, type ViewerChart } from "./plotly_chart.ts";

/**
 * One point of a ROC curve (a `RocPoint` of `lib/uses/anomaly/roc.ts` without the threshold).
 *
 * @example
 * ```ts
 * const point: RocCurvePoint = { falsePositiveRate: 0.1, truePositiveRate: 0.8 };
 * ```
 */
export interface RocCurvePoint {
  falsePositiveRate: number;
  truePositiveRate: number;
}

/**
 * One named ROC curve with its AUROC if the writer gave one.
 *
 * @example
 * ```ts
 * const curve: RocCurveEntry = { name: "Bag held out", auc: 0.5, points: [
 *   { falsePositiveRate: 0, truePositiveRate: 0 }, { falsePositiveRate: 1, truePositiveRate: 1 },
 * ] };
 * ```
 */
export interface RocCurveEntry {
  name: string;
  auc?: number;
  points: RocCurvePoint[];
}

/**
 * The content of `anomaly/roc.json`, as {@link parseRocJson} returns it.
 *
 * @example
 * ```ts
 * const roc: RocFile = { curves: [] };
 * ```
 */
export interface RocFile {
  title?: string;
  curves: RocCurveEntry[];
}

function rate(value: unknown, where: string): number {
  const number = expectFiniteNumber(value, where);
  if (number < 0 || number > 1) {
    throw new RunFolderError(`${where} is ${number}; expected a rate from 0 to 1.`);
  }
  return number;
}

/**
 * Checks parsed `anomaly/roc.json` content: `{ curves: [{ name, auc?, points: [{
 * falsePositiveRate, truePositiveRate, threshold? }] }], title? }` with rates in [0, 1].
 *
 * @throws {RunFolderError} Naming `path`, the curve, point and field that are wrong.
 *
 * @example
 * ```ts
 * const roc = parseRocJson(JSON.parse(text), "runs/cae/anomaly/roc.json");
 * ```
 */
export function parseRocJson(value: unknown, path: string): RocFile {
  if (!isJsonObject(value) || !Array.isArray(value.curves) || value.curves.length === 0) {
    throw new RunFolderError(
      `${path} holds ${describeValue(value)} without a non-empty "curves" array; expected ` +
        `{ "curves": [{ "name", "points": [{ "falsePositiveRate", "truePositiveRate" }] }] } ` +
        `(see lib/presentation/viewer/roc_chart.ts).`,
    );
  }
  const curves = value.curves.map((curve: unknown, position: number): RocCurveEntry => {
    const where = `${path}, curve ${position}`;
    if (!isJsonObject(curve) || typeof curve.name !== "string" || !Array.isArray(curve.points)) {
      throw new RunFolderError(
        `${where} is ${describeValue(curve)} without a "name" string and a "points" array.`,
      );
    }
    if (curve.points.length < 2) {
      throw new RunFolderError(
        `${where} ("${curve.name}") has fewer than 2 points; a curve needs 2.`,
      );
    }
    const entry: RocCurveEntry = {
      name: curve.name,
      points: curve.points.map((point: unknown, index: number) => {
        const at = `${where}, point ${index}`;
        if (!isJsonObject(point)) {
          throw new RunFolderError(`${at} is ${describeValue(point)}; expected an object.`);
        }
        return {
          falsePositiveRate: rate(point.falsePositiveRate, `${at}, field falsePositiveRate`),
          truePositiveRate: rate(point.truePositiveRate, `${at}, field truePositiveRate`),
        };
      }),
    };
    if (curve.auc !== undefined) entry.auc = rate(curve.auc, `${where}, field auc`);
    return entry;
  });
  const roc: RocFile = { curves };
  const title = optionalString(value.title, `${path}, field title`);
  if (title !== undefined) roc.title = title;
  return roc;
}

/**
 * Area under a ROC curve by the trapezoid rule, points taken in the order given (for the points
 * of `rocCurve` this equals `areaUnderRoc`).
 *
 * @example
 * ```ts
 * trapezoidArea([{ falsePositiveRate: 0, truePositiveRate: 0 }, { falsePositiveRate: 1, truePositiveRate: 1 }]); // 0.5
 * ```
 */
export function trapezoidArea(points: readonly RocCurvePoint[]): number {
  let area = 0;
  for (let index = 1; index < points.length; index++) {
    const width = points[index].falsePositiveRate - points[index - 1].falsePositiveRate;
    area += width * (points[index].truePositiveRate + points[index - 1].truePositiveRate) / 2;
  }
  return area;
}

/**
 * One chart with the ROC curves of all given runs (legend: curve name, run name when there are
 * several, and AUROC) and a grey dotted chance diagonal.
 *
 * @example
 * ```ts
 * const chart = rocChart([{ name: "cae", roc: parseRocJson(JSON.parse(text), path) }]);
 * ```
 */
export function rocChart(runs: readonly { name: string; roc: RocFile }[]): ViewerChart {
  const curves = runs.flatMap((run) =>
    run.roc.curves.map((curve) => ({ curve, runName: runs.length > 1 ? run.name : undefined }))
  );
  const data: PlotlyTrace[] = curves.map(({ curve, runName }, index) => {
    const auc = curve.auc ?? trapezoidArea(curve.points);
    const name = `${runName ? `${runName}: ` : ""}${curve.name} (AUROC ${auc.toFixed(3)})`;
    return {
      type: "scatter",
      mode: "lines",
      name,
      x: curve.points.map((point) => point.falsePositiveRate),
      y: curve.points.map((point) => point.truePositiveRate),
      line: { color: colorAt(index), width: 2 },
      hovertemplate: "false positive rate %{x:.3f}<br>true positive rate %{y:.3f}",
    };
  });
  data.push({
    type: "scatter",
    mode: "lines",
    name: "chance",
    x: [0, 1],
    y: [0, 1],
    line: { color: "#999999", width: 1, dash: "dot" },
    hoverinfo: "skip",
  });
  const titles = [...new Set(runs.map((run) => run.roc.title).filter((title) => title))];
  return {
    data,
    layout: chartLayout({
      title: titles.length === 1 ? titles[0]! : "Anomaly ROC curves",
      xTitle: "false positive rate",
      yTitle: "true positive rate",
      xAxis: { range: [0, 1.01] },
      yAxis: { range: [0, 1.02] },
      legend: "below",
      height: 600,
    }),
  };
}
