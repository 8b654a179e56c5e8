/**
 * Checks of the paths a command will write, made before any work starts: an output folder that is
 * an existing file, or an output file that is an existing folder, is a usage error (exit code 2)
 * instead of a failure after minutes of training.
 *
 * @module
 */
import { UsageError } from "./flags.ts";

/**
 * `Deno.stat` (which follows symbolic links), or undefined when nothing is there; other errors
 * (no permission) are thrown.
 *
 * @example
 * ```ts
 * const isFolder = (await statIfExists("runs/cae"))?.isDirectory ?? false;
 * ```
 */
export async function statIfExists(path: string): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Throws a {@link UsageError} when `path` (given with `flag`, e.g. `"--out"`) exists and is not a
 * folder. A folder that does not exist yet is fine: the command creates it.
 *
 * @example
 * ```ts
 * await checkOutputFolder("--out", "runs/cae"); // passes; "/etc/hostname" would throw
 * ```
 */
export async function checkOutputFolder(flag: string, path: string): Promise<void> {
  const info = await statIfExists(path);
  if (info !== undefined && !info.isDirectory) {
    throw new UsageError(
      `${flag} ${path} is a file, not a folder. Give a folder path (it is created if missing).`,
    );
  }
}

/**
 * Throws a {@link UsageError} when `path` (given with `flag`, e.g. `"--json"`) is an existing
 * folder: the command writes a file there.
 *
 * @example
 * ```ts
 * await checkOutputFile("--json", "runs/results.json"); // passes; "runs" would throw
 * ```
 */
export async function checkOutputFile(flag: string, path: string): Promise<void> {
  const info = await statIfExists(path);
  if (info?.isDirectory) {
    throw new UsageError(
      `${flag} ${path} is a folder; give the path of a file to write, e.g. ${path}/results.json.`,
    );
  }
}
