/**
 * Reuse a trained run folder when it holds what is asked for, else train it: notebooks in full
 * mode pick up the runs made by `bash scripts/train_results.sh` instead of training again, and
 * train (or finish training) only what is missing.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { DEFAULT_RUN_CONFIG, type RunConfig } from "../training/run_config.ts";
import { loadModel } from "../training/run_folder/checkpoint.ts";
import { readRunConfig } from "../training/run_folder/config_file.ts";
import { readCompletedEpochs } from "../training/run_folder/manifest.ts";
import { readMetrics } from "../training/run_folder/metrics_file.ts";
import type { EpochMetrics, TrainingCallbacks } from "../training/trainer.ts";
import { markdown } from "../presentation/notebook/display_item.ts";
import { show } from "../presentation/notebook/display.ts";
import { liveTrainingDisplay } from "../presentation/notebook/live_training.ts";
import { RunError, trainRun } from "./train_run.ts";

/**
 * Options of {@link loadOrTrainRun}.
 *
 * @example
 * ```ts
 * const options: LoadOrTrainOptions = {
 *   directory: "../runs/results-vae-latent2",
 *   config: { model: "vae", latentDim: 2, epochs: 3 },
 * };
 * ```
 */
export interface LoadOrTrainOptions {
  /** The run folder to reuse or to train into. */
  directory: string;
  /**
   * False: leave `directory` alone and train from scratch into a new temporary folder (quick
   * mode, so that trial runs never touch `runs/`). Default true.
   */
  reuse?: boolean;
  /** Settings of the run; missing ones take the defaults of `trainRun`. */
  config: Partial<RunConfig>;
  /** Trainer callbacks, e.g. `liveTrainingDisplay()`; called only when training happens. */
  callbacks?: TrainingCallbacks[];
  /** Where messages go. Default: standard output. */
  log?: (line: string) => void;
  /** Fashion-MNIST folder (else the usual search). */
  dataDirectory?: string;
}

/**
 * What {@link loadOrTrainRun} returns.
 *
 * @example
 * ```ts
 * const { model, history, trained } = await loadOrTrainRun(options);
 * ```
 */
export interface LoadOrTrainResult {
  /** The flat autoencoder (split it with `splitAutoencoder`). */
  model: tf.LayersModel;
  /** Metrics of every completed epoch. */
  history: EpochMetrics[];
  config: RunConfig;
  /** False when a finished run was loaded as it was. */
  trained: boolean;
}

const MATCHED_KEYS = ["model", "beta", "latentDim", "batchSize", "learningRate", "seed", "limit"];

/**
 * Loads the run in `directory` if it completed at least `config.epochs` epochs with the same
 * settings; resumes it if it stopped earlier; trains it from scratch if the folder is empty or
 * absent (or, with `reuse: false`, in a new temporary folder).
 *
 * @throws {RunError} When the folder holds a run with other settings (say which, and what to do).
 *
 * @example
 * ```ts
 * const { model, history } = await loadOrTrainRun({
 *   directory: "../runs/results-vae-latent2",
 *   config: { model: "vae", latentDim: 2, epochs: 3 },
 *   callbacks: [liveTrainingDisplay({ title: "VAE" })],
 * });
 * ```
 */
