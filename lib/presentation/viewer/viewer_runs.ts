/**
 * Reading run folders for the viewer: `metrics.jsonl` and `config.json` that `deno task train`
 * writes, and the optional `latents.json` and `anomaly/roc.json` that later steps may add. Every
 * problem becomes a {@link RunFolderError} that names the file, the line or field, and what to do.
 *
 * `metrics.jsonl` is read as `readMetrics` of `lib/commands/train_run.ts` reads it, but checked line by
 * line, and without importing that module (it loads TensorFlow.js and sharp, which the viewer does
 * not need).
 *
 * @module
 */
import { basename, join } from "node:path";
import type { RunConfig } from "../../commands/train_run.ts";
import type { EpochMetrics } from "../../training/trainer.ts";
import type { RunHistory } from "./epoch_charts.ts";
import {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  parseJsonText,
  RunFolderError,
} from "../../training/run_folder/json_checks.ts";
import { type LatentsFile, parseLatentsJson } from "./latent_scatter_chart.ts";
import { parseRocJson, type RocFile } from "./roc_chart.ts";

/**
 * Files the viewer reads in a run folder; `latents` and `roc` are optional.
 *
 * @example
 * ```ts
 * console.log(VIEWER_FILES.roc); // "anomaly/roc.json"
 * ```
 */
export const VIEWER_FILES = Object.freeze({
  /** The same names as `RUN_FILES` of `lib/commands/train_run.ts`. */
  metrics: "metrics.jsonl",
  config: "config.json",
  latents: "latents.json",
  roc: "anomaly/roc.json",
});

/**
 * A run as the viewer shows it.
 *
 * @example
 * ```ts
 * const run: ViewerRun = await readViewerRun("runs/cae-latent2");
 * console.log(run.name, run.history.length, run.latents?.points.length);
 * ```
 */
export interface ViewerRun extends RunHistory {
  /** The folder as given. */
  directory: string;
  /** `config.json`, when the folder has one. */
  config?: Partial<RunConfig>;
  /** `latents.json`, when the folder has one. */
  latents?: LatentsFile;
  /** `anomaly/roc.json`, when the folder has one. */
  roc?: RocFile;
}

async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new RunFolderError(`Cannot read ${path}: ${(error as Error).message}.`);
  }
}

async function checkFolder(directory: string): Promise<void> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(directory);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new RunFolderError(
        `${directory} does not exist. Give the folder of a run that \`deno task train\` wrote ` +
          `(e.g. runs/cae-latent20); \`ls runs\` lists them.`,
      );
    }
    throw new RunFolderError(`Cannot open ${directory}: ${(error as Error).message}.`);
  }
  if (!info.isDirectory) {
    throw new RunFolderError(
      `${directory} is a file, not a run folder. Give the folder that holds ${VIEWER_FILES.metrics}.`,
    );
  }
}

function checkTerms(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    throw new RunFolderError(`${where} is ${describeValue(value)}; expected { "loss": ... }.`);
  }
  for (const [term, number] of Object.entries(value)) {
    if (number !== null) expectFiniteNumber(number, `${where}.${term}`);
  }
}

function checkEpoch(metrics: unknown, where: string): EpochMetrics {
  if (!isJsonObject(metrics)) {
    throw new RunFolderError(`${where} is ${describeValue(metrics)}; expected an object.`);
  }
  expectInteger(metrics.epoch, `${where}, field epoch`, 1);
  // A NaN loss (no test data) is written as null.
  for (const field of ["trainLoss", "testLoss", "imagesPerSecond"]) {
    if (metrics[field] !== null) expectFiniteNumber(metrics[field], `${where}, field ${field}`);
  }
  checkTerms(metrics.train, `${where}, field train`);
  checkTerms(metrics.test, `${where}, field test`);
  return metrics as unknown as EpochMetrics;
}

/** The epochs of `metrics.jsonl`, or undefined when the folder has none. */
async function readHistory(directory: string): Promise<EpochMetrics[] | undefined> {
  const path = join(directory, VIEWER_FILES.metrics);
  const text = await readOptionalText(path);
  if (text === undefined) return undefined;
  const history: EpochMetrics[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let metrics: unknown;
    try {
      metrics = JSON.parse(line);
    } catch (error) {
      throw new RunFolderError(
        `${path}, line ${index + 1} is not valid JSON (${(error as Error).message}): ` +
          `${describeValue(line)}. Each line must be one epoch's JSON object; a run killed ` +
          `while writing can leave a cut line: delete it.`,
      );
    }
    history.push(checkEpoch(metrics, `${path}, line ${index + 1}`));
  }
  return history;
}

