/**
 * `checkpoint.json`, the manifest of a run folder's checkpoint: the number of completed epochs and
 * the SHA-256 of each checkpoint file. It is written last, so it says how far a run got. Reading it
 * needs no TensorFlow.js (the viewer and the status of a run use it).
 *
 * @module
 */
import { join } from "node:path";
import { RUN_FILES } from "./files.ts";

/**
 * A checkpoint that is missing, torn or not in the expected format.
 *
 * @example
 * ```ts
 * throw new CheckpointError("runs/x", "runs/x has no checkpoint.json: train it first.");
 * ```
 */
export class CheckpointError extends Error {
  /** The run folder. */
  readonly directory: string;
  /** Creates the error; `directory` is the run folder it is about. */
  constructor(directory: string, message: string) {
    super(message);
    this.name = "CheckpointError";
    this.directory = directory;
  }
}

/**
 * The content of `checkpoint.json`.
 *
 * @example
 * ```ts
 * const manifest: CheckpointManifest = { epoch: 3, sha256: { "weights.bin": "9f86d0..." } };
 * ```
 */
export interface CheckpointManifest {
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
  /** SHA-256 (hex) of each checkpoint file, by file name. */
  sha256: Record<string, string>;
}

/**
 * Reads `directory/checkpoint.json`, or undefined when the run has not completed an epoch.
 *
 * @throws {CheckpointError} When the file exists but cannot be read or parsed.
 *
 * @example
 * ```ts
 * const manifest = await readCheckpointManifest("runs/cae"); // { epoch: 3, sha256: {...} }
 * ```
 */
export async function readCheckpointManifest(
  directory: string,
): Promise<CheckpointManifest | undefined> {
  const path = join(directory, RUN_FILES.checkpoint);
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new CheckpointError(directory, `Cannot read ${path}: ${(error as Error).message}.`);
  }
}

/**
 * The epochs a run folder completed: the `epoch` of its `checkpoint.json`, 0 without one.
 *
 * @throws {CheckpointError} When `checkpoint.json` exists but cannot be read or parsed.
 *
 * @example
 * ```ts
 * if (await readCompletedEpochs("runs/cae") > 0) console.log("trained");
 * ```
 */
export async function readCompletedEpochs(directory: string): Promise<number> {
  const manifest = await readCheckpointManifest(directory);
  return typeof manifest?.epoch === "number" ? manifest.epoch : 0;
}
