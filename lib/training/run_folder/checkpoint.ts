/**
 * Loading checkpoints (written by `checkpoint_save.ts`): the model for every command and notebook,
 * and model plus optimiser state for `--resume`. Every file is checked against its SHA-256 in
 * `checkpoint.json`, and every weight must be finite, so a torn, edited or NaN checkpoint is
 * reported — naming the file and what to do — instead of silently used. Older runs (checkpoint
 * format 1, files beside `checkpoint.json`) load too.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import { registerCustomLayers } from "../../models/gaussian_sampling.ts";
import type { NamedTensor } from "../engine.ts";
import type { EpochMetrics } from "../trainer.ts";
import {
  checkpointFilePath,
  readVerifiedFile,
  withCommittedCheckpoint,
} from "./checkpoint_files.ts";
import { RUN_FILES } from "./files.ts";
import { describeNonFinite, findNonFiniteWeights } from "./finite_weights.ts";
import { CHECKPOINT_ADVICE, CheckpointError, type CheckpointManifest } from "./manifest.ts";
import { readCheckpointModelFiles } from "./model_files.ts";
import { parseMetricsText, readMetrics } from "./metrics_file.ts";

export { NonFiniteWeightsError, saveCheckpoint, tidyRunFolder } from "./checkpoint_save.ts";
export type { SaveCheckpointOptions } from "./checkpoint_save.ts";
export { serializeModel } from "./model_bytes.ts";

/** What {@link loadCheckpoint} returns. */
export interface LoadedCheckpoint {
  model: tf.LayersModel;
  /** Optimiser state, in the order the optimiser saved it; the caller disposes it. */
  optimizerState: NamedTensor[];
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
}

function requireManifest(
  directory: string,
  manifest: CheckpointManifest | undefined,
  missing: string,
): CheckpointManifest {
  if (manifest === undefined) {
    throw new CheckpointError(
      directory,
      `${directory} has no ${RUN_FILES.checkpoint} (looked for ` +
        `${join(directory, RUN_FILES.checkpoint)}): ${missing}`,
    );
  }
  return manifest;
}

function parseJsonFile(directory: string, path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new CheckpointError(
      directory,
      `${path} is not valid JSON (${(error as Error).message}). ${CHECKPOINT_ADVICE}`,
    );
  }
}

function checkFinite(
  directory: string,
  path: string,
  bytes: Uint8Array,
  specs: tf.io.WeightsManifestEntry[],
): void {
  const found = findNonFiniteWeights(bytes, specs);
  if (found.length > 0) {
    throw new CheckpointError(
      directory,
      `${path} holds NaN or ±Infinity (${describeNonFinite(found)}): a model with such ` +
        `weights computes nothing meaningful. ${CHECKPOINT_ADVICE}`,
    );
  }
}

async function loadVerifiedModel(
  directory: string,
  manifest: CheckpointManifest,
): Promise<tf.LayersModel> {
  const { model, weightFiles } = await readCheckpointModelFiles(directory, manifest);
  const paths = model.weightsManifest.flatMap((group) => group.paths);
  const weightData = new Uint8Array(
    paths.reduce((sum, path) => sum + weightFiles[path].length, 0),
  );
  let offset = 0;
  for (const path of paths) {
    weightData.set(weightFiles[path], offset);
    offset += weightFiles[path].length;
  }
  registerCustomLayers();
  return await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: model.modelTopology as tf.io.ModelArtifacts["modelTopology"],
    weightSpecs: model.weightsManifest.flatMap((group) => group.weights),
    weightData: weightData.buffer,
  }));
}

/**
 * Loads the model of a run folder's committed checkpoint, verified (SHA-256) and checked finite.
 *
 * @throws {CheckpointError} When the folder has no checkpoint, or it is torn, edited or not finite.
 *
 * @example
 * ```ts
 * const model = await loadModel("runs/cae");
 * ```
 */
export async function loadModel(directory: string): Promise<tf.LayersModel> {
  return await withCommittedCheckpoint(directory, async (found) => {
    const manifest = requireManifest(
      directory,
      found,
      "no epoch of this run finished, or it is not a run folder of deno task train. Pass a " +
        "run folder that finished at least one epoch.",
    );
    return await loadVerifiedModel(directory, manifest);
  });
}

/**
 * Loads everything needed to resume training: model, optimiser state and completed epochs, all
 * verified and checked finite.
 *
 * @throws {CheckpointError} When the folder has no checkpoint, or it is torn, edited or not finite.
 *
 * @example
 * ```ts
 * const { model, optimizerState, epoch } = await loadCheckpoint("runs/cae");
 * ```
 */
export async function loadCheckpoint(directory: string): Promise<LoadedCheckpoint> {
  return await withCommittedCheckpoint(directory, (found) => loadFrom(directory, found));
}

async function loadFrom(
  directory: string,
  found: CheckpointManifest | undefined,
): Promise<LoadedCheckpoint> {
  const manifest = requireManifest(
    directory,
    found,
    "no epoch of this run finished, so there is nothing to resume. Train again without --resume.",
  );
  const model = await loadVerifiedModel(directory, manifest);
  try {
    const optimizerPath = checkpointFilePath(directory, manifest, RUN_FILES.optimizer);
    const optimizerJson = parseJsonFile(
      directory,
      optimizerPath,
      await readVerifiedFile(directory, manifest, RUN_FILES.optimizer),
    ) as { specs?: tf.io.WeightsManifestEntry[] };
    if (!Array.isArray(optimizerJson.specs)) {
      throw new CheckpointError(
        directory,
        `${optimizerPath} has no "specs" list. ${CHECKPOINT_ADVICE}`,
      );
    }
    const bytes = await readVerifiedFile(directory, manifest, RUN_FILES.optimizerWeights);
    checkFinite(
      directory,
      checkpointFilePath(directory, manifest, RUN_FILES.optimizerWeights),
      bytes,
      optimizerJson.specs,
    );
    const decoded = tf.io.decodeWeights(bytes.slice().buffer, optimizerJson.specs);
    const optimizerState = optimizerJson.specs.map((spec) => ({
      name: spec.name,
      tensor: decoded[spec.name],
    }));
    return { model, optimizerState, epoch: manifest.epoch };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * The metrics of the epochs the committed checkpoint holds: its own verified copy when it has one
 * (checkpoint format 2), else the lines of `metrics.jsonl` up to its epoch. Empty without a
 * checkpoint.
 *
 * @throws {CheckpointError} When the copy does not match its SHA-256.
 * @throws {RunFolderError} When a metrics line is not an epoch's JSON object.
 *
 * @example
 * ```ts
 * const history = await readCheckpointMetrics("runs/cae"); // what --resume continues from
 * ```
 */
export async function readCheckpointMetrics(directory: string): Promise<EpochMetrics[]> {
  return await withCommittedCheckpoint(directory, async (manifest) => {
    if (manifest === undefined) return [];
    if (manifest.sha256[RUN_FILES.metrics] === undefined) {
      return (await readMetrics(directory)).filter((metrics) => metrics.epoch <= manifest.epoch);
    }
    const bytes = await readVerifiedFile(directory, manifest, RUN_FILES.metrics);
    return parseMetricsText(
      new TextDecoder().decode(bytes),
      checkpointFilePath(directory, manifest, RUN_FILES.metrics),
    );
  });
}
