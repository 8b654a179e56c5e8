/**
 * Loading Fashion-MNIST: find the files (or download them), verify, parse and
 * return a {@link FashionMnist}.
 *
 * @module
 */

import {
  FASHION_MNIST_CHECKSUMS,
  type FashionMnistChecksums,
  type FashionMnistFileName,
} from "./checksums.ts";
import { FASHION_MNIST_CLASS_NAMES, IMAGE_SIZE, PIXELS_PER_IMAGE } from "./constants.ts";
import { FashionMnist, type FashionMnistSplit, type FashionMnistSplitName } from "./dataset.ts";
import { downloadFashionMnist, type DownloadProgress } from "./download.ts";
import { FashionMnistError, REPAIR_ADVICE } from "./errors.ts";
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from "./idx.ts";
import { readIdxFile } from "./idx_file.ts";
import {
  describeDirectoryContents,
  type DirectoryContents,
  FASHION_MNIST_DIRECTORY_VARIABLE,
  findFilesInDirectory,
  projectDataDirectory,
  searchLocations,
} from "./locate.ts";

/**
 * Progress while loading: download progress, or a file being read.
 *
 * @example
 * ```ts
 * import { type FashionMnistProgress, loadFashionMnist } from "./mod.ts";
 *
 * const log = (progress: FashionMnistProgress) =>
 *   console.log(progress.stage === "download" ? `${progress.receivedBytes} bytes` : progress.path);
 * await loadFashionMnist({ limit: 10, onProgress: log });
 * ```
 */
export type FashionMnistProgress =
  | ({ stage: "download" } & DownloadProgress)
  | { stage: "read"; fileName: string; path: string };

/**
 * Options of {@link loadFashionMnist}.
 *
 * @example
 * ```ts
 * import { loadFashionMnist, type LoadFashionMnistOptions } from "./mod.ts";
 *
 * const quick: LoadFashionMnistOptions = { limit: 500, download: false };
 * console.log((await loadFashionMnist(quick)).train.count); // 500
 * ```
 */
