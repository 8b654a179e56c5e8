/**
 * One training run end to end, as `deno task train` does it: backend, data, model (new or resumed),
 * training with progress, and after every epoch a checkpoint, a `metrics.jsonl` line and
 * `reconstructions.png` in the run folder.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import { initBackend } from "../backend/setup.ts";
import { loadFashionMnist } from "../data/fashion_mnist.ts";
import { buildModel } from "../models/build_model.ts";
import type { ModelKind } from "../models/kinds.ts";
import { predict, splitAutoencoder } from "../models/conv_autoencoder.ts";
import { type LossSpec, perImageLossFor } from "../training/loss_spec.ts";
import { imageGridPng } from "../presentation/figures/image_grid.ts";
import { loadCheckpoint, saveCheckpoint } from "../training/run_folder/checkpoint.ts";
import { createLocalEngine, imagesToTensor, type TrainingEngine } from "../training/engine.ts";
import { createProgressReporter } from "../training/progress.ts";
import { type EpochMetrics, fit, type TrainingCallbacks } from "../training/trainer.ts";

/** Settings of a run; saved as `config.json`. */
export interface RunConfig {
  /** Which autoencoder: the article's CAE, a dense AE or the convolutional VAE. */
  model: ModelKind;
  /** Weight of the KL term (VAE only; 1 gives the −ELBO). */
  beta: number;
  latentDim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Images per split, or null for the full data. */
  limit: number | null;
  backend: "wasm" | "cpu";
}

/** The article's settings: CAE, latent 20, 3 epochs, batch 32, Adam(1e-3), full data. */
export const DEFAULT_RUN_CONFIG: RunConfig = Object.freeze({
  model: "cae",
  beta: 1,
  latentDim: 20,
  epochs: 3,
  batchSize: 32,
  learningRate: 1e-3,
  seed: 0,
  limit: null,
  backend: "wasm",
}) as RunConfig;

/** Options of {@link trainRun}. */
export interface TrainRunOptions {
  /** Run folder to create (or to continue with `resume`). */
  directory: string;
  /** Settings; missing ones take {@link DEFAULT_RUN_CONFIG}. When resuming, only `epochs` may change. */
  config?: Partial<RunConfig>;
  /** Continue the run in `directory` from its last completed epoch. */
  resume?: boolean;
  /** Fashion-MNIST folder (else the usual search, see `lib/data`). */
  dataDirectory?: string;
  /** Where messages go; default standard output. */
  log?: (line: string) => void;
  /** Extra callbacks (e.g. a notebook's live plot); a progress bar is added unless `progress` is false. */
  callbacks?: TrainingCallbacks[];
  progress?: boolean;
  /** Creates the engine; default trains on this thread. */
  createEngine?: (
    model: tf.LayersModel,
    config: RunConfig,
    loss: LossSpec,
  ) => Promise<TrainingEngine>;
}

/** What {@link trainRun} returns. */
export interface TrainRunResult {
  config: RunConfig;
  /** Metrics of all completed epochs, including those before a resume. */
  history: EpochMetrics[];
  model: tf.LayersModel;
}

/** Run-folder file names besides the checkpoint. */
export const RUN_FILES = {
  config: "config.json",
  metrics: "metrics.jsonl",
  reconstructions: "reconstructions.png",
} as const;

/** A run folder that cannot be created or continued as asked. */
export class RunError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "RunError";
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Reads `metrics.jsonl` of a run folder (an empty list when it has none).
 *
 * @example
 * ```ts
 * const history = await readMetrics("runs/cae");
 * ```
 */
export async function readMetrics(directory: string): Promise<EpochMetrics[]> {
  const path = join(directory, RUN_FILES.metrics);
  if (!(await exists(path))) return [];
  return (await Deno.readTextFile(path)).split("\n").filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EpochMetrics);
}

async function resolveConfig(options: TrainRunOptions): Promise<RunConfig> {
  const requested = options.config ?? {};
  const configPath = join(options.directory, RUN_FILES.config);
  if (!options.resume) {
    if (await exists(join(options.directory, "checkpoint.json"))) {
      throw new RunError(
        `${options.directory} already holds a trained run. Pass --resume to continue it, ` +
          `or choose another folder with --out.`,
      );
    }
    return { ...DEFAULT_RUN_CONFIG, ...requested };
  }
  if (!(await exists(configPath))) {
    throw new RunError(
      `Cannot resume: ${configPath} does not exist. Give --resume the folder of an earlier run ` +
        `(e.g. runs/cae-latent20).`,
    );
  }
  const saved = JSON.parse(await Deno.readTextFile(configPath)) as RunConfig;
  for (const [key, value] of Object.entries(requested)) {
    if (key !== "epochs" && value !== undefined && saved[key as keyof RunConfig] !== value) {
      throw new RunError(
        `Cannot resume with ${key} = ${value}: the run was started with ${key} = ` +
          `${saved[key as keyof RunConfig]}. Only --epochs may change on resume.`,
      );
    }
  }
  return { ...saved, epochs: requested.epochs ?? saved.epochs };
}

/**
 * Trains (or resumes) a run and writes its folder.
 *
 * @example
 * ```ts
 * const { history } = await trainRun({ directory: "runs/quick", config: { limit: 2000, epochs: 1 } });
 * ```
 */
