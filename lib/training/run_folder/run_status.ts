/**
 * How far a run folder got: its settings, the epochs it completed (from `checkpoint.json`) of those
 * planned (from `config.json`), and whether it is finished.
 *
 * @module
 */
import { join } from "node:path";
import type { RunConfig } from "../run_config.ts";
import { readRunConfig } from "./config_file.ts";
import { RUN_FILES } from "./files.ts";
import { RunFolderError } from "./json_checks.ts";
import { readCompletedEpochs } from "./manifest.ts";

/**
 * What {@link readRunStatus} returns.
 *
 * @example
 * ```ts
 * const status: RunStatus = {
 *   directory: "runs/vae", config: { model: "vae" }, completedEpochs: 2, plannedEpochs: 3, finished: false,
 * };
 * ```
 */
export interface RunStatus {
  directory: string;
  /** The saved settings (`config.json`). */
  config: Partial<RunConfig>;
  completedEpochs: number;
  plannedEpochs: number;
  finished: boolean;
}

/**
 * Reads how many epochs a run folder completed and how many it was started for. A folder with no
 * checkpoint yet (training still in its first epoch) has completed 0.
 *
 * @throws {RunFolderError} When the folder has no `config.json` (it is not a run folder) or it is
 *   malformed.
 *
 * @example
 * ```ts
 * const { finished } = await readRunStatus("runs/results-vae-latent2");
 * ```
 */
export async function readRunStatus(directory: string): Promise<RunStatus> {
  const config = await readRunConfig(directory);
  if (config === undefined) {
    throw new RunFolderError(
      `${directory} is not a run folder: it has no ${RUN_FILES.config} ` +
        `(looked for ${join(directory, RUN_FILES.config)}). Create runs with deno task train ` +
        `(e.g. bash scripts/train_results.sh).`,
    );
  }
  const completedEpochs = await readCompletedEpochs(directory);
  const plannedEpochs = typeof config.epochs === "number" ? config.epochs : NaN;
  return {
    directory,
    config,
    completedEpochs,
    plannedEpochs,
    finished: completedEpochs > 0 && completedEpochs >= plannedEpochs,
  };
}