async function readConfig(directory: string): Promise<Partial<RunConfig> | undefined> {
  const path = join(directory, VIEWER_FILES.config);
  const text = await readOptionalText(path);
  if (text === undefined) return undefined;
  const config = parseJsonText(text, path);
  if (!isJsonObject(config)) {
    throw new RunFolderError(`${path} holds ${describeValue(config)}; expected an object.`);
  }
  return config as Partial<RunConfig>;
}

async function readOptionalJson<T>(
  directory: string,
  file: string,
  parse: (value: unknown, path: string) => T,
): Promise<T | undefined> {
  const path = join(directory, file);
  const text = await readOptionalText(path);
  return text === undefined ? undefined : parse(parseJsonText(text, path), path);
}

/**
 * Reads one run folder: metrics, config, latents and ROC curves, each when present; a folder
 * needs at least one epoch in `metrics.jsonl`, or `latents.json`, or `anomaly/roc.json`. The
 * run's name is the folder's base name unless `name` is given.
 *
 * @throws {RunFolderError} When the folder is missing, holds none of those, or a file is malformed.
 *
 * @example
 * ```ts
 * const run = await readViewerRun("runs/vae-latent2");
 * console.log(run.name, run.config?.model, run.history.at(-1)?.testLoss);
 * ```
 */
export async function readViewerRun(directory: string, name?: string): Promise<ViewerRun> {
  await checkFolder(directory);
  const history = await readHistory(directory);
  const run: ViewerRun = {
    name: name ?? (basename(directory.replace(/[\\/]+$/, "")) || directory),
    directory,
    history: history ?? [],
  };
  const config = await readConfig(directory);
  if (config) run.config = config;
  const latents = await readOptionalJson(directory, VIEWER_FILES.latents, parseLatentsJson);
  if (latents) run.latents = latents;
  const roc = await readOptionalJson(directory, VIEWER_FILES.roc, parseRocJson);
  if (roc) run.roc = roc;
  if (run.history.length === 0 && !latents && !roc) {
    throw new RunFolderError(
      history
        ? `${join(directory, VIEWER_FILES.metrics)} is empty: the run has not completed an ` +
          `epoch yet. Wait for the first epoch to finish.`
        : `${directory} has no ${VIEWER_FILES.metrics}, ${VIEWER_FILES.latents} or ` +
          `${VIEWER_FILES.roc}, so it is not a run folder. Give a folder that ` +
          `\`deno task train --out DIR\` wrote.`,
    );
  }
  return run;
}

/**
 * Reads several run folders; runs are named by the base names of their folders, or by the
 * folders as given where two base names are the same.
 *
 * @throws {RunFolderError} For the first folder that cannot be read.
 *
 * @example
 * ```ts
 * const runs = await readViewerRuns(["runs/cae-latent2", "runs/vae-latent2"]);
 * ```
 */
export async function readViewerRuns(directories: readonly string[]): Promise<ViewerRun[]> {
  const baseNames = directories.map((directory) => basename(directory.replace(/[\\/]+$/, "")));
  const runs: ViewerRun[] = [];
  for (const [position, directory] of directories.entries()) {
    const unique = baseNames.filter((name) => name === baseNames[position]).length === 1;
    runs.push(
      await readViewerRun(directory, unique && baseNames[position] ? undefined : directory),
    );
  }
  return runs;
}

/**
 * One line about a run for the terminal: model, epochs, last losses and the optional files found.
 *
 * @example
 * ```ts
 * describeViewerRun(run); // "cae-latent2: cae, latent 2, 4 epochs, test loss 296.09; latents.json (500 points)"
 * ```
 */
export function describeViewerRun(run: ViewerRun): string {
  const last = run.history.at(-1);
  const parts = [
    run.config?.model,
    run.config?.latentDim === undefined ? undefined : `latent ${run.config.latentDim}`,
    `${run.history.length} epoch${run.history.length === 1 ? "" : "s"}`,
    last && Number.isFinite(last.testLoss) ? `test loss ${last.testLoss.toFixed(2)}` : undefined,
  ].filter((part) => part !== undefined);
  const extras = [
    run.latents ? `${VIEWER_FILES.latents} (${run.latents.points.length} points)` : undefined,
    run.roc ? `${VIEWER_FILES.roc} (${run.roc.curves.length} curves)` : undefined,
  ].filter((part) => part !== undefined);
  return `${run.name}: ${parts.join(", ")}${extras.length ? `; ${extras.join(", ")}` : ""}`;
}