export async function trainRun(options: TrainRunOptions): Promise<TrainRunResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = await resolveConfig(options);
  const backend = await initBackend(config.backend);
  log(`Backend: ${backend}`);
  const data = await loadFashionMnist({
    dir: options.dataDirectory,
    limit: config.limit ?? undefined,
  });
  const info = data.info();
  log(`Data: ${info.train.count} training and ${info.test.count} test images from ${info.source}`);
  await Deno.mkdir(options.directory, { recursive: true });

  let model: tf.LayersModel;
  let completedEpochs = 0;
  let optimizerState: { name: string; tensor: tf.Tensor }[] | undefined;
  let history: EpochMetrics[] = [];
  if (options.resume) {
    const checkpoint = await loadCheckpoint(options.directory);
    model = checkpoint.model;
    completedEpochs = checkpoint.epoch;
    optimizerState = checkpoint.optimizerState;
    history = (await readMetrics(options.directory)).filter((m) => m.epoch <= completedEpochs);
    log(`Resuming ${options.directory} after epoch ${completedEpochs} of ${config.epochs}`);
  } else {
    model =
      buildModel(config.model, { latentDim: config.latentDim, seed: config.seed }).autoencoder;
  }
  await Deno.writeTextFile(
    join(options.directory, RUN_FILES.config),
    JSON.stringify(config, null, 2) + "\n",
  );
  await Deno.writeTextFile(
    join(options.directory, RUN_FILES.metrics),
    history.map((m) => JSON.stringify(m) + "\n").join(""),
  );
  log(`Model: ${model.name}, ${model.countParams()} parameters, latent ${config.latentDim}`);

  const loss = lossSpecFor(config);
  const engine = options.createEngine
    ? await options.createEngine(model, config, loss)
    : createLocalEngine({
      model,
      optimizer: tf.train.adam(config.learningRate),
      perImageLoss: perImageLossFor(loss),
    });
  if (optimizerState) {
    await engine.restoreOptimizerState(optimizerState);
    tf.dispose(optimizerState.map((entry) => entry.tensor));
  }
  const saver: TrainingCallbacks = {
    async onEpochEnd(metrics) {
      await engine.syncModel();
      await Deno.writeTextFile(
        join(options.directory, RUN_FILES.metrics),
        JSON.stringify(metrics) + "\n",
        { append: true },
      );
      const state = await engine.saveOptimizerState();
      await saveCheckpoint(options.directory, model, state, metrics.epoch);
      tf.dispose(state.map((entry) => entry.tensor));
      await writeReconstructions(
        model,
        data.pixelsAsFloat("test", range(Math.min(10, data.test.count))),
        join(options.directory, RUN_FILES.reconstructions),
      );
    },
  };
  // The saver goes first, so an epoch's line is printed only once its checkpoint is on disk.
  const callbacks = [
    saver,
    ...(options.progress === false ? [] : [createProgressReporter({
      write: options.log ? (text) => text.endsWith("\n") && log(text.trimEnd()) : undefined,
      isTerminal: options.log ? false : undefined,
    })]),
    ...(options.callbacks ?? []),
  ];
  try {
    if (completedEpochs >= config.epochs) {
      log(`Nothing to do: the run already completed ${completedEpochs} epochs.`);
    } else {
      history.push(
        ...await fit(engine, data, {
          epochs: config.epochs,
          batchSize: config.batchSize,
          seed: config.seed,
          initialEpoch: completedEpochs,
          callbacks,
        }),
      );
    }
  } finally {
    engine.dispose();
  }
  return { config, history, model };
}

function range(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, index) => index);
}

/**
 * The loss a run trains with: the VAE's rc + β·kl, or the article's reconstruction loss.
 *
 * @example
 * ```ts
 * lossSpecFor({ ...DEFAULT_RUN_CONFIG, model: "vae" }); // { name: "vae", beta: 1 }
 * ```
 */
export function lossSpecFor(config: Pick<RunConfig, "model" | "beta">): LossSpec {
  return config.model === "vae" ? { name: "vae", beta: config.beta } : { name: "autoencoder" };
}

/**
 * Writes the given test images (top row) over the model's reconstructions (bottom row) as PNG.
 * A VAE decodes the mean of q(z|x), so the picture does not depend on sampling noise.
 *
 * @example
 * ```ts
 * await writeReconstructions(autoencoder, data.pixelsAsFloat("test", [0, 1, 2]), "recon.png");
 * ```
 */
export async function writeReconstructions(
  model: tf.LayersModel,
  pixels: Float32Array,
  path: string,
): Promise<void> {
  const count = pixels.length / 784;
  const bundle = splitAutoencoder(model);
  const reconstructed = tf.tidy(() =>
    predict(bundle, imagesToTensor(pixels, count)).y.dataSync() as Float32Array
  );
  const both = new Float32Array(pixels.length * 2);
  both.set(pixels, 0);
  both.set(reconstructed, pixels.length);
  const png = await imageGridPng(both, count * 2, { columns: count });
  await Deno.writeFile(`${path}.tmp`, png);
  await Deno.rename(`${path}.tmp`, path);
}
