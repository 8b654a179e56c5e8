/**
 * Reading the optional files of a run folder: a missing file is `undefined`, anything else that
 * goes wrong is a {@link RunFolderError} naming the file.
 *
 * @module
 */
import { parseJsonText, RunFolderError } from "./json_checks.ts";

/**
 * The text of `path`, or undefined when there is no such file.
 *
 * @throws {RunFolderError} When the file exists but cannot be read (a folder, no permission).
 *
 * @example
 * ```ts
 * const text = await readOptionalText("runs/cae/config.json");
 * ```
 */
export async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new RunFolderError(`Cannot read ${path}: ${(error as Error).message}.`);
  }
}

/**
 * The parsed JSON of `path`, or undefined when there is no such file.
 *
 * @throws {RunFolderError} When the file cannot be read or is not valid JSON.
 *
 * @example
 * ```ts
 * const manifest = await readOptionalJson("runs/cae/checkpoint.json");
 * ```
 */
export async function readOptionalJson(path: string): Promise<unknown> {
  const text = await readOptionalText(path);
  return text === undefined ? undefined : parseJsonText(text, path);
}
