/**
 * A model and an optimiser state as the bytes of a checkpoint: `model.json` (TensorFlow.js layers
 * format, readable by `tf.loadLayersModel`), its weights, and the optimiser's specs and weights.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { NamedTensor } from "../engine.ts";
import { RUN_FILES } from "./files.ts";

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

/**
 * Model topology and weights as bytes, in TensorFlow.js layers format; `model.json` names the
 * weights `weightsPath` (default `weights.bin`, beside it).
 *
 * @example
 * ```ts
 * const { modelJson, weights, weightSpecs } = await serializeModel(autoencoder);
 * ```
 */
export async function serializeModel(
  model: tf.LayersModel,
  weightsPath: string = RUN_FILES.weights,
): Promise<
  { modelJson: Uint8Array; weights: Uint8Array; weightSpecs: tf.io.WeightsManifestEntry[] }
> {
  let modelJson: Uint8Array = new Uint8Array();
  let weights: Uint8Array = new Uint8Array();
  let weightSpecs: tf.io.WeightsManifestEntry[] = [];
  await model.save(tf.io.withSaveHandler((artifacts) => {
    weights = joinWeightData(artifacts.weightData ?? new ArrayBuffer(0));
    weightSpecs = artifacts.weightSpecs ?? [];
    modelJson = modelJsonBytes(artifacts.modelTopology, weightSpecs, weightsPath);
    return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) });
  }));
  return { modelJson, weights, weightSpecs };
}

/**
 * A `model.json` in TensorFlow.js layers format whose weights are at `weightsPath` (relative to it).
 *
 * @example
 * ```ts
 * const json = modelJsonBytes(topology, specs, "checkpoints/epoch-3/weights.bin");
 * ```
 */
export function modelJsonBytes(
  modelTopology: unknown,
  weightSpecs: tf.io.WeightsManifestEntry[],
  weightsPath: string,
): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology,
    weightsManifest: [{ paths: [weightsPath], weights: weightSpecs }],
  }));
}

/**
 * An optimiser state as `optimizer.json` (its weight specs) and `optimizer.bin` (the values).
 *
 * @example
 * ```ts
 * const { json, weights, specs } = await serializeOptimizerState(await engine.saveOptimizerState());
 * ```
 */
export async function serializeOptimizerState(
  state: NamedTensor[],
): Promise<{ json: Uint8Array; weights: Uint8Array; specs: tf.io.WeightsManifestEntry[] }> {
  const { data, specs } = await tf.io.encodeWeights(state);
  return {
    json: new TextEncoder().encode(JSON.stringify({ specs })),
    weights: joinWeightData(data),
    specs,
  };
}
