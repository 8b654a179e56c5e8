/**
 * The one-class protocol over several classes, with its files: after every class it rewrites
 * `report.json` and `scores.csv` and writes that class's ROC curve, score histogram and most/least
 * anomalous images, so an interrupted run still leaves every finished class on disk.
 *
 * @module
 */
import { join } from "node:path";
import type { BatchProgress } from "../training/trainer.ts";
import { reconstructImages } from "../uses/anomaly/reconstruction_scores.ts";
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
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "../uses/anomaly/report.ts";
import {
  classChartsPng,
  extremeIndices,
  extremesGridPng,
} from "../presentation/figures/anomaly_figures.ts";

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

async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp`;
  if (typeof content === "string") await Deno.writeTextFile(temporary, content);
  else await Deno.writeFile(temporary, content);
  await Deno.rename(temporary, path);
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
      const prefix = join(directory, `class-${normalClass}`);
      const charts = await classChartsPng(
        result.evaluated.scores,
        result.evaluated.isAnomaly,
        result.threshold,
        `${normalClass} ${className}`,
        result.auroc,
      );
      await writeAtomically(`${prefix}-roc.png`, charts.roc);
      await writeAtomically(`${prefix}-histogram.png`, charts.histogram);
      const { most, least } = extremeIndices(result.evaluated.scores, options.extremes ?? 10);
      const split = mode === "test" ? "test" : "train";
      const scored = (positions: number[]) => {
        const pixels = data.pixelsAsFloat(split, positions.map((p) => result.evaluated.indices[p]));
        const rebuilt = reconstructImages(detector.bundle, pixels);
        return positions.map((p, row) => ({
          pixels: pixels.subarray(row * 784, (row + 1) * 784),
          reconstruction: rebuilt.subarray(row * 784, (row + 1) * 784),
          score: result.evaluated.scores[p],
          label: data.classNames[result.evaluated.labels[p]] ?? String(result.evaluated.labels[p]),
        }));
      };
      await writeAtomically(
        `${prefix}-extremes.png`,
        await extremesGridPng(scored(most), scored(least)),
      );
    } finally {
      detector.dispose();
    }
    const complete = position === classes.length - 1;
    report = anomalyReport(settings, lines, { totalSeconds: elapsed(), complete });
    await writeAtomically(join(directory, "scores.csv"), csv.join("\n") + "\n");
    await writeAtomically(join(directory, "report.json"), JSON.stringify(report, null, 2) + "\n");
    onProgress?.({
      ...progressOf(),
      finished: lines.at(-1),
      secondsLeft: complete ? 0 : elapsed() / (position + 1) * (classes.length - position - 1),
    });
  }
  return report;
}
