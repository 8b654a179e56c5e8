/**
 * The file operations a checkpoint is saved with, as one replaceable object: the real ones flush
 * every file and folder to the disk; a test passes its own to make the save fail after any one
 * operation, as a crash would (see `tests/training/run_folder/checkpoint_crash_test.ts`).
 *
 * @module
 */
import { syncDirectory, writeFileDurably } from "../../data/atomic_write.ts";

/**
 * What saving a checkpoint does to the file system, one step at a time.
 *
 * @example
 * ```ts
 * const logged: FileOperations = {
 *   ...DURABLE_FILE_OPERATIONS,
 *   rename: (from, to) => (console.log(from, "->", to), DURABLE_FILE_OPERATIONS.rename(from, to)),
 * };
 * ```
 */
export interface FileOperations {
  /** Creates or truncates `path`, writes `bytes` and flushes them to the disk. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Renames `from` to `to` (atomically, replacing a file at `to`). */
  rename(from: string, to: string): Promise<void>;
  /** Creates a folder and any missing parents; an existing one is fine. */
  makeDirectory(path: string): Promise<void>;
  /** Removes a file or a folder with everything in it; a missing one is fine. */
  remove(path: string): Promise<void>;
  /** Flushes a folder's entries (creations, renames, removals) to the disk. */
  syncDirectory(path: string): Promise<void>;
}

/**
 * The real file operations, each flushed to the disk before it returns.
 *
 * @example
 * ```ts
 * await DURABLE_FILE_OPERATIONS.writeFile("runs/x/a.bin", new Uint8Array([1, 2]));
 * ```
 */
export const DURABLE_FILE_OPERATIONS: FileOperations = Object.freeze({
  writeFile: writeFileDurably,
  rename: (from: string, to: string) => Deno.rename(from, to),
  makeDirectory: (path: string) => Deno.mkdir(path, { recursive: true }),
  async remove(path: string) {
    try {
      await Deno.remove(path, { recursive: true });
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  },
  syncDirectory,
});
