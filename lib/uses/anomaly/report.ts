/**
 * The report of one-class runs as plain JSON (`report.json`) and the per-image scores as CSV
 * (`scores.csv`), so that anyone can recompute each AUROC from the CSV alone.
 *
 * @module
 */
import { join } from "node:path";
import { ANOMALY_FILES, RUN_FILES } from "../../training/run_folder/files.ts";
import {
  describeValue,
  isJsonObject,
  RunFolderError,
} from "../../training/run_folder/json_checks.ts";
import { readOptionalJson } from "../../training/run_folder/read_files.ts";
import type { OneClassResult } from "./one_class_experiment.ts";
import { rocCurve, type RocPoint, thinRocCurve } from "./roc.ts";
import type { ScoreKind } from "./score_kinds.ts";
import { type SeedSummary, summarizeSeeds } from "./seed_summary.ts";
import type { ThresholdRule } from "./threshold.ts";

/**
 * The settings a report was made with.
 *
 * @example
 * ```ts
 * const settings: AnomalySettings = JSON.parse(text).settings;
 * ```
 */
export interface AnomalySettings {
  /** The preset the run started from (`ANOMALY_METHODS`), when it used one. */
  method?: string;
  score: ScoreKind;
  epochs: number;
  batchSize: number;
  /** Seeds run for every class (weights, shuffling, validation split). */
  seeds: number[];
  /** Training error and erased attribute (see `AutoencoderDetectorOptions`). */
  loss?: "bce" | "mse";
  erase?: "none" | "rotation";
  thresholdRule: ThresholdRule;
  mode: "test" | "validation";
  /** Share of the class held out (validation mode only). */
  validationFraction?: number;
  model: string;
  backend: string;
  /** `--limit` when the data was cut, else undefined. */
  limit?: number;
}

/**
 * One class's line of `report.json`.
 *
 * @example
 * ```ts
 * const line: ClassReport = classReport(result, "T-shirt/top");
 * ```
 */
export interface ClassReport {
  normalClass: number;
  className: string;
  /** Seed of this line's detector (weights, shuffling and validation split). */
  seed: number;
  auroc: number;
  aurocByScore: Record<ScoreKind, number>;
  aurocByEpoch?: Record<ScoreKind, number>[];
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  falsePositiveRate: number;
  normalCount: number;
  anomalousCount: number;
  fitCount: number;
  trainLoss: number;
  seconds: number;
}

/**
 * The whole `report.json`.
 *
 * @example
 * ```ts
 * const report: AnomalyReport = JSON.parse(await Deno.readTextFile("report.json"));
 * ```
 */
export interface AnomalyReport {
  createdAt: string;
  protocol: string;
  settings: AnomalySettings;
  /** One line per class and seed, in the order they were run. */
  classes: ClassReport[];
  /** Mean AUROC of the chosen score over the lines done (NaN before the first). */
  meanAuroc: number;
  meanAurocByScore: Record<string, number>;
  /** Per class: mean and standard deviation over its seeds (see `summarizeSeeds`). */
  summary: SeedSummary;
  totalSeconds: number;
  complete: boolean;
}

/**
 * The report line of one class.
 *
 * @example
 * ```ts
 * const line = classReport(result, "T-shirt/top");
 * console.log(line.auroc, line.f1);
 * ```
 */
export function classReport(result: OneClassResult, className: string): ClassReport {
  const { atThreshold } = result;
  const anomalousCount = result.evaluated.isAnomaly.filter(Boolean).length;
  return {
    normalClass: result.normalClass,
    className,
    seed: result.seed,
    auroc: result.auroc,
    aurocByScore: result.aurocByScore,
    ...(result.aurocByEpoch ? { aurocByEpoch: result.aurocByEpoch } : {}),
    threshold: result.threshold,
    precision: atThreshold.precision,
    recall: atThreshold.recall,
    f1: atThreshold.f1,
    falsePositiveRate: atThreshold.falsePositiveRate,
    normalCount: result.evaluated.isAnomaly.length - anomalousCount,
    anomalousCount,
    fitCount: result.fitCount,
    trainLoss: result.trainLoss,
    seconds: result.seconds,
  };
}

/**
 * Assembles `report.json` from the classes done so far.
 *
 * @example
 * ```ts
 * const report = anomalyReport(settings, lines, { totalSeconds: 120, complete: true });
 * ```
 */
export function anomalyReport(
  settings: AnomalySettings,
  classes: ClassReport[],
  options: { totalSeconds: number; complete: boolean; createdAt?: Date },
): AnomalyReport {
  const mean = (values: number[]) =>
    values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
  const kinds = Object.keys(classes[0]?.aurocByScore ?? {});
  return {
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    protocol: settings.mode === "test"
      ? "one-class: fit on the training images of one class, score all test images " +
        "(that class normal, the other nine anomalous), AUROC"
      : "validation: fit on part of the class's training images, score held-out images of " +
        "the class (normal) and as many training images of other classes (anomalous)",
    settings,
    classes,
    meanAuroc: mean(classes.map((line) => line.auroc)),
    meanAurocByScore: Object.fromEntries(
      kinds.map((
        kind,
      ) => [kind, mean(classes.map((line) => line.aurocByScore[kind as ScoreKind]))]),
    ),
    summary: summarizeSeeds(classes),
    totalSeconds: options.totalSeconds,
    complete: options.complete,
  };
}

