/**
 * Reading a committed checkpoint's files with their SHA-256 checked against `checkpoint.json`, so
 * that a file changed or cut after it was saved is reported (naming it) instead of used. Needs no
 * TensorFlow.js.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import {
  CHECKPOINT_ADVICE,
  CheckpointError,
  type CheckpointManifest,
  readCheckpointManifest,
} from "./manifest.ts";
import { RUN_FILES } from "./files.ts";

/**
 * SHA-256 of `bytes` as lowercase hex.
 *
 * @example
 * ```ts
 * sha256Hex(new TextEncoder().encode("abc")); // "ba7816bf…"
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The path of a checkpoint file `name` of the checkpoint `manifest` describes.
 *
 * @example
 * ```ts
 * checkpointFilePath("runs/x", manifest, "weights.bin"); // "runs/x/checkpoints/epoch-3/weights.bin"
 * ```
 */
export function checkpointFilePath(
  directory: string,
  manifest: CheckpointManifest,
  name: string,
): string {
  return join(directory, manifest.folder, name);
}

/**
 * The bytes of checkpoint file `name`, after checking them against the SHA-256 that
 * `checkpoint.json` lists for it.
 *
 * @throws {CheckpointError} When the file is missing or unreadable, is not listed, or differs
 *   from what was saved; the message names the file and says what to do.
 *
 * @example
 * ```ts
 * const weights = await readVerifiedFile("runs/x", manifest, "weights.bin");
 * ```
 */
export async function readVerifiedFile(
  directory: string,
  manifest: CheckpointManifest,
  name: string,
): Promise<Uint8Array> {
  const path = checkpointFilePath(directory, manifest, name);
  const expected = manifest.sha256[name];
  if (expected === undefined) {
    throw new CheckpointError(
      directory,
      `${join(directory, RUN_FILES.checkpoint)} lists no SHA-256 for ${name}, so ${path} ` +
        `cannot be verified. ${CHECKPOINT_ADVICE}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    throw new CheckpointError(
      directory,
      `Cannot read ${path} (${(error as Error).message}), a file of the checkpoint of epoch ` +
        `${manifest.epoch}. ${CHECKPOINT_ADVICE}`,
    );
  }
  if (sha256Hex(bytes) !== expected) {
    throw new CheckpointError(
      directory,
      `${path} does not match its SHA-256 in ${join(directory, RUN_FILES.checkpoint)}: the ` +
        `file changed after the checkpoint of epoch ${manifest.epoch} was saved (edited, cut or ` +
        `damaged on disk). ${CHECKPOINT_ADVICE}`,
    );
  }
  return bytes;
}

/**
 * Runs `read` on the committed checkpoint (undefined when there is none). A run that is training
 * commits newer checkpoints and removes older folders; when that happens while `read` runs, it
 * fails, and it is run again on the newer checkpoint (up to three times). A failure with no new
 * commit is a real one and is thrown.
 *
 * @example
 * ```ts
 * const epoch = await withCommittedCheckpoint("runs/cae", (manifest) =>
 *   Promise.resolve(manifest?.epoch ?? 0)
 * );
 * ```
 */
export async function withCommittedCheckpoint<T>(
  directory: string,
  read: (manifest: CheckpointManifest | undefined) => Promise<T>,
): Promise<T> {
  for (let attempt = 1;; attempt++) {
    const manifest = await readCheckpointManifest(directory);
    try {
      return await read(manifest);
    } catch (error) {
      const now = await readCheckpointManifest(directory).catch(() => manifest);
      if (attempt >= 3 || now?.epoch === manifest?.epoch) throw error;
    }
  }
}
