/**
 * The saved model of a run folder as bytes, checked against `checkpoint.json`: `model.json` and the
 * weight files its manifest names. {@link loadModel} builds the TensorFlow.js model from them; the
 * latent explorer serves the very same bytes to the browser, which loads them with
 * `tf.loadLayersModel`. Needs no TensorFlow.js.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { RUN_FILES } from "./files.ts";
import { CheckpointError, readCheckpointManifest } from "./manifest.ts";

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
  /** Epochs completed when the checkpoint was written; undefined without `checkpoint.json`. */
  epoch: number | undefined;
  /** `model.json` as written: topology and weights manifest (TensorFlow.js layers format). */
  modelJson: Uint8Array;
  /** The parsed `model.json`. */
  model: { modelTopology: unknown; weightsManifest: { paths: string[]; weights: unknown[] }[] };
  /** Weight files by the path `model.json`'s manifest gives them (relative to `model.json`). */
  weightFiles: Record<string, Uint8Array>;
}

/**
 * SHA-256 of `bytes`, as lowercase hex.
 *
 * @example
 * ```ts
 * sha256Hex(new TextEncoder().encode("abc")).slice(0, 8); // "ba7816bf"
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads `directory/name` and, when `checksums` has an entry for it, checks its SHA-256.
 *
 * @throws {CheckpointError} When the file cannot be read or its checksum differs.
 *
 * @example
 * ```ts
 * const weights = await readVerifiedFile("runs/cae", "weights.bin", manifest.sha256);
 * ```
 */
export async function readVerifiedFile(
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
  if (expected !== undefined && sha256Hex(bytes) !== expected) {
    throw new CheckpointError(
      directory,
      `${path} does not match ${RUN_FILES.checkpoint} (SHA-256 differs): the checkpoint ` +
        `was torn, probably by a crash while saving. Train again without --resume.`,
    );
  }
  return bytes;
}

/**
 * Reads the model of a run folder as bytes: `model.json` and every weight file its manifest names,
 * each checked against `checkpoint.json` when the folder has one.
 *
 * @throws {CheckpointError} When a file is missing, torn, or `model.json` is not a TensorFlow.js
 *   layers model.
 *
 * @example
 * ```ts
 * const { modelJson, weightFiles } = await readModelFiles("runs/vae-latent2");
 * ```
 */
export async function readModelFiles(directory: string): Promise<ModelFiles> {
  const manifest = await readCheckpointManifest(directory);
  const checksums = manifest?.sha256;
  const modelJson = await readVerifiedFile(directory, RUN_FILES.model, checksums);
  const path = join(directory, RUN_FILES.model);
  let model: ModelFiles["model"];
  try {
    model = JSON.parse(new TextDecoder().decode(modelJson));
  } catch (error) {
    throw new CheckpointError(directory, `${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const groups = model?.weightsManifest;
  if (
    !model?.modelTopology || !Array.isArray(groups) ||
    !groups.every((group) => Array.isArray(group?.paths) && Array.isArray(group?.weights))
  ) {
    throw new CheckpointError(
      directory,
      `${path} is not a TensorFlow.js layers model (expected "modelTopology" and ` +
        `"weightsManifest": [{ "paths", "weights" }]).`,
    );
  }
  const weightFiles: Record<string, Uint8Array> = {};
  for (const name of groups.flatMap((group) => group.paths)) {
    if (typeof name !== "string" || name.includes("..") || name.startsWith("/")) {
      throw new CheckpointError(
        directory,
        `${path} names the weight file ${JSON.stringify(name)}; expected a file name inside ` +
          `the run folder such as "${RUN_FILES.weights}".`,
      );
    }
    weightFiles[name] = await readVerifiedFile(directory, name, checksums);
  }
  return { epoch: manifest?.epoch, modelJson, model, weightFiles };
}
