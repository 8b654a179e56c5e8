/**
 * The runs the viewer shows: each folder read with the run-folder module
 * (`lib/training/run_folder/`: `metrics.jsonl`, `config.json`, and the optional `latents.json` and
 * `anomaly/roc.json`), named, and described in one line for the terminal. Every problem becomes a
 * {@link RunFolderError} that names the file, the line or field, and what to do. Only the
 * run-folder files that need no TensorFlow.js are imported.
 *
 * @module
 */
import { basename, join } from "node:path";
import type { RunConfig } from "../../training/run_config.ts";
import { readRunConfig } from "../../training/run_folder/config_file.ts";
import { RUN_FILES } from "../../training/run_folder/files.ts";
import { RunFolderError } from "../../training/run_folder/json_checks.ts";
import { type LatentsFile, readLatentsFile } from "../../training/run_folder/latents_file.ts";
import { readMetricsFile } from "../../training/run_folder/metrics_file.ts";
import { readRocFile, type RocFile } from "../../training/run_folder/roc_file.ts";
import type { RunHistory } from "./epoch_charts.ts";

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
      `${directory} is a file, not a run folder. Give the folder that holds ${RUN_FILES.metrics}.`,
    );
  }
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
  const history = await readMetricsFile(directory);
  const run: ViewerRun = {
    name: name ?? (basename(directory.replace(/[\\/]+$/, "")) || directory),
    directory,
    history: history ?? [],
  };
  const config = await readRunConfig(directory);
  if (config) run.config = config;
  const latents = await readLatentsFile(directory);
  if (latents) run.latents = latents;
  const roc = await readRocFile(directory);
  if (roc) run.roc = roc;
  if (run.history.length === 0 && !latents && !roc) {
    throw new RunFolderError(
      history
        ? `${join(directory, RUN_FILES.metrics)} is empty: the run has not completed an ` +
          `epoch yet. Wait for the first epoch to finish.`
        : `${directory} has no ${RUN_FILES.metrics}, ${RUN_FILES.latents} or ` +
          `${RUN_FILES.roc}, so it is not a run folder. Give a folder that ` +
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
    run.latents ? `${RUN_FILES.latents} (${run.latents.points.length} points)` : undefined,
    run.roc ? `${RUN_FILES.roc} (${run.roc.curves.length} curves)` : undefined,
  ].filter((part) => part !== undefined);
  return `${run.name}: ${parts.join(", ")}${extras.length ? `; ${extras.join(", ")}` : ""}`;
}