export async function loadOrTrainRun(options: LoadOrTrainOptions): Promise<LoadOrTrainResult> {
  const wanted: RunConfig = { ...DEFAULT_RUN_CONFIG, ...options.config };
  const directory = options.reuse === false
    ? await Deno.makeTempDir({ prefix: "fmnist-run-" })
    : options.directory;
  const saved = await readRunConfig(directory);
  const done = saved === undefined ? 0 : await readCompletedEpochs(directory);
  if (saved !== undefined) {
    const savedWithDefaults: RunConfig = { ...DEFAULT_RUN_CONFIG, ...saved };
    const different = MATCHED_KEYS.filter((key) =>
      savedWithDefaults[key as keyof RunConfig] !== wanted[key as keyof RunConfig]
    );
    if (different.length > 0) {
      throw new RunError(
        `${directory} holds a run with other settings (` +
          different.map((key) =>
            `${key} ${savedWithDefaults[key as keyof RunConfig]} instead of ` +
            `${wanted[key as keyof RunConfig]}`
          ).join(", ") +
          `). Pick another folder, or delete this one to train it again.`,
      );
    }
    if (done >= wanted.epochs) {
      (options.log ?? console.log)(
        `Loaded ${directory} (${done} epochs trained, nothing to train).`,
      );
      return {
        model: await loadModel(directory),
        history: (await readMetrics(directory)).filter((m) => m.epoch <= done),
        config: { ...savedWithDefaults, epochs: done },
        trained: false,
      };
    }
  }
  const result = await trainRun({
    directory,
    // On resume the saved settings hold (checked above); only the epochs may change.
    config: done > 0 ? { epochs: wanted.epochs } : options.config,
    resume: done > 0,
    dataDirectory: options.dataDirectory,
    log: options.log ?? ((line) => console.log(line)),
    callbacks: options.callbacks,
    progress: false,
  });
  return { ...result, trained: true };
}

function formatDuration(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
}

const MODEL_TITLES: Record<string, string> = { cae: "CAE", dense: "dense AE", vae: "VAE" };

/**
 * One Markdown line about a run from {@link loadOrTrainRun}: what it is, whether it was trained
 * here or loaded, and its last epoch's losses (with rc and KL for a VAE).
 *
 * @example
 * ```ts
 * await show(markdown(describeRun(run)));
 * // **VAE, latent 2** (β = 1): loaded, 3 epochs on all training images (training took 2.9 min);
 * // test loss 262.31 (rc 255.40, kl 6.91)
 * ```
 */
export function describeRun(run: LoadOrTrainResult): string {
  const { config, history } = run;
  const title = `**${MODEL_TITLES[config.model] ?? config.model}, latent ${config.latentDim}**` +
    (config.model === "vae" ? ` (β = ${config.beta})` : "");
  const last = history.at(-1);
  const images = config.limit === null ? "all training images" : `${config.limit} images`;
  const seconds = history.reduce((sum, epoch) => sum + epoch.seconds, 0);
  const origin = `${run.trained ? "trained here" : "loaded"}, ${history.length} epoch` +
    `${history.length === 1 ? "" : "s"} on ${images}` +
    (history.length > 0 ? ` (training took ${formatDuration(seconds)})` : "");
  if (last === undefined) return `${title}: ${origin}.`;
  const terms = Object.entries(last.test).filter(([name]) => name !== "loss")
    .map(([name, value]) => `${name} ${value.toFixed(2)}`);
  return `${title}: ${origin}; test loss ${last.testLoss.toFixed(2)}` +
    (terms.length > 0 ? ` (${terms.join(", ")})` : "");
}

/**
 * What a notebook does for each run it needs: {@link loadOrTrainRun} with a live training display
 * titled `title` (shown only when it trains), then the {@link describeRun} line shown below it.
 *
 * @example
 * ```ts
 * const cae2Run = await showLoadOrTrainRun({
 *   title: "CAE, latent 2",
 *   directory: "../runs/results-cae-latent2",
 *   reuse: !settings.quick,
 *   config: { epochs: settings.epochs, limit: settings.limit ?? null, model: "cae", latentDim: 2 },
 * });
 * ```
 */
export async function showLoadOrTrainRun(
  options: Omit<LoadOrTrainOptions, "callbacks"> & { title: string },
): Promise<LoadOrTrainResult> {
  const { title, ...rest } = options;
  const run = await loadOrTrainRun({ ...rest, callbacks: [liveTrainingDisplay({ title })] });
  await show(markdown(describeRun(run)));
  return run;
}
