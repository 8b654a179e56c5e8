/**
 * Checkpoints in TensorFlow.js layers format (`model.json` + `weights.bin`) plus the optimiser's
 * state, written so that a crash never leaves a half-written checkpoint behind: every file goes to
 * a temporary name and is renamed into place, and `checkpoint.json` (written last) records the
 * SHA-256 of each file, so a torn checkpoint is detected on load instead of silently used.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import { registerCustomLayers } from "../../models/gaussian_sampling.ts";
import type { NamedTensor } from "../engine.ts";
import { RUN_FILES } from "./files.ts";
import { CheckpointError, readCheckpointManifest } from "./manifest.ts";

/** What {@link loadCheckpoint} returns. */
export interface LoadedCheckpoint {
  model: tf.LayersModel;
  /** Optimiser state, in the order the optimiser saved it; the caller disposes it. */
  optimizerState: NamedTensor[];
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function joinWeightData(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const parts = Array.isArray(data) ? data : [data];
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return result;
}

/** Model topology and weights as bytes, in TensorFlow.js layers format. */
export async function serializeModel(
  model: tf.LayersModel,
): Promise<{ modelJson: Uint8Array; weights: Uint8Array }> {
  let modelJson: Uint8Array = new Uint8Array();
  let weights: Uint8Array = new Uint8Array();
  await model.save(tf.io.withSaveHandler((artifacts) => {
    weights = joinWeightData(artifacts.weightData ?? new ArrayBuffer(0));
    modelJson = new TextEncoder().encode(JSON.stringify({
      format: "layers-model",
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [RUN_FILES.weights], weights: artifacts.weightSpecs }],
    }));
    return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) });
  }));
  return { modelJson, weights };
}

/**
 * Writes model, weights and optimiser state into `directory` (which must exist).
 *
 * @example
 * ```ts
 * await saveCheckpoint("runs/cae", autoencoder, await engine.saveOptimizerState(), 3);
 * ```
 */
export async function saveCheckpoint(
  directory: string,
  model: tf.LayersModel,
  optimizerState: NamedTensor[],
  epoch: number,
): Promise<void> {
  const { modelJson, weights } = await serializeModel(model);
  const { data, specs } = await tf.io.encodeWeights(optimizerState);
  const optimizerWeights = joinWeightData(data);
  const optimizerJson = new TextEncoder().encode(JSON.stringify({ specs }));
  const files: Record<string, Uint8Array> = {
    [RUN_FILES.weights]: weights,
    [RUN_FILES.optimizerWeights]: optimizerWeights,
    [RUN_FILES.optimizer]: optimizerJson,
    [RUN_FILES.model]: modelJson,
  };
  const checksums: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    await writeFileAtomically(join(directory, name), bytes);
    checksums[name] = sha256(bytes);
  }
  const manifest = JSON.stringify({ epoch, sha256: checksums }, null, 2) + "\n";
  await writeFileAtomically(
    join(directory, RUN_FILES.checkpoint),
    new TextEncoder().encode(manifest),
  );
}

async function readVerified(
  directory: string,
  name: string,
  checksums: Record<string, string> | undefined,
): Promise<Uint8Array> {
  const path = join(directory, name);
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    throw new CheckpointError(
      directory,
      `Cannot read ${path}: ${(error as Error).message}. The run folder is incomplete; ` +
        `train again without --resume, or pick a run that finished at least one epoch.`,
    );
  }
  const expected = checksums?.[name];
  if (expected !== undefined && sha256(bytes) !== expected) {
    throw new CheckpointError(
      directory,
      `${path} does not match ${RUN_FILES.checkpoint} (SHA-256 differs): the checkpoint ` +
        `was torn, probably by a crash while saving. Train again without --resume.`,
    );
  }
  return bytes;
}

/**
 * Loads the model (and, when present, verifies it against `checkpoint.json`) from a run folder.
 *
 * @example
 * ```ts
 * const model = await loadModel("runs/cae");
 * ```
 */
export async function loadModel(directory: string): Promise<tf.LayersModel> {
  const checksums = await readCheckpointManifest(directory).then((m) => m?.sha256);
  const modelJson = JSON.parse(
    new TextDecoder().decode(await readVerified(directory, RUN_FILES.model, checksums)),
  );
  const weights = await readVerified(directory, RUN_FILES.weights, checksums);
  const weightSpecs = modelJson.weightsManifest?.[0]?.weights;
  if (!modelJson.modelTopology || !Array.isArray(weightSpecs)) {
    throw new CheckpointError(
      directory,
      `${join(directory, RUN_FILES.model)} is not a TensorFlow.js layers model ` +
        `(expected "modelTopology" and "weightsManifest").`,
    );
  }
  registerCustomLayers();
  return await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs,
    weightData: weights.slice().buffer,
  }));
}

/**
 * Loads everything needed to resume training: model, optimiser state and completed epochs.
 *
 * @example
 * ```ts
 * const { model, optimizerState, epoch } = await loadCheckpoint("runs/cae");
 * ```
 */
export async function loadCheckpoint(directory: string): Promise<LoadedCheckpoint> {
  const manifest = await readCheckpointManifest(directory);
  if (manifest === undefined) {
    throw new CheckpointError(
      directory,
      `${directory} has no ${RUN_FILES.checkpoint}: no epoch of this run finished, so there ` +
        `is nothing to resume. Train again without --resume.`,
    );
  }
  const model = await loadModel(directory);
  const optimizerJson = JSON.parse(new TextDecoder().decode(
    await readVerified(directory, RUN_FILES.optimizer, manifest.sha256),
  )) as { specs: tf.io.WeightsManifestEntry[] };
  const optimizerWeights = await readVerified(
    directory,
    RUN_FILES.optimizerWeights,
    manifest.sha256,
  );
  const decoded = tf.io.decodeWeights(optimizerWeights.slice().buffer, optimizerJson.specs);
  const optimizerState = optimizerJson.specs.map((spec) => ({
    name: spec.name,
    tensor: decoded[spec.name],
  }));
  return { model, optimizerState, epoch: manifest.epoch };
}