/**
 * Header line of `scores.csv`.
 *
 * @example
 * ```ts
 * console.log(SCORES_CSV_HEADER); // "normal_class,seed,split,index,label,is_anomaly,score"
 * ```
 */
export const SCORES_CSV_HEADER = "normal_class,seed,split,index,label,is_anomaly,score";

/** The header before seeds were recorded (one seed per file); {@link parseScoresCsv} reads it too. */
const SINGLE_SEED_HEADER = "normal_class,split,index,label,is_anomaly,score";

/**
 * Significant digits of the scores in `scores.csv`. The table run computes each AUROC from the
 * scores rounded like this, so the CSV recomputes it exactly.
 *
 * @example
 * ```ts
 * roundScore(3.14159265, SCORE_DIGITS); // 3.14159
 * ```
 */
export const SCORE_DIGITS = 6;

/**
 * A score rounded to `digits` significant digits, as written to `scores.csv`.
 *
 * @example
 * ```ts
 * roundScore(1234.5678); // 1234.57
 * ```
 */
export function roundScore(score: number, digits = SCORE_DIGITS): number {
  return Number.isFinite(score) ? Number(score.toPrecision(digits)) : score;
}

/**
 * The CSV lines (without header) of one class's scores: one per evaluated image, scores with
 * {@link SCORE_DIGITS} significant digits.
 *
 * @example
 * ```ts
 * const text = [SCORES_CSV_HEADER, ...scoresCsvLines(result)].join("\n") + "\n";
 * ```
 */
export function scoresCsvLines(result: OneClassResult): string[] {
  const split = result.mode === "test" ? "test" : "train";
  const { indices, labels, isAnomaly, scores } = result.evaluated;
  return indices.map((index, row) =>
    `${result.normalClass},${result.seed},${split},${index},${labels[row]},` +
    `${isAnomaly[row] ? 1 : 0},${roundScore(scores[row])}`
  );
}

/**
 * One class's ROC curve for `anomaly/roc.json`: the curve of the scores the detector ranks by
 * (whatever its score kind), thinned to a few hundred points, named "<class> vs the rest", with
 * its AUROC.
 *
 * @example
 * ```ts
 * const curve = classRocCurve(result, "Trouser"); // { name: "Trouser vs the rest", auc: 0.98, points }
 * ```
 */
export function classRocCurve(
  result: OneClassResult,
  className: string,
): { name: string; auc: number; points: RocPoint[] } {
  return {
    name: `${className} vs the rest`,
    auc: result.auroc,
    points: thinRocCurve(rocCurve(result.evaluated.scores, result.evaluated.isAnomaly)),
  };
}

/**
 * Title of `anomaly/roc.json`: the score and the evaluated set.
 *
 * @example
 * ```ts
 * rocTitle({ score: "mse", mode: "test" }); // "Anomaly score mse, one class normal vs the rest (test set)"
 * ```
 */
export function rocTitle(settings: Pick<AnomalySettings, "score" | "mode">): string {
  return `Anomaly score ${settings.score}, one class normal vs the rest (${
    settings.mode === "test" ? "test set" : "validation split"
  })`;
}

/**
 * One row of `scores.csv`.
 *
 * @example
 * ```ts
 * const row: ScoreRow = parseScoresCsv(text)[0];
 * ```
 */
export interface ScoreRow {
  normalClass: number;
  /** The detector's seed (0 in files written before seeds were recorded). */
  seed: number;
  split: "test" | "train";
  index: number;
  label: number;
  isAnomaly: boolean;
  score: number;
}

/**
 * Parses `scores.csv` back, e.g. to recompute AUROCs. Reads the older header without `seed`
 * too (its rows get seed 0).
 *
 * @throws {RangeError} When the header or a line is malformed.
 *
 * @example
 * ```ts
 * const rows = parseScoresCsv(await Deno.readTextFile("runs/x/anomaly/scores.csv"));
 * const mine = rows.filter((row) => row.normalClass === 0 && row.seed === 1);
 * areaUnderRoc(mine.map((row) => row.score), mine.map((row) => row.isAnomaly));
 * ```
 */
