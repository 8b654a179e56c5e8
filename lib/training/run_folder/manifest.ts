/**
 * `checkpoint.json`, the manifest of a run folder's checkpoint and the one file whose atomic
 * replacement commits a checkpoint: the completed epoch, the folder holding that epoch's files
 * (`checkpoints/epoch-N/`) and the SHA-256 of each of them. It says how far a run got. Reading it
 * needs no TensorFlow.js (the viewer and the status of a run use it).
 *
 * Format 2 (written since the checkpoint became one atomic set):
 *
 * ```json
 * {
 *   "format": 2,
 *   "epoch": 3,
 *   "folder": "checkpoints/epoch-3",
 *   "sha256": { "model.json": "…", "weights.bin": "…", "optimizer.json": "…",
 *               "optimizer.bin": "…", "config.json": "…", "metrics.jsonl": "…" }
 * }
 * ```
 *
 * Format 1 (older runs, still read): `{ "epoch", "sha256" }` with the files beside it in the run
 * folder and no copy of `config.json` or `metrics.jsonl`.
 *
 * @module
 */
import { join } from "node:path";
import { RUN_FILES } from "./files.ts";

/**
 * A checkpoint that is missing, torn, damaged or not in the expected format.
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
 * What to do about a damaged checkpoint, whichever command found it.
 *
 * @example
 * ```ts
 * throw new CheckpointError("runs/x", `runs/x/weights.bin is damaged. ${CHECKPOINT_ADVICE}`);
 * ```
 */
export const CHECKPOINT_ADVICE = "This checkpoint cannot be used: restore the run folder from " +
  "a copy, or train the run again into a new folder.";

/**
 * The content of `checkpoint.json`, checked; a format-1 manifest reads as `folder: "."`.
 *
 * @example
 * ```ts
 * const manifest: CheckpointManifest = {
 *   format: 2, epoch: 3, folder: "checkpoints/epoch-3", sha256: { "weights.bin": "9f86d0..." },
 * };
 * ```
 */
export interface CheckpointManifest {
  /** 2 for a checkpoint in its own folder, 1 for an older run's files beside checkpoint.json. */
  format: 1 | 2;
  /** Epochs completed when the checkpoint was written. */
  epoch: number;
  /** The folder of the checkpoint's files, relative to the run folder. */
  folder: string;
  /** SHA-256 (hex) of each checkpoint file, by file name. */
  sha256: Record<string, string>;
}

/** The format {@link readCheckpointManifest} reads and the save writes. */
export const CHECKPOINT_FORMAT = 2;

/**
 * The folder of epoch `epoch`'s checkpoint, relative to the run folder (as `checkpoint.json`
 * names it, with a forward slash on every system).
 *
 * @example
 * ```ts
 * checkpointFolderName(3); // "checkpoints/epoch-3"
 * ```
 */
export function checkpointFolderName(epoch: number): string {
  return `${RUN_FILES.checkpoints}/epoch-${epoch}`;
}

/** Files a format-2 checkpoint must list; `metrics.jsonl` is listed when it was saved too. */
const REQUIRED_FILES: Record<1 | 2, readonly string[]> = {
  1: [RUN_FILES.model, RUN_FILES.weights, RUN_FILES.optimizer, RUN_FILES.optimizerWeights],
  2: [
    RUN_FILES.model,
    RUN_FILES.weights,
    RUN_FILES.optimizer,
    RUN_FILES.optimizerWeights,
    RUN_FILES.config,
  ],
};

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return JSON.stringify(value);
}

/**
 * Checks parsed `checkpoint.json` content (see the module's format).
 *
 * @throws {CheckpointError} Naming `path`, the field that is wrong, and what to do.
 *
 * @example
 * ```ts
 * const manifest = parseCheckpointManifest(JSON.parse(text), "runs/x/checkpoint.json", "runs/x");
 * ```
 */
export function parseCheckpointManifest(
  value: unknown,
  path: string,
  directory: string,
): CheckpointManifest {
  const fail = (problem: string) =>
    new CheckpointError(directory, `${path} ${problem}. ${CHECKPOINT_ADVICE}`);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw fail(`holds ${describe(value)}; expected an object with "epoch" and "sha256"`);
  }
  const record = value as Record<string, unknown>;
  const format = record.format === undefined ? 1 : record.format;
  if (format !== 1 && format !== CHECKPOINT_FORMAT) {
    throw fail(
      `has format ${describe(format)}; this version reads formats 1 and ${CHECKPOINT_FORMAT}`,
    );
  }
  const epoch = record.epoch;
  if (typeof epoch !== "number" || !Number.isInteger(epoch) || epoch < 1) {
    throw fail(`has epoch ${describe(epoch)}; expected an integer >= 1`);
  }
  const sha256 = record.sha256;
  if (sha256 === null || typeof sha256 !== "object" || Array.isArray(sha256)) {
    throw fail(
      `has no "sha256" field (got ${describe(sha256)}), so the files of the ` +
        `checkpoint cannot be verified`,
    );
  }
  const checksums = sha256 as Record<string, unknown>;
  const missing = REQUIRED_FILES[format].filter((name) => checksums[name] === undefined);
  if (missing.length > 0) {
    throw fail(`lists no SHA-256 for ${missing.join(", ")}, so those files cannot be verified`);
  }
  for (const [name, digest] of Object.entries(checksums)) {
    if (typeof digest !== "string" || !/^[0-9a-f]{64}$/.test(digest)) {
      throw fail(`has ${describe(digest)} as the SHA-256 of ${name}; expected 64 hex digits`);
    }
  }
  let folder = ".";
  if (format === CHECKPOINT_FORMAT) {
    folder = checkpointFolderName(epoch);
    if (record.folder !== folder) {
      throw fail(`names the folder ${describe(record.folder)}; expected "${folder}"`);
    }
  }
  return { format, epoch, folder, sha256: checksums as Record<string, string> };
}

/**
 * Reads and checks `directory/checkpoint.json`, or undefined when the run has not completed an
 * epoch.
 *
 * @throws {CheckpointError} When the file exists but cannot be read, is not JSON, or is not a
 *   manifest (no `sha256`, a bad epoch or folder, ...).
 *
 * @example
 * ```ts
 * const manifest = await readCheckpointManifest("runs/cae"); // { format: 2, epoch: 3, ... }
 * ```
 */
export async function readCheckpointManifest(
  directory: string,
): Promise<CheckpointManifest | undefined> {
  const path = join(directory, RUN_FILES.checkpoint);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new CheckpointError(directory, `Cannot read ${path}: ${(error as Error).message}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(
      directory,
      `${path} is not valid JSON (${(error as Error).message}). ${CHECKPOINT_ADVICE}`,
    );
  }
  return parseCheckpointManifest(value, path, directory);
}

/**
 * The epochs a run folder completed: the `epoch` of its `checkpoint.json`, 0 without one.
 *
 * @throws {CheckpointError} When `checkpoint.json` exists but cannot be read or is not valid.
 *
 * @example
 * ```ts
 * if (await readCompletedEpochs("runs/cae") > 0) console.log("trained");
 * ```
 */
export async function readCompletedEpochs(directory: string): Promise<number> {
  return (await readCheckpointManifest(directory))?.epoch ?? 0;
}
