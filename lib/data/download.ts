/**
 * Downloading the Fashion-MNIST `.gz` files, verified and written atomically.
 *
 * Each file is fetched into memory (the largest is 26 MB), decompressed and
 * checked against its expected length and SHA-256, written to a temporary
 * name in the target directory and only then renamed into place, so a failed
 * or interrupted download never leaves a partial or wrong file behind.
 *
 * @module
 */

import { join } from "node:path";
import { writeFileAtomically } from "./atomic_write.ts";
import {
  FASHION_MNIST_CHECKSUMS,
  FASHION_MNIST_FILE_NAMES,
  type FashionMnistChecksums,
  type FashionMnistFileName,
  verifyChecksum,
} from "./checksums.ts";
import { FashionMnistError } from "./errors.ts";
import { gunzip } from "./idx.ts";

/**
 * Where the files are downloaded from, tried in order for each file. The
 * first is the official host named in the Fashion-MNIST README; it is an S3
 * *website* endpoint, which only serves plain HTTP, so integrity comes from
 * the SHA-256 check, not from TLS. The second is the mirror used by
 * `tf.keras.datasets.fashion_mnist`.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_DOWNLOAD_URLS } from "./download.ts";
 *
 * console.log(`${FASHION_MNIST_DOWNLOAD_URLS[0]}train-images-idx3-ubyte.gz`);
 * ```
 */
export const FASHION_MNIST_DOWNLOAD_URLS: readonly string[] = Object.freeze([
  "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
  "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
]);

/**
 * Progress of one file's download, reported as bytes arrive.
 *
 * @example
 * ```ts
 * import type { DownloadProgress } from "./download.ts";
 *
 * const report = ({ fileName, receivedBytes, totalBytes }: DownloadProgress) =>
 *   console.log(`${fileName}: ${Math.round((100 * receivedBytes) / (totalBytes ?? Infinity))}%`);
 * report({ fileName: "t10k-labels-idx1-ubyte.gz", url: "", receivedBytes: 5125, totalBytes: 5125 });
 * ```
 */
export interface DownloadProgress {
  /** The file being downloaded, e.g. `train-images-idx3-ubyte.gz`. */
  fileName: string;
  /** The URL being fetched. */
  url: string;
  /** Compressed bytes received so far. */
  receivedBytes: number;
  /** Compressed size from `Content-Length`, when the server sent one. */
  totalBytes: number | undefined;
}

/**
 * Options of {@link downloadFashionMnist}.
 *
 * @example
 * ```ts
 * import type { DownloadFashionMnistOptions } from "./download.ts";
 *
 * const options: DownloadFashionMnistOptions = {
 *   directory: "/tmp/fashion-mnist",
 *   fileNames: ["t10k-labels-idx1-ubyte"],
 * };
 * console.log(options);
 * ```
 */
export interface DownloadFashionMnistOptions {
  /** The directory to write the `.gz` files into; created when missing. */
  directory: string;
  /** Which files to download; defaults to all four. */
  fileNames?: readonly FashionMnistFileName[];
  /** Base URLs (ending in `/`) tried in order; defaults to {@link FASHION_MNIST_DOWNLOAD_URLS}. */
  baseUrls?: readonly string[];
  /** The fetch function; defaults to the global `fetch`. Inject one for tests. */
  fetch?: typeof fetch;
  /** Expected decompressed sizes and digests; defaults to the real ones. */
  checksums?: FashionMnistChecksums;
  /** Called as bytes arrive. */
  onProgress?: (progress: DownloadProgress) => void;
}

