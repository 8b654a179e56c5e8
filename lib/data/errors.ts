/**
 * The error type for problems with Fashion-MNIST files: missing, truncated,
 * corrupt, wrong format or failed download.
 *
 * Bad arguments (a negative `limit`, an index out of range) are reported with
 * the standard `RangeError` / `TypeError` instead.
 *
 * @module
 */

/**
 * The advice appended to every "this file is bad" message.
 *
 * @example
 * ```ts
 * import { REPAIR_ADVICE } from "./errors.ts";
 *
 * console.log(`Fashion-MNIST file x.gz is empty. ${REPAIR_ADVICE}`);
 * ```
 */
export const REPAIR_ADVICE =
  "Delete it and run again to re-download, or install Debian's dataset-fashion-mnist " +
  "(apt-get install dataset-fashion-mnist).";

/**
 * A problem with a Fashion-MNIST file or with getting one.
 *
 * `path` names the file (or directory, or URL) the problem is about, so callers
 * can delete it or point the user to it without parsing the message.
 *
 * @example
 * ```ts
 * import { FashionMnistError, loadFashionMnist } from "./mod.ts";
 *
 * try {
 *   await loadFashionMnist({ download: false });
 * } catch (error) {
 *   if (error instanceof FashionMnistError) console.error(`${error.path}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class FashionMnistError extends Error {
  /** The file, directory or URL the problem is about. */
  readonly path: string;

  /**
   * @param message What was wrong, what was expected and what to do about it.
   * @param path The file, directory or URL the problem is about.
   * @param options Standard error options; pass `cause` to keep the underlying error.
   *
   * @example
   * ```ts
   * import { FashionMnistError } from "./errors.ts";
   *
   * const error = new FashionMnistError("Fashion-MNIST file x.gz is empty.", "/tmp/x.gz");
   * console.log(error.path); // "/tmp/x.gz"
   * ```
   */
  constructor(message: string, path: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "FashionMnistError";
    this.path = path;
  }
}
