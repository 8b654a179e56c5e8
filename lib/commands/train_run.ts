/**
 * One training run end to end, as `deno task train` does it: backend, data, model (new or resumed),
 * training with progress and a watch for NaN, and after every epoch an atomic checkpoint (with
 * `metrics.jsonl`) and `reconstructions.png` in the run folder; at the end (also of a resume) the
 * test set's latent map, `latents.json`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import { createAdam } from "../backend/fused_adam.ts";
import { initBackend } from "../backend/setup.ts";
import { writeFileAtomically } from "../data/atomic_write.ts";
import { loadFashionMnist } from "../data/fashion_mnist.ts";
import type { FashionMnist } from "../data/dataset.ts";
import { modelKindOf, splitAutoencoder } from "../models/autoencoder_bundle.ts";
import { buildModel } from "../models/build_model.ts";
import { startSamplingStreams } from "../models/gaussian_sampling.ts";
import { reconstructionsPng } from "../presentation/figures/run_reconstructions.ts";
import { TrainingDivergedError } from "../training/divergence.ts";
import { createLocalEngine, type LossWeights, type TrainingEngine } from "../training/engine.ts";
import { createFiniteGuard } from "../training/finite_guard.ts";
import { klWarmupSchedule } from "../training/kl_warmup.ts";
import { type LossSpec, lossSpecFor, perImageLossFor } from "../training/loss_spec.ts";
import { createProgressReporter } from "../training/progress.ts";
import { DEFAULT_RUN_CONFIG, type RunConfig, withConfigDefaults } from "../training/run_config.ts";
import {
  loadCheckpoint,
  NonFiniteWeightsError,
  readCheckpointMetrics,
  saveCheckpoint,
  tidyRunFolder,
} from "../training/run_folder/checkpoint.ts";
import { readRunConfig, writeRunConfig } from "../training/run_folder/config_file.ts";
import type { FileOperations } from "../training/run_folder/file_operations.ts";
import { RUN_FILES } from "../training/run_folder/files.ts";
import { readCheckpointManifest } from "../training/run_folder/manifest.ts";
import { writeLatentsFile } from "../training/run_folder/latents_file.ts";
import { writeMetrics } from "../training/run_folder/metrics_file.ts";
import { type EpochMetrics, fit, type TrainingCallbacks } from "../training/trainer.ts";
import { type LabelledSplits, latentMap } from "../uses/reduction/latent_map.ts";

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
  /** The data, already loaded (e.g. a subset); then `dataDirectory` and `config.limit` are not used to load it. */
  data?: FashionMnist;
  /** File operations of the checkpoint saves; default the real, flushed ones (tests inject failures). */
  fileOperations?: FileOperations;
  /** Check the weights for NaN every this many batches (and after each epoch). Default 50. */
  finiteCheckEvery?: number;
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

/** A run folder that cannot be created or continued as asked. */
export class RunError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "RunError";
  }
}

