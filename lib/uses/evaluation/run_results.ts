/**
 * The numbers of trained run folders, for the README and the notebooks: each finished run is
 * loaded and evaluated on the test set (BCE for a plain autoencoder, −ELBO with rc and KL for a
 * VAE), and the results are laid out as a Markdown table beside the BCE floor and the CAE's loss
 * at the same latent size.
 *
 * @module
 */
import { basename } from "node:path";
import { disposeAutoencoder, splitAutoencoder } from "../../models/autoencoder_bundle.ts";
import type { ModelKind } from "../../models/kinds.ts";
import { loadModel } from "../../training/run_folder/checkpoint.ts";
import { RunFolderError } from "../../training/run_folder/json_checks.ts";
import { readMetrics } from "../../training/run_folder/metrics_file.ts";
import { readRunStatus } from "../../training/run_folder/run_status.ts";
import type { TrainingData } from "../../training/trainer.ts";
import { evaluateTestLoss, type TestLoss } from "./test_loss.ts";

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
 * @throws {RunFolderError} When the folder is not a finished run.
 * @throws {CheckpointError} When its checkpoint does not load.
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
    throw new RunFolderError(
      `${directory} is not finished: ${status.completedEpochs} of ${status.plannedEpochs} ` +
        `epochs completed. Wait for its training, or resume it with ` +
        `deno task train --resume ${directory}.`,
    );
  }
  const { config } = status;
  const last = (await readMetrics(directory)).at(-1);
  const bundle = splitAutoencoder(await loadModel(directory), config.model);
  try {
    const test = evaluateTestLoss(bundle, data, { split: "test", ...options });
    return {
      name: basename(directory),
      directory,
      model: config.model as ModelKind,
      latentDim: config.latentDim as number,
      beta: config.model === "vae" ? (config.beta as number | undefined) ?? 1 : 1,
      epochs: status.completedEpochs,
      recordedTestLoss: typeof last?.testLoss === "number" ? last.testLoss : NaN,
      test,
    };
  } finally {
    disposeAutoencoder(bundle);
  }
}
