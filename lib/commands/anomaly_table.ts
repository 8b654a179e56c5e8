/**
 * The one-class protocol over several classes, with its files: after every class it rewrites
 * `report.json`, `scores.csv` and `roc.json` (every finished class's ROC curve, for the viewer) and
 * writes that class's ROC curve, score histogram and most/least
 * anomalous images, so an interrupted run still leaves every finished class on disk.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../data/atomic_write.ts";
import { classChartsPng, extremesPng } from "../presentation/figures/anomaly_figures.ts";
import { ANOMALY_FILES } from "../training/run_folder/files.ts";
import { writeRocFile } from "../training/run_folder/roc_file.ts";
import type { BatchProgress } from "../training/trainer.ts";
import type { LabelledImages } from "../uses/anomaly/one_class_data.ts";
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
  classRocCurve,
  rocTitle,
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "../uses/anomaly/report.ts";

/**
 * Where a table run is, for progress lines.
 *
 * @example
 * ```ts
 * onProgress: (progress: AnomalyRunProgress) => console.log(progress.normalClass, progress.secondsLeft)
 * ```
 */
export interface AnomalyRunProgress {
  /** Position of the current class in the run (0-based) and how many classes there are. */
  classPosition: number;
  classTotal: number;
  normalClass: number;
  /** Training progress within the class (undefined between classes). */
  batch?: BatchProgress;
  /** The class just finished, on the last event of a class. */
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
 *   directory: "runs/x/anomaly", classes: [0], epochs: 1, describe: { model: "cae", backend: "wasm" },
 * };
 * ```
 */
export interface AnomalyRunOptions extends Omit<OneClassExperimentOptions, "callbacks"> {
  /** Folder to write into (created if missing), e.g. `runs/<name>/anomaly`. */
  directory: string;
  /** Classes to run, in order. */
  classes: number[];
  /** What goes into `report.json` under `settings` besides the detector options. */
  describe: { model: string; backend: string; limit?: number };
  /** Called on every training batch and after every class. */
  onProgress?: (progress: AnomalyRunProgress) => void;
  /** Most and least anomalous images shown per class. Default 10. */
  extremes?: number;
}

/**
 * Runs the one-class protocol for each class in `options.classes` and writes the report files.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const report = await runAnomalyTable(fashion, {
 *   directory: "runs/demo/anomaly", classes: [0, 1], epochs: 2, score: "mse",
 *   describe: { model: "cae", backend: "wasm" },
 * });
 * console.log(report.meanAuroc);
 * ```
 */
export async function runAnomalyTable(
  data: LabelledImages & { classNames: readonly string[] },
  options: AnomalyRunOptions,
): Promise<AnomalyReport> {
  const { directory, classes, onProgress } = options;
  await Deno.mkdir(directory, { recursive: true });
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const lines: ClassReport[] = [];
  const csv: string[] = [SCORES_CSV_HEADER];
  const rocCurves: ReturnType<typeof classRocCurve>[] = [];
  const mode = options.mode ?? "test";
  const settings: AnomalySettings = {
    score: options.score ?? "mse",
    epochs: options.epochs ?? 10,
    batchSize: options.batchSize ?? 32,
    seed: options.seed ?? 0,
    thresholdRule: options.thresholdRule ?? { kind: "contamination", fraction: 0.05 },
    mode,
    ...(mode === "validation" ? { validationFraction: options.validationFraction ?? 0.2 } : {}),
    ...options.describe,
  };
  let report = anomalyReport(settings, lines, { totalSeconds: 0, complete: false });
  for (const [position, normalClass] of classes.entries()) {
    const progressOf = (batch?: BatchProgress): AnomalyRunProgress => {
      const classFraction = batch
        ? ((batch.epoch - 1) + batch.batch / batch.batches) / batch.epochs
        : 0;
      const done = (position + classFraction) / classes.length;
      return {
        classPosition: position,
        classTotal: classes.length,
        normalClass,
        batch,
        secondsElapsed: elapsed(),
        secondsLeft: done > 0 ? elapsed() / done - elapsed() : NaN,
      };
    };
    const result = await runOneClassExperiment(data, normalClass, {
      ...options,
      callbacks: [{ onBatchEnd: (batch) => onProgress?.(progressOf(batch)) }],
    }, true);
    const detector = result.detector!;
    try {
      const className = data.classNames[normalClass] ?? `class ${normalClass}`;
      const line = classReport(result, className);
      lines.push(line);
      csv.push(...scoresCsvLines(result));
      rocCurves.push(classRocCurve(result, className));
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
      const split = mode === "test" ? "test" : "train";
      await writeFileAtomically(
        figure("extremes"),
        await extremesPng(
          detector.bundle,
          data,
          split,
          result.evaluated,
          data.classNames,
          options.extremes ?? 10,
        ),
      );
    } finally {
      detector.dispose();
    }
    const complete = position === classes.length - 1;
    report = anomalyReport(settings, lines, { totalSeconds: elapsed(), complete });
    await writeFileAtomically(join(directory, ANOMALY_FILES.scores), csv.join("\n") + "\n");
    await writeRocFile(directory, { title: rocTitle(settings), curves: rocCurves });
    await writeFileAtomically(
      join(directory, ANOMALY_FILES.report),
      JSON.stringify(report, null, 2) + "\n",
    );
    onProgress?.({
      ...progressOf(),
      finished: lines.at(-1),
      secondsLeft: complete ? 0 : elapsed() / (position + 1) * (classes.length - position - 1),
    });
  }
  return report;
}
