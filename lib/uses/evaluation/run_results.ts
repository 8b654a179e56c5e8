/**
 * The numbers of trained run folders, for the README and the notebooks: each finished run is
 * loaded and evaluated on the test set (BCE for a plain autoencoder, −ELBO with rc and KL for a
 * VAE), and the results are laid out as a Markdown table beside the BCE floor and the CAE's loss
 * at the same latent size.
 *
 * @module
 */
import { basename, join } from "node:path";
import type { ModelKind } from "../../models/kinds.ts";
import { CHECKPOINT_FILES, loadModel } from "../../training/run_folder/checkpoint.ts";
import { disposeAutoencoder, splitAutoencoder } from "../../models/conv_autoencoder.ts";
import { RUN_FILES } from "../../commands/train_run.ts";
import type { TrainingData } from "../../training/trainer.ts";
import { evaluateTestLoss, type TestLoss } from "./test_loss.ts";

/**
 * How far a run folder got: the epochs it completed (from `checkpoint.json`) of those planned
 * (from `config.json`).
 *
 * @example
 * ```ts
 * const status: RunStatus = { directory: "runs/vae", completedEpochs: 2, plannedEpochs: 3, finished: false };
 * ```
 */
export interface RunStatus {
  directory: string;
  completedEpochs: number;
  plannedEpochs: number;
  finished: boolean;
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new Error(
      `Cannot read ${path}: ${(error as Error).message}. Is the run folder intact? ` +
        `Retrain it or resume it with deno task train --resume.`,
    );
  }
}

/**
 * Reads how many epochs a run folder completed and how many it was started for. A folder with no
 * checkpoint yet (training still in its first epoch) has completed 0.
 *
 * @throws {Error} When the folder has no `config.json` (it is not a run folder).
 *
 * @example
 * ```ts
 * const { finished } = await readRunStatus("runs/results-vae-latent2");
 * ```
 */
export async function readRunStatus(directory: string): Promise<RunStatus> {
  const config = await readJson(join(directory, RUN_FILES.config));
  if (config === undefined) {
    throw new Error(
      `${directory} is not a run folder: it has no ${RUN_FILES.config}. ` +
        `Create runs with deno task train (e.g. bash scripts/train_results.sh).`,
    );
  }
  const checkpoint = await readJson(join(directory, CHECKPOINT_FILES.manifest));
  const completedEpochs = typeof checkpoint?.epoch === "number" ? checkpoint.epoch : 0;
  const plannedEpochs = typeof config.epochs === "number" ? config.epochs : NaN;
  return {
    directory,
    completedEpochs,
    plannedEpochs,
    finished: completedEpochs > 0 && completedEpochs >= plannedEpochs,
  };
}

/**
 * The evaluated numbers of one run folder.
 *
 * @example
 * ```ts
 * const result: RunResult = await evaluateRunFolder("runs/results-cae-latent20", fashion);
 * ```
 */
export interface RunResult {
  /** Folder name, e.g. "results-vae-latent20". */
  name: string;
  directory: string;
  model: ModelKind;
  latentDim: number;
  /** β of the KL term the run was trained with (1 for plain autoencoders). */
  beta: number;
  /** Epochs completed. */
  epochs: number;
  /** The test loss recorded by training after the last epoch (one draw of z for a VAE). */
  recordedTestLoss: number;
  /** This evaluation (see {@link evaluateTestLoss}). */
  test: TestLoss;
}

/**
 * Loads a run folder's model and evaluates it on `data`'s test split (`samples` draws of z for a
 * VAE). Frees the model afterwards.
 *
 * @throws {Error} When the folder is not a finished run or its checkpoint does not load.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const result = await evaluateRunFolder("runs/results-vae-latent20", fashion, { samples: 5 });
 * console.log(result.test.loss, result.test.rc, result.test.kl);
 * ```
 */
export async function evaluateRunFolder(
  directory: string,
  data: TrainingData,
  options: { samples?: number; batchSize?: number } = {},
): Promise<RunResult> {
  const status = await readRunStatus(directory);
  if (!status.finished) {
    throw new Error(
      `${directory} is not finished: ${status.completedEpochs} of ${status.plannedEpochs} ` +
        `epochs completed. Wait for its training, or resume it with ` +
        `deno task train --resume ${directory}.`,
    );
  }
  const config = (await readJson(join(directory, RUN_FILES.config)))!;
  const metrics = (await Deno.readTextFile(join(directory, RUN_FILES.metrics))).trim().split("\n");
  const last = JSON.parse(metrics.at(-1) ?? "{}");
  const bundle = splitAutoencoder(await loadModel(directory));
  try {
    const test = evaluateTestLoss(bundle, data, { split: "test", ...options });
    return {
      name: basename(directory),
      directory,
      model: config.model as ModelKind,
      latentDim: config.latentDim as number,
      beta: config.model === "vae" ? (config.beta as number | undefined) ?? 1 : 1,
      epochs: status.completedEpochs,
      recordedTestLoss: typeof last.testLoss === "number" ? last.testLoss : NaN,
      test,
    };
  } finally {
    disposeAutoencoder(bundle);
  }
}
