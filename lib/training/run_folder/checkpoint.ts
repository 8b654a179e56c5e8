/**
 * Checkpoints in TensorFlow.js layers format (`model.json` + `weights.bin`) plus the optimiser's
 * state, written so that a crash never leaves a half-written checkpoint behind: every file goes to
 * a temporary name and is renamed into place, and `checkpoint.json` (written last) records the
 * SHA-256 of each file, so a torn checkpoint is detected on load instead of silently used.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import { registerCustomLayers } from "../../models/gaussian_sampling.ts";
import type { NamedTensor } from "../engine.ts";
import { RUN_FILES } from "./files.ts";
import { CheckpointError, readCheckpointManifest } from "./manifest.ts";
import { readModelFiles, readVerifiedFile, sha256Hex } from "./model_files.ts";

/** What {@link loadCheckpoint} returns. */
export interface LoadedCheckpoint {
  model: tf.LayersModel;
  /** Optimiser state, in the order the optimiser saved it; the caller disposes it. */
  optimizerState: NamedTensor[];
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
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
    checksums[name] = sha256Hex(bytes);
  }
  const manifest = JSON.stringify({ epoch, sha256: checksums }, null, 2) + "\n";
  await writeFileAtomically(
    join(directory, RUN_FILES.checkpoint),
    new TextEncoder().encode(manifest),
  );
}

/**
 * Loads the model (and, when present, verifies it against `checkpoint.json`) from a run folder,
 * from the bytes {@link readModelFiles} reads.
 *
 * @example
 * ```ts
 * const model = await loadModel("runs/cae");
 * ```
 */
export async function loadModel(directory: string): Promise<tf.LayersModel> {
  const { model, weightFiles } = await readModelFiles(directory);
  const weightSpecs = model.weightsManifest.flatMap((group) => group.weights);
  const weightData = joinWeightData(
    model.weightsManifest.flatMap((group) =>
      group.paths.map((path) => weightFiles[path].slice().buffer)
    ),
  );
  registerCustomLayers();
  return await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: model.modelTopology as tf.io.ModelArtifacts["modelTopology"],
    weightSpecs: weightSpecs as tf.io.WeightsManifestEntry[],
    weightData: weightData.buffer as ArrayBuffer,
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
    await readVerifiedFile(directory, RUN_FILES.optimizer, manifest.sha256),
  )) as { specs: tf.io.WeightsManifestEntry[] };
  const optimizerWeights = await readVerifiedFile(
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
