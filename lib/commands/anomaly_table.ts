/**
 * The one-class protocol over several classes and seeds, with its files: after every (seed, class)
 * it rewrites `report.json`, `scores.csv` and `roc.json` (the first seed's ROC curve of every
 * finished class, for the viewer), and for the first seed it writes each class's ROC curve, score
 * histogram and most/least anomalous images. A run folder that already holds some
 * (seed, class) results with the same settings is resumed: those are kept, not run again.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../data/atomic_write.ts";
import { classChartsPng, extremesPng } from "../presentation/figures/anomaly_figures.ts";
import { ANOMALY_FILES } from "../training/run_folder/files.ts";
import { readOptionalJson, readOptionalText } from "../training/run_folder/read_files.ts";
import { writeRocFile } from "../training/run_folder/roc_file.ts";
import type { BatchProgress } from "../training/trainer.ts";
import { AnomalyDataError, type LabelledImages } from "../uses/anomaly/one_class_data.ts";
import {
  type OneClassExperimentOptions,
  runOneClassExperiment,
} from "../uses/anomaly/one_class_experiment.ts";
import {
  type AnomalyReport,
  anomalyReport,
  type AnomalySettings,
  type ClassReport,
  classReport,
  parseScoresCsv,
  rocTitle,
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "../uses/anomaly/report.ts";
import { rocCurve, thinRocCurve } from "../uses/anomaly/roc.ts";

/**
 * Where a table run is, for progress lines.
 *
 * @example
 * ```ts
 * onProgress: (progress: AnomalyRunProgress) => console.log(progress.normalClass, progress.secondsLeft)
 * ```
 */
export interface AnomalyRunProgress {
  /** Position of the current (seed, class) among those this run trains (0-based), and their count. */
  position: number;
  total: number;
  /** (seed, class) pairs found done in the folder and skipped. */
  skipped: number;
  normalClass: number;
  seed: number;
  /** Training progress within the class (undefined between classes). */
  batch?: BatchProgress;
  /** The line just finished, on the last event of a (seed, class). */
  finished?: ClassReport;
  secondsElapsed: number;
  /** Estimated seconds left for the whole run (NaN until there is something to go by). */
  secondsLeft: number;
}

/**
 * Options of {@link runAnomalyTable}.
 *
 * @example
 * ```ts
 * const options: AnomalyRunOptions = {
 *   directory: "runs/x/anomaly", classes: [0], seeds: [0], epochs: 1,
 *   describe: { model: "cae", backend: "wasm" },
 * };
 * ```
 */
export interface AnomalyRunOptions extends Omit<OneClassExperimentOptions, "callbacks" | "seed"> {
  /** Folder to write into (created if missing), e.g. `runs/<name>/anomaly`. */
  directory: string;
  /** Classes to run, in order. */
  classes: number[];
  /** Seeds to run every class with, in order (seed-major: all classes of a seed, then the next). */
  seeds: number[];
  /** What goes into `report.json` under `settings` besides the detector options. */
  describe: { model: string; backend: string; limit?: number; method?: string };
  /** Called on every training batch and after every (seed, class). */
  onProgress?: (progress: AnomalyRunProgress) => void;
  /** Most and least anomalous images shown per class. Default 10. */
  extremes?: number;
  /** Keep results already in the folder (same settings) instead of running them again. Default true. */
  resume?: boolean;
}