export function parseScoresCsv(text: string): ScoreRow[] {
  const lines = text.trim().split("\n");
  const withSeed = lines[0] === SCORES_CSV_HEADER;
  if (!withSeed && lines[0] !== SINGLE_SEED_HEADER) {
    throw new RangeError(
      `scores.csv should start with "${SCORES_CSV_HEADER}", got "${lines[0]}".`,
    );
  }
  const columns = withSeed ? 7 : 6;
  return lines.slice(1).map((line, number) => {
    const parts = line.split(",");
    if (!withSeed) parts.splice(1, 0, "0");
    const score = Number(parts[6]);
    const split = parts[2];
    if (
      line.split(",").length !== columns || Number.isNaN(score) ||
      (split !== "test" && split !== "train")
    ) {
      throw new RangeError(`scores.csv line ${number + 2} is malformed: "${line}".`);
    }
    return {
      normalClass: Number(parts[0]),
      seed: Number(parts[1]),
      split,
      index: Number(parts[3]),
      label: Number(parts[4]),
      isAnomaly: parts[5] === "1",
      score,
    };
  });
}

/**
 * The per-class AUROC table of a report as Markdown (AUROC in percent, as papers print it), with
 * the mean as the last row; extra score kinds become extra columns.
 *
 * @example
 * ```ts
 * const report = await readAnomalyReport("runs/anomaly-table");
 * if (report) console.log(anomalyTableMarkdown(report, ["mse", "bce"]));
 * ```
 */
export function anomalyTableMarkdown(
  report: AnomalyReport,
  otherScores: readonly ScoreKind[] = [],
): string {
  const percent = (value: number) => (100 * value).toFixed(1);
  const header = [
    "class",
    `AUROC (${report.settings.score})`,
    ...otherScores.map((kind) => kind),
    "threshold",
    "precision",
    "recall",
    "F1",
  ];
  const severalSeeds = new Set(report.classes.map((line) => line.seed)).size > 1;
  const rows = report.classes.map((line) => [
    `${line.normalClass} ${line.className}${severalSeeds ? ` (seed ${line.seed})` : ""}`,
    percent(line.auroc),
    ...otherScores.map((kind) => percent(line.aurocByScore[kind])),
    line.threshold.toPrecision(3),
    line.precision.toFixed(3),
    line.recall.toFixed(3),
    line.f1.toFixed(3),
  ]);
  const mean = (pick: (line: ClassReport) => number) =>
    report.classes.reduce((sum, line) => sum + pick(line), 0) / report.classes.length;
  rows.push([
    "**mean**",
    `**${percent(report.meanAuroc)}**`,
    ...otherScores.map((kind) => percent(report.meanAurocByScore[kind])),
    "",
    mean((line) => line.precision).toFixed(3),
    mean((line) => line.recall).toFixed(3),
    mean((line) => line.f1).toFixed(3),
  ]);
  const align = header.map((_, index) => (index === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/**
 * The `report.json` that `deno task anomaly --out DIR` wrote to `DIR/anomaly/`, or undefined
 * when there is none.
 *
 * @throws {RunFolderError} When the file is not valid JSON or has no `classes` and `settings`.
 *
 * @example
 * ```ts
 * const report = await readAnomalyReport("runs/anomaly-table");
 * if (report) console.log(report.meanAuroc);
 * ```
 */
export async function readAnomalyReport(directory: string): Promise<AnomalyReport | undefined> {
  const path = join(directory, RUN_FILES.anomaly, ANOMALY_FILES.report);
  const report = await readOptionalJson(path);
  if (report === undefined) return undefined;
  if (!isJsonObject(report) || !Array.isArray(report.classes) || !isJsonObject(report.settings)) {
    throw new RunFolderError(
      `${path} holds ${describeValue(report)} without "classes" and "settings"; expected the ` +
        `report of deno task anomaly. Run it again: deno task anomaly --all --out ${directory}`,
    );
  }
  return report as unknown as AnomalyReport;
}

function classCount(count: number): string {
  return count === 10 ? "all ten classes" : `${count} class${count === 1 ? "" : "es"}`;
}

/**
 * A report in Markdown: one line on how it was made (date, score, epochs, batch, seed, backend,
 * time) over its {@link anomalyTableMarkdown} table.
 *
 * @example
 * ```ts
 * await show(markdown(anomalyReportMarkdown(report, ["bce", "mse"])));
 * ```
 */
export function anomalyReportMarkdown(
  report: AnomalyReport,
  otherScores: readonly ScoreKind[] = [],
): string {
  const { settings: made, totalSeconds, createdAt } = report;
  const seeds = made.seeds ?? [(made as { seed?: number }).seed ?? 0];
  return `Made ${createdAt.slice(0, 10)} with score \`${made.score}\`, ${made.epochs} ` +
    `epoch${made.epochs === 1 ? "" : "s"} per class, batch ${made.batchSize}, ` +
    `seed${seeds.length === 1 ? "" : "s"} ${seeds.join(", ")}, ` +
    `on the \`${made.backend}\` backend; it took ${(totalSeconds / 60).toFixed(1)} minutes for ` +
    `${classCount(new Set(report.classes.map((line) => line.normalClass)).size)}. AUROC in ` +
    `percent:\n\n` + anomalyTableMarkdown(report, otherScores);
}