async function resolveConfig(options: TrainRunOptions): Promise<RunConfig> {
  const requested = options.config ?? {};
  const configPath = join(options.directory, RUN_FILES.config);
  if (!options.resume) {
    if (await readCheckpointManifest(options.directory) !== undefined) {
      throw new RunError(
        `${options.directory} already holds a trained run. Pass --resume to continue it, ` +
          `or choose another folder with --out.`,
      );
    }
    return { ...DEFAULT_RUN_CONFIG, ...requested };
  }
  const stored = await readRunConfig(options.directory);
  if (stored === undefined) {
    throw new RunError(
      `Cannot resume: ${configPath} does not exist. Give --resume the folder of an earlier run ` +
        `(e.g. runs/cae-latent20).`,
    );
  }
  const saved = withConfigDefaults(stored);
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
  // A resumed run's checkpoint is checked first: a damaged one fails before the data is loaded.
  let model: tf.LayersModel | undefined;
  let completedEpochs = 0;
  let optimizerState: { name: string; tensor: tf.Tensor }[] | undefined;
  let history: EpochMetrics[] = [];
  if (options.resume) {
    const checkpoint = await loadCheckpoint(options.directory);
    model = checkpoint.model;
    completedEpochs = checkpoint.epoch;
    optimizerState = checkpoint.optimizerState;
    checkModelKind(options.directory, model, config);
    history = await readCheckpointMetrics(options.directory);
    log(`Resuming ${options.directory} after epoch ${completedEpochs} of ${config.epochs}`);
  }
  const data = options.data ?? await loadFashionMnist({
    dir: options.dataDirectory,
    limit: config.limit ?? undefined,
  });
  const info = data.info();
  log(`Data: ${info.train.count} training and ${info.test.count} test images from ${info.source}`);
  await Deno.mkdir(options.directory, { recursive: true });
  // What a crash may have left (temporary files, an uncommitted checkpoint folder) goes first.
  await tidyRunFolder(options.directory, options.fileOperations);
  model ??= buildModel(config.model, {
    latentDim: config.latentDim,
    seed: config.seed,
    vaeBottleneck: config.vaeBottleneck,
  }).autoencoder;
  await writeRunConfig(options.directory, config);
  await writeMetrics(options.directory, history);
  log(`Model: ${model.name}, ${model.countParams()} parameters, latent ${config.latentDim}`);

  const loss = lossSpecFor(config);
  const engine = options.createEngine
    ? await options.createEngine(model, config, loss)
    : createLocalEngine({
      model,
      optimizer: createAdam(config.learningRate),
      perImageLoss: perImageLossFor(loss),
    });
  if (optimizerState) {
    await engine.restoreOptimizerState(optimizerState);
    tf.dispose(optimizerState.map((entry) => entry.tensor));
  }
  const saved = [...history];
  const saver: TrainingCallbacks = {
    async onEpochEnd(metrics) {
      await engine.syncModel();
      const state = await engine.saveOptimizerState();
      try {
        await saveCheckpoint(options.directory, model, state, metrics.epoch, {
          history: [...saved, metrics],
          fileOperations: options.fileOperations,
        });
      } finally {
        tf.dispose(state.map((entry) => entry.tensor));
      }
      saved.push(metrics);
      const png = await reconstructionsPng(
        model,
        data.pixelsAsFloat("test", range(Math.min(10, data.test.count))),
      );
      await writeFileAtomically(join(options.directory, RUN_FILES.reconstructions), png);
    },
  };
  // A VAE's noise restarts each epoch at a stream of its own, so a resumed run draws the same ε.
  const sampling: TrainingCallbacks = {
    onEpochBegin: ({ epoch }) => startSamplingStreams(model, epoch),
  };
  // The guard goes first, so a batch's bad weights stop training before anything shows them; the
  // saver next, so an epoch's line is printed only once its checkpoint is on disk.
  const callbacks = [
    createFiniteGuard({ model, engine, everyBatches: options.finiteCheckEvery }),
    sampling,
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
          lossWeights: config.model === "vae"
            ? betaSchedule(config, Math.ceil(data.train.count / config.batchSize))
            : undefined,
        }),
      );
    }
  } catch (error) {
    if (error instanceof TrainingDivergedError || error instanceof NonFiniteWeightsError) {
      throw divergedRunError(error, options.directory, saved.at(-1)?.epoch ?? 0);
    }
    throw error;
  } finally {
    engine.dispose();
  }
  const epoch = history.at(-1)?.epoch ?? completedEpochs;
  const latents = writeRunLatents(options.directory, model, config, data, epoch);
  log(`Latents: ${await latents}`);
  return { config, history, model };
}

/**
 * Encodes the test images with the trained model and writes `latents.json`; returns a description
 * for the log. The decoder view made by the split is freed again (the model keeps its weights).
 */
async function writeRunLatents(
  directory: string,
  model: tf.LayersModel,
  config: RunConfig,
  data: LabelledSplits,
  epoch: number,
): Promise<string> {
  const bundle = splitAutoencoder(model, config.model);
  try {
    const latents = latentMap(bundle.encoder, data, { model: config.model, epoch });
    await writeLatentsFile(directory, latents);
    const map = latents.projection?.kind === "pca"
      ? `the PCA plane of the ${latents.latentDim}-d codes`
      : `the ${latents.latentDim}-d codes`;
    return `${join(directory, RUN_FILES.latents)} (${latents.points.length} test images, ${map})`;
  } finally {
    bundle.decoder.dispose();
  }
}

/** The VAE's β per step: `config.beta`, reached after `config.klWarmup` epochs of warm-up. */
function betaSchedule(
  config: RunConfig,
  batchesPerEpoch: number,
): (epoch: number, batch: number) => LossWeights {
  const betaAt = klWarmupSchedule({
    beta: config.beta,
    warmupEpochs: config.klWarmup,
    batchesPerEpoch,
  });
  return (epoch, batch) => ({ beta: betaAt(epoch, batch) });
}

/**
 * A model whose kind contradicts `config.json` (an older run's config is not covered by a
 * checksum): say so before training fails deep inside TensorFlow.js.
 */
function checkModelKind(directory: string, model: tf.LayersModel, config: RunConfig): void {
  let kind: string;
  try {
    kind = modelKindOf(model);
  } catch {
    return;
  }
  if ((kind === "vae") !== (config.model === "vae")) {
    throw new RunError(
      `Cannot resume ${directory}: its ${RUN_FILES.config} says model "${config.model}", but ` +
        `its checkpoint holds a ${kind} model. ${RUN_FILES.config} was edited or comes from ` +
        `another run: set "model" back to "${kind}", or train again into a new folder.`,
    );
  }
}

/** The message for a run that stopped on NaN: what happened, what was kept, what to do. */
function divergedRunError(error: Error, directory: string, lastGoodEpoch: number): RunError {
  const kept = lastGoodEpoch > 0
    ? `The last good checkpoint (epoch ${lastGoodEpoch}) stays in ${directory}, unchanged.`
    : `No epoch finished, so ${directory} holds no checkpoint.`;
  return new RunError(
    `Training stopped: ${error.message} Nothing of the failed epoch was saved. ${kept} Check ` +
      `that the data and the checkpoint it started from are sound; a run that diverges by ` +
      `itself may do better with another seed or batch size in a new folder.`,
  );
}

function range(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, index) => index);
}
