/**
 * `anomaly/roc.json` of a run folder (optional): named ROC curves for the viewer. `deno task
 * anomaly` writes one curve per class it has finished, for whatever score it ranks by.
 *
 * File format (`runs/<name>/anomaly/roc.json`); the point fields are those of `RocPoint` from
 * `lib/uses/anomaly/roc.ts`, so `rocCurve(...)` output can be written as it is (`threshold` is
 * optional and may be null, which is what JSON makes of the first point's Infinity):
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
 * Rates lie in [0, 1]; `auc` is optional (when absent, the viewer shows the trapezoid area under
 * the points). Only `curves` is required.
 *
 * @module
 */
import { join } from "node:path";
import {
  describeValue,
  expectFiniteNumber,
  isJsonObject,
  optionalString,
  RunFolderError,
} from "./json_checks.ts";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import { ANOMALY_FILES, RUN_FILES } from "./files.ts";
import { readOptionalJson } from "./read_files.ts";

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
        `(see lib/training/run_folder/roc_file.ts).`,
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
 * Reads `directory/anomaly/roc.json`, or undefined when the run folder has none.
 *
 * @throws {RunFolderError} When the file is not valid JSON or not in the format above.
 *
 * @example
 * ```ts
 * const roc = await readRocFile("runs/cae-latent2");
 * console.log(roc?.curves.length);
 * ```
 */
export async function readRocFile(directory: string): Promise<RocFile | undefined> {
  const path = join(directory, RUN_FILES.roc);
  const value = await readOptionalJson(path);
  return value === undefined ? undefined : parseRocJson(value, path);
}

/**
 * Writes `roc.json` (atomically) into `anomalyDirectory`, the run folder's `anomaly/` subfolder
 * (which must exist): the curves with rates rounded to 6 decimals, thresholds to 7 significant
 * digits (null for the start point's infinite threshold), indented by two spaces as `deno fmt`
 * leaves it.
 *
 * @example
 * ```ts
 * await writeRocFile("runs/cae/anomaly", { title: "mse", curves: [{ name: "Bag vs the rest", points }] });
 * ```
 */
export async function writeRocFile(
  anomalyDirectory: string,
  roc: {
    title?: string;
    curves: { name: string; auc?: number; points: (RocCurvePoint & { threshold?: number })[] }[];
  },
): Promise<void> {
  const rate = (value: number) => Math.round(value * 1e6) / 1e6;
  const curves = roc.curves.map((curve) => ({
    name: curve.name,
    ...(curve.auc === undefined ? {} : { auc: curve.auc }),
    points: curve.points.map((point) => ({
      falsePositiveRate: rate(point.falsePositiveRate),
      truePositiveRate: rate(point.truePositiveRate),
      ...(point.threshold === undefined ? {} : {
        threshold: Number.isFinite(point.threshold) ? Number(point.threshold.toPrecision(7)) : null,
      }),
    })),
  }));
  // Indented, so that a roc.json committed beside a report passes `deno fmt --check` as written.
  const body = roc.title === undefined ? { curves } : { title: roc.title, curves };
  const text = JSON.stringify(body, null, 2);
  await writeFileAtomically(join(anomalyDirectory, ANOMALY_FILES.roc), text + "\n");
}
