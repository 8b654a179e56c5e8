/**
 * The saved model of a run folder's committed checkpoint as bytes: its `model.json` and the weight
 * files that names, each checked against its SHA-256 in `checkpoint.json`, the weights checked
 * finite. {@link loadModel} builds the TensorFlow.js model from them; the latent explorer serves the
 * very same bytes to the browser, which loads them with `tf.loadLayersModel`. Needs no
 * TensorFlow.js.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import {
  checkpointFilePath,
  readVerifiedFile,
  withCommittedCheckpoint,
} from "./checkpoint_files.ts";
import { describeNonFinite, findNonFiniteWeights } from "./finite_weights.ts";
import { RUN_FILES } from "./files.ts";
import { CHECKPOINT_ADVICE, CheckpointError, type CheckpointManifest } from "./manifest.ts";

/**
 * What {@link readModelFiles} returns.
 *
 * @example
 * ```ts
 * const files: ModelFiles = await readModelFiles("runs/cae");
 * console.log(files.epoch, Object.keys(files.weightFiles)); // 3 ["weights.bin"]
 * ```
 */
export interface ModelFiles {
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
  /** The checkpoint's `model.json` as written: topology and weights manifest (layers format). */
  modelJson: Uint8Array;
  /** The parsed `model.json`. */
  model: {
    modelTopology: unknown;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  /** Weight files by the path `model.json`'s manifest gives them (relative to `model.json`). */
  weightFiles: Record<string, Uint8Array>;
}

function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/**
 * Reads the model files of the checkpoint `manifest` describes (see {@link readModelFiles}).
 *
 * @throws {CheckpointError} When a file is missing, differs from its SHA-256, is not a
 *   TensorFlow.js layers model, or holds NaN or ±Infinity; the message names the file.
 *
 * @example
 * ```ts
 * const manifest = await readCheckpointManifest("runs/cae");
 * if (manifest) console.log((await readCheckpointModelFiles("runs/cae", manifest)).epoch);
 * ```
 */
export async function readCheckpointModelFiles(
  directory: string,
  manifest: CheckpointManifest,
): Promise<ModelFiles> {
  const path = checkpointFilePath(directory, manifest, RUN_FILES.model);
  const modelJson = await readVerifiedFile(directory, manifest, RUN_FILES.model);
  let model: ModelFiles["model"];
  try {
    model = JSON.parse(new TextDecoder().decode(modelJson));
  } catch (error) {
    throw new CheckpointError(
      directory,
      `${path} is not valid JSON (${(error as Error).message}). ${CHECKPOINT_ADVICE}`,
    );
  }
  const groups = model?.weightsManifest;
  if (
    !model?.modelTopology || !Array.isArray(groups) ||
    !groups.every((group) => Array.isArray(group?.paths) && Array.isArray(group?.weights))
  ) {
    throw new CheckpointError(
      directory,
      `${path} is not a TensorFlow.js layers model (expected "modelTopology" and ` +
        `"weightsManifest"). ${CHECKPOINT_ADVICE}`,
    );
  }
  const weightFiles: Record<string, Uint8Array> = {};
  const names = groups.flatMap((group) => group.paths);
  for (const name of names) {
    // Only files that checkpoint.json lists (by plain name) are read, so nothing outside the
    // checkpoint's folder can be named.
    if (typeof name !== "string" || name.includes("/") || name.includes("\\")) {
      throw new CheckpointError(
        directory,
        `${path} names the weight file ${JSON.stringify(name)}; expected a file of the ` +
          `checkpoint such as "${RUN_FILES.weights}". ${CHECKPOINT_ADVICE}`,
      );
    }
    weightFiles[name] = await readVerifiedFile(directory, manifest, name);
  }
  const found = findNonFiniteWeights(
    joinBytes(names.map((name) => weightFiles[name])),
    groups.flatMap((group) => group.weights),
  );
  if (found.length > 0) {
    const where = names.length === 1 ? checkpointFilePath(directory, manifest, names[0]) : path;
    throw new CheckpointError(
      directory,
      `${where} holds NaN or ±Infinity (${describeNonFinite(found)}): a model with such ` +
        `weights computes nothing meaningful. ${CHECKPOINT_ADVICE}`,
    );
  }
  return { epoch: manifest.epoch, modelJson, model, weightFiles };
}

/**
 * Reads the model of a run folder's committed checkpoint as bytes: its `model.json` and every
 * weight file that names, each checked against `checkpoint.json`, the weights checked finite.
 *
 * @throws {CheckpointError} When the folder has no checkpoint, or a file is missing, torn, not a
 *   TensorFlow.js layers model or not finite.
 *
 * @example
 * ```ts
 * const { modelJson, weightFiles } = await readModelFiles("runs/vae-latent2");
 * ```
 */
export async function readModelFiles(directory: string): Promise<ModelFiles> {
  return await withCommittedCheckpoint(directory, async (manifest) => {
    if (manifest === undefined) {
      throw new CheckpointError(
        directory,
        `${directory} has no ${RUN_FILES.checkpoint} (looked for ` +
          `${join(directory, RUN_FILES.checkpoint)}): no epoch of this run finished, or it is ` +
          `not a run folder of deno task train. Pass a run folder that finished at least one ` +
          `epoch.`,
      );
    }
    return await readCheckpointModelFiles(directory, manifest);
  });
}