export interface LoadFashionMnistOptions {
  /** A directory to search first; when left out, `FASHION_MNIST_DIR` is used if set. */
  dir?: string;
  /** Keep only the first `limit` images of each split (a positive integer). */
  limit?: number;
  /** Download the files when they are found nowhere; default true. */
  download?: boolean;
  /** Check decompressed sizes and SHA-256 digests; default true. */
  verifyChecksums?: boolean;
  /** Called while downloading and reading. */
  onProgress?: (progress: FashionMnistProgress) => void;
  /** Expected checksums; defaults to the real ones. Tests inject their own. */
  checksums?: FashionMnistChecksums;
  /** Environment reader; defaults to `Deno.env.get` when env access is granted. */
  env?: (name: string) => string | undefined;
  /**
   * Searched when neither `dir` nor `FASHION_MNIST_DIR` is given; defaults to the project data
   * directory, then Debian's.
   */
  fallbackDirs?: readonly string[];
  /** Where downloads go; defaults to the project's `data/fashion-mnist/`. */
  downloadDir?: string;
  /** Download base URLs; defaults to the official host, then the Keras mirror. */
  downloadUrls?: readonly string[];
  /** The fetch function used to download; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Loads Fashion-MNIST from the `dir` option, else `FASHION_MNIST_DIR` — a place
 * named explicitly is the only one used, and one that lacks a file is an error —
 * else from the first place that has all four files: the project's
 * `data/fashion-mnist/`, Debian's `/usr/share/datasets/fashion-mnist/`;
 * otherwise downloads them into `data/fashion-mnist/` (unless `download: false`).
 *
 * Checksums are verified on the whole file before `limit` slices it.
 *
 * @param options Where to look, how many images to keep, verification, progress.
 * @returns The dataset, with raw bytes per split and float accessors.
 * @throws {FashionMnistError} When the files are found nowhere and cannot be
 *   downloaded (the message lists every place looked), an explicit place lacks
 *   a file, a place cannot be read, or a file is bad.
 * @throws {RangeError} When `limit` is not a positive integer.
 *
 * @example
 * ```ts
 * import { loadFashionMnist } from "./mod.ts";
 *
 * const fashion = await loadFashionMnist({ limit: 1000 });
 * console.log(fashion.info()); // { train: { count: 1000, shape: [1000, 28, 28, 1] }, ... }
 * ```
 */
export async function loadFashionMnist(
  options: LoadFashionMnistOptions = {},
): Promise<FashionMnist> {
  const limit = checkLimit(options.limit);
  const checksums = options.checksums ?? FASHION_MNIST_CHECKSUMS;
  const { directory, paths } = await locateOrDownload(options);
  const readOptions = {
    checksums: options.verifyChecksums === false ? undefined : checksums,
    limit,
    onProgress: options.onProgress,
  };
  const [train, test] = await Promise.all([
    readSplit("train", paths, readOptions),
    readSplit("test", paths, readOptions),
  ]);
  return new FashionMnist({ train, test, source: directory });
}

/** Reads, checks and (with a limit) slices one split's images and labels files. */
async function readSplit(
  splitName: FashionMnistSplitName,
  paths: Partial<Record<FashionMnistFileName, string>>,
  options: {
    checksums: FashionMnistChecksums | undefined;
    limit: number | undefined;
    onProgress: LoadFashionMnistOptions["onProgress"];
  },
): Promise<FashionMnistSplit> {
  const prefix = splitName === "train" ? "train" : "t10k";
  const images: FashionMnistFileName = `${prefix}-images-idx3-ubyte`;
  const labels: FashionMnistFileName = `${prefix}-labels-idx1-ubyte`;
  const imagesPath = paths[images]!;
  const labelsPath = paths[labels]!;
  options.onProgress?.({ stage: "read", fileName: images, path: imagesPath });
  options.onProgress?.({ stage: "read", fileName: labels, path: labelsPath });
  const [imagesFile, labelsFile] = await Promise.all([
    readIdxFile(imagesPath, {
      expectedMagic: IDX_IMAGES_MAGIC,
      checksum: options.checksums?.[images],
    }),
    readIdxFile(labelsPath, {
      expectedMagic: IDX_LABELS_MAGIC,
      checksum: options.checksums?.[labels],
    }),
  ]);
  const [count, rows, columns] = imagesFile.dims;
  if (rows !== IMAGE_SIZE || columns !== IMAGE_SIZE) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${imagesPath} has ${rows}x${columns} images: expected ` +
        `${IMAGE_SIZE}x${IMAGE_SIZE}. It is not a Fashion-MNIST file. ${REPAIR_ADVICE}`,
      imagesPath,
    );
  }
  if (labelsFile.dims[0] !== count) {
    throw new FashionMnistError(
      `Fashion-MNIST files ${imagesPath} and ${labelsPath} disagree: expected one label per ` +
        `image, got ${count} images and ${labelsFile.dims[0]} labels. One of them is from a ` +
        `different copy of the dataset. ${REPAIR_ADVICE}`,
      labelsPath,
    );
  }
  checkLabels(labelsFile.data, labelsPath);
  const kept = Math.min(count, options.limit ?? count);
  if (kept === count) return { images: imagesFile.data, labels: labelsFile.data, count };
  // slice (a copy), so the full decompressed file can be freed.
  return {
    images: imagesFile.data.slice(0, kept * PIXELS_PER_IMAGE),
    labels: labelsFile.data.slice(0, kept),
    count: kept,
  };
}

async function locateOrDownload(
  options: LoadFashionMnistOptions,
): Promise<{ directory: string; paths: Partial<Record<FashionMnistFileName, string>> }> {
  const looked: string[] = [];
  for (const { directory, origin, explicit } of searchLocations(options)) {
    const contents = await findFilesInDirectory(directory);
    if (contents.missing.length === 0) return { directory, paths: contents.found };
    if (explicit) throw explicitLocationError(contents, origin);
    looked.push(describeDirectoryContents(contents, origin));
  }
  const downloadDir = options.downloadDir ?? projectDataDirectory();
  if (options.download === false) {
    throw notFoundError(looked, "downloading is off (download: false)", downloadDir);
  }
  // Keep what a previous, interrupted download already verified and renamed into place.
  const existing: DirectoryContents = await findFilesInDirectory(downloadDir);
  try {
    const downloaded = await downloadFashionMnist({
      directory: downloadDir,
      fileNames: existing.missing,
      baseUrls: options.downloadUrls,
      fetch: options.fetch,
      checksums: options.checksums,
      onProgress: options.onProgress &&
        ((progress) => options.onProgress!({ stage: "download", ...progress })),
    });
    return { directory: downloadDir, paths: { ...existing.found, ...downloaded } };
  } catch (error) {
    if (!(error instanceof FashionMnistError)) throw error;
    throw notFoundError(looked, `downloading failed: ${error.message}`, downloadDir, error);
  }
}

/** A place the caller named that lacks files: no fallback, no download, say what to do. */
function explicitLocationError(contents: DirectoryContents, origin: string): FashionMnistError {
  const named = origin === FASHION_MNIST_DIRECTORY_VARIABLE
    ? `${FASHION_MNIST_DIRECTORY_VARIABLE}=${contents.directory}`
    : `The dir option ${contents.directory}`;
  const what = !contents.exists
    ? "is not a directory that exists"
    : `lacks ${contents.missing.map((name) => `${name}[.gz]`).join(", ")}`;
  const instead = origin === FASHION_MNIST_DIRECTORY_VARIABLE
    ? `or unset ${FASHION_MNIST_DIRECTORY_VARIABLE} to use the usual places (data/fashion-mnist/, ` +
      `Debian's /usr/share/datasets/fashion-mnist/, else a download)`
    : "or leave dir out to use the usual places";
  return new FashionMnistError(
    `${named} ${what}: an explicit Fashion-MNIST location is used as it is, never replaced by ` +
      `another. Put the four files train-images-idx3-ubyte, train-labels-idx1-ubyte, ` +
      `t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each optionally .gz) there, ${instead}.`,
    contents.directory,
  );
}

function notFoundError(
  looked: string[],
  downloadOutcome: string,
  downloadDir: string,
  cause?: unknown,
): FashionMnistError {
  return new FashionMnistError(
    `Fashion-MNIST files not found: expected train-images-idx3-ubyte, ` +
      `train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each ` +
      `optionally .gz) together in one directory. Looked in:\n  ` +
      `${looked.length > 0 ? looked.join("\n  ") : "(no directories)"}\n` +
      `and ${downloadOutcome}\nTo get the files: apt-get install dataset-fashion-mnist; or ` +
      `put them in a directory and set ${FASHION_MNIST_DIRECTORY_VARIABLE} (or pass dir); or ` +
      `allow network access (--allow-net, download: true) to download them into ${downloadDir}.`,
    downloadDir,
    { cause },
  );
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== "number") {
    throw new TypeError(`limit must be a number, got ${typeof limit}. Pass e.g. { limit: 1000 }.`);
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(
      `limit must be a positive integer, got ${limit}. Pass e.g. { limit: 1000 } to keep the ` +
        `first 1000 images of each split, or leave limit out to keep all.`,
    );
  }
  return limit;
}

function checkLabels(labels: Uint8Array, path: string): void {
  const classCount = FASHION_MNIST_CLASS_NAMES.length;
  for (let index = 0; index < labels.length; index++) {
    if (labels[index] >= classCount) {
      throw new FashionMnistError(
        `Fashion-MNIST file ${path} has label ${labels[index]} at index ${index}: expected ` +
          `labels 0 to ${classCount - 1}. ${REPAIR_ADVICE}`,
        path,
      );
    }
  }
}