/**
 * Downloads Fashion-MNIST `.gz` files into a directory. Every file is verified
 * (decompressed length and SHA-256) before it is renamed into place; a file
 * that fails on one URL is tried on the next.
 *
 * @param options Target directory, and optionally files, URLs, fetch, checksums, progress.
 * @returns The path of each downloaded file (`NAME.gz`, or `NAME` when the server
 *   sent it with `Content-Encoding: gzip` and fetch already decompressed it).
 * @throws {FashionMnistError} When a file could not be fetched and verified
 *   from any URL; the message lists each attempt. Nothing is left behind.
 *
 * @example
 * ```ts ignore
 * import { downloadFashionMnist } from "./download.ts";
 *
 * const paths = await downloadFashionMnist({
 *   directory: "data/fashion-mnist",
 *   onProgress: ({ fileName, receivedBytes, totalBytes }) =>
 *     console.log(`${fileName}: ${receivedBytes} / ${totalBytes ?? "?"} bytes`),
 * });
 * console.log(paths["train-images-idx3-ubyte"]);
 * ```
 */
export async function downloadFashionMnist(
  options: DownloadFashionMnistOptions,
): Promise<Partial<Record<FashionMnistFileName, string>>> {
  const fileNames = options.fileNames ?? FASHION_MNIST_FILE_NAMES;
  const baseUrls = options.baseUrls ?? FASHION_MNIST_DOWNLOAD_URLS;
  if (baseUrls.length === 0) {
    throw new TypeError(
      "downloadFashionMnist got no base URLs: expected at least one, e.g. " +
        `${FASHION_MNIST_DOWNLOAD_URLS[0]}. Leave baseUrls out to use the defaults.`,
    );
  }
  await Deno.mkdir(options.directory, { recursive: true });
  const paths: Partial<Record<FashionMnistFileName, string>> = {};
  for (const name of fileNames) {
    paths[name] = await downloadOneFile(name, baseUrls, options);
  }
  return paths;
}

async function downloadOneFile(
  name: FashionMnistFileName,
  baseUrls: readonly string[],
  options: DownloadFashionMnistOptions,
): Promise<string> {
  const fileName = `${name}.gz`;
  const destination = join(options.directory, fileName);
  const checksum = (options.checksums ?? FASHION_MNIST_CHECKSUMS)[name];
  const failures: string[] = [];
  for (const baseUrl of baseUrls) {
    const url = new URL(fileName, baseUrl).href;
    try {
      const received = await fetchBytes(url, fileName, options);
      // A server sending `Content-Encoding: gzip` makes fetch decompress for us.
      const isGzip = received[0] === 0x1f && received[1] === 0x8b;
      await verifyChecksum(isGzip ? await gunzip(received, url) : received, checksum, url);
      const path = isGzip ? destination : join(options.directory, name);
      await writeFileAtomically(path, received);
      return path;
    } catch (error) {
      failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new FashionMnistError(
    `Could not download Fashion-MNIST file ${fileName} into ${options.directory}: expected ` +
      `a verified copy from one of ${baseUrls.length} URL(s), but every attempt failed:\n  ` +
      `${failures.join("\n  ")}\nCheck the network (and --allow-net), or install Debian's ` +
      `dataset-fashion-mnist, or put the files in a directory and set FASHION_MNIST_DIR.`,
    destination,
  );
}

async function fetchBytes(
  url: string,
  fileName: string,
  options: DownloadFashionMnistOptions,
): Promise<Uint8Array> {
  const fetchFunction = options.fetch ?? fetch;
  const response = await fetchFunction(url);
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  const lengthHeader = response.headers.get("content-length");
  const totalBytes = lengthHeader === null ? undefined : Number(lengthHeader);
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  options.onProgress?.({ fileName, url, receivedBytes, totalBytes });
  for await (const chunk of response.body) {
    chunks.push(chunk);
    receivedBytes += chunk.length;
    options.onProgress?.({ fileName, url, receivedBytes, totalBytes });
  }
  const decodedByFetch = response.headers.has("content-encoding");
  if (totalBytes !== undefined && !decodedByFetch && receivedBytes !== totalBytes) {
    throw new Error(`connection ended early: expected ${totalBytes} bytes, got ${receivedBytes}`);
  }
  const bytes = new Uint8Array(receivedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