/** Settings that must agree for results to be combined into one report. */
function fingerprint(settings: AnomalySettings): string {
  const { seeds: _seeds, backend: _backend, ...rest } = settings;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

const pairKey = (seed: number, normalClass: number) => `${seed}/${normalClass}`;

/** The finished lines and CSV rows of an earlier run in `directory` with the same settings. */
async function previousResults(
  directory: string,
  settings: AnomalySettings,
): Promise<{ lines: ClassReport[]; rows: Map<string, string[]> }> {
  const empty = { lines: [], rows: new Map<string, string[]>() };
  const report = await readOptionalJson(join(directory, ANOMALY_FILES.report)) as
    | AnomalyReport
    | undefined;
  const csv = await readOptionalText(join(directory, ANOMALY_FILES.scores));
  if (report === undefined || csv === undefined || !Array.isArray(report.classes)) return empty;
  const old = { ...report.settings, seeds: report.settings?.seeds ?? [] };
  if (fingerprint(old) !== fingerprint(settings)) {
    throw new AnomalyDataError(
      `${directory} already holds results made with other settings (${
        JSON.stringify({ ...report.settings, seeds: undefined })
      }). Choose another --out folder, or delete that one to start over.`,
    );
  }
  const parsed = parseScoresCsv(csv);
  const textLines = csv.trim().split("\n").slice(1);
  const rows = new Map<string, string[]>();
  parsed.forEach((row, index) => {
    const key = pairKey(row.seed, row.normalClass);
    rows.set(key, [...(rows.get(key) ?? []), textLines[index]]);
  });
  const lines = report.classes.filter((line) => {
    const count = rows.get(pairKey(line.seed, line.normalClass))?.length ?? 0;
    return count === line.normalCount + line.anomalousCount;
  });
  const kept = new Set(lines.map((line) => pairKey(line.seed, line.normalClass)));
  for (const key of [...rows.keys()]) if (!kept.has(key)) rows.delete(key);
  return { lines, rows };
}

/**
 * Runs the one-class protocol for each seed and class and writes the report files; results
 * already in the folder with the same settings are kept (unless `resume: false`).
 *
 * @throws {AnomalyDataError} When the folder holds results made with other settings.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const report = await runAnomalyTable(fashion, {
 *   directory: "runs/demo/anomaly", classes: [0, 1], seeds: [0, 1], epochs: 2, score: "mse",
 *   describe: { model: "cae", backend: "wasm" },
 * });
 * console.log(report.summary.overall);
 * ```
 */
export async function runAnomalyTable(
  data: LabelledImages & { classNames: readonly string[] },
  options: AnomalyRunOptions,
): Promise<AnomalyReport> {
  const { directory, classes, seeds, onProgress } = options;
  if (seeds.length === 0 || classes.length === 0) {
    throw new RangeError("runAnomalyTable needs at least one class and one seed.");
  }
  await Deno.mkdir(directory, { recursive: true });
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const mode = options.mode ?? "test";
  const settings: AnomalySettings = {
    ...(options.describe.method ? { method: options.describe.method } : {}),
    score: options.score ?? "mse",
    epochs: options.epochs ?? 10,
    batchSize: options.batchSize ?? 32,
    seeds: [],
    loss: options.loss ?? "bce",
    erase: options.erase ?? "none",
    thresholdRule: options.thresholdRule ?? { kind: "contamination", fraction: 0.05 },
    mode,
    ...(mode === "validation" ? { validationFraction: options.validationFraction ?? 0.2 } : {}),
    model: options.describe.model,
    backend: options.describe.backend,
    ...(options.describe.limit === undefined ? {} : { limit: options.describe.limit }),
  };
  const previous = options.resume === false
    ? { lines: [], rows: new Map<string, string[]>() }
    : await previousResults(directory, settings);
  const lines: ClassReport[] = [...previous.lines];
  const rows = previous.rows;
  const earlierSeconds = (await readOptionalJson(join(directory, ANOMALY_FILES.report)) as
    | AnomalyReport
    | undefined)?.totalSeconds ?? 0;
  const done = new Set(lines.map((line) => pairKey(line.seed, line.normalClass)));
  const pending = seeds.flatMap((seed) => classes.map((normalClass) => ({ seed, normalClass })))
    .filter(({ seed, normalClass }) => !done.has(pairKey(seed, normalClass)));
  const skipped = seeds.length * classes.length - pending.length;
  // The first seed's ROC curve of each finished class, from its scores.csv rows (so that a resumed
  // run draws the classes of earlier runs too).
  const firstSeedCurves = () =>
    classes.flatMap((normalClass) => {
      const line = lines.find((entry) =>
        entry.seed === seeds[0] && entry.normalClass === normalClass
      );
      const text = rows.get(pairKey(seeds[0], normalClass));
      if (line === undefined || text === undefined) return [];
      const parsed = parseScoresCsv([SCORES_CSV_HEADER, ...text].join("\n"));
      const points = rocCurve(parsed.map((row) => row.score), parsed.map((row) => row.isAnomaly));
      return [{
        name: `${line.className} vs the rest`,
        auc: line.auroc,
        points: thinRocCurve(points),
      }];
    });
  const write = async (complete: boolean) => {
    const seedsDone = [...new Set([...lines.map((line) => line.seed)])].sort((a, b) => a - b);
    const report = anomalyReport({ ...settings, seeds: seedsDone }, lines, {
      totalSeconds: earlierSeconds + (pending.length > 0 ? elapsed() : 0),
      complete,
    });
    const csv = [SCORES_CSV_HEADER, ...[...rows.values()].flat()];
    await writeFileAtomically(join(directory, ANOMALY_FILES.scores), csv.join("\n") + "\n");
    await writeRocFile(directory, { title: rocTitle(settings), curves: firstSeedCurves() });
    await writeFileAtomically(
      join(directory, ANOMALY_FILES.report),
      JSON.stringify(report, null, 2) + "\n",
    );
    return report;
  };
  if (pending.length === 0) return await write(true);
  let report: AnomalyReport | undefined;
  for (const [position, { seed, normalClass }] of pending.entries()) {
    const progressOf = (batch?: BatchProgress): AnomalyRunProgress => {
      const fraction = batch ? ((batch.epoch - 1) + batch.batch / batch.batches) / batch.epochs : 0;
      const share = (position + fraction) / pending.length;
      return {
        position,
        total: pending.length,
        skipped,
        normalClass,
        seed,
        batch,
        secondsElapsed: elapsed(),
        secondsLeft: share > 0 ? elapsed() / share - elapsed() : NaN,
      };
    };
    const result = await runOneClassExperiment(data, normalClass, {
      ...options,
      seed,
      callbacks: [{ onBatchEnd: (batch) => onProgress?.(progressOf(batch)) }],
    }, true);
    const detector = result.detector!;
    try {
      const className = data.classNames[normalClass] ?? `class ${normalClass}`;
      lines.push(classReport(result, className));
      rows.set(pairKey(seed, normalClass), scoresCsvLines(result));
      if (seed === seeds[0]) {
        const figure = (kind: "roc" | "histogram" | "extremes") =>
          join(directory, ANOMALY_FILES.classFigure(normalClass, kind));
        const charts = await classChartsPng(
          result.evaluated.scores,
          result.evaluated.isAnomaly,
          result.threshold,
          `${normalClass} ${className}`,
          result.auroc,
        );
        await writeFileAtomically(figure("roc"), charts.roc);
        await writeFileAtomically(figure("histogram"), charts.histogram);
        await writeFileAtomically(
          figure("extremes"),
          await extremesPng(
            detector.bundle,
            data,
            mode === "test" ? "test" : "train",
            result.evaluated,
            data.classNames,
            options.extremes ?? 10,
          ),
        );
      }
    } finally {
      detector.dispose();
    }
    const complete = position === pending.length - 1;
    report = await write(complete);
    onProgress?.({
      ...progressOf(),
      finished: lines.at(-1),
      secondsLeft: complete ? 0 : elapsed() / (position + 1) * (pending.length - position - 1),
    });
  }
  return report!;
}
