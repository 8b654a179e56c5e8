/**
 * Reading one IDX file from disk: plain or gzip-compressed, with optional
 * checksum verification.
 *
 * @module
 */

import { type FileChecksum, verifyChecksum } from "./checksums.ts";
import { FashionMnistError, REPAIR_ADVICE } from "./errors.ts";
import { gunzip, type IdxFile, parseIdx } from "./idx.ts";

/**
 * Options of {@link readIdxFile}.
 *
 * @example
 * ```ts
 * import { IDX_IMAGES_MAGIC, type ReadIdxFileOptions } from "./mod.ts";
 *
 * const options: ReadIdxFileOptions = { expectedMagic: IDX_IMAGES_MAGIC }; // no checksum: not verified
 * console.log(options);
 * ```
 */
export interface ReadIdxFileOptions {
  /** The magic number the file must have: `IDX_IMAGES_MAGIC` (2051) or `IDX_LABELS_MAGIC` (2049). */
  expectedMagic: number;
  /**
   * When given, the decompressed bytes must have exactly this length and SHA-256.
   * Leave it out to skip verification (for modified or synthetic files).
   */
  checksum?: FileChecksum;
}

/**
 * Reads an IDX file (decompressing it first when its name ends in `.gz`),
 * checks its header and length, verifies its checksum when one is given, and
 * returns the parsed file.
 *
 * The header and length are checked before the checksum, so a truncated file
 * is reported as truncated rather than as a checksum failure.
 *
 * @param path Path of the `.gz` or uncompressed IDX file.
 * @param options The expected magic number and, optionally, checksum.
 * @returns The parsed file; `data` is a view into the whole decompressed file.
 * @throws {FashionMnistError} When the file is missing, unreadable, not valid
 *   gzip, has the wrong magic number, is truncated, has extra bytes or fails
 *   its checksum.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_CHECKSUMS, IDX_LABELS_MAGIC, readIdxFile } from "./mod.ts";
 *
 * const labels = await readIdxFile("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz", {
 *   expectedMagic: IDX_LABELS_MAGIC,
 *   checksum: FASHION_MNIST_CHECKSUMS["t10k-labels-idx1-ubyte"],
 * });
 * console.log(labels.dims); // [10000]
 * ```
 */
export async function readIdxFile(path: string, options: ReadIdxFileOptions): Promise<IdxFile> {
  let fileBytes: Uint8Array;
  try {
    fileBytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new FashionMnistError(
        `Fashion-MNIST file ${path} does not exist: expected it to be there because its ` +
          `directory was chosen as the data source. Restore it or run again to re-download.`,
        path,
        { cause: error },
      );
    }
    throw new FashionMnistError(
      `Fashion-MNIST file ${path} could not be read (${describe(error)}): expected a readable ` +
        `file. Check its permissions and that the program runs with --allow-read. ` +
        REPAIR_ADVICE,
      path,
      { cause: error },
    );
  }
  const bytes = path.endsWith(".gz") ? await gunzip(fileBytes, path) : fileBytes;
  const parsed = parseIdx(bytes, path, options.expectedMagic);
  if (options.checksum) await verifyChecksum(bytes, options.checksum, path);
  return parsed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
