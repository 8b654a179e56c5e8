/**
 * Test helpers: crafting IDX and gzip bytes, and writing small fake
 * Fashion-MNIST directories into temporary folders.
 *
 * @module
 */

import { join } from "node:path";
import {
  type FashionMnistChecksums,
  type FashionMnistFileName,
  PIXELS_PER_IMAGE,
  sha256Hex,
} from "../../lib/data/mod.ts";

/**
 * IDX images bytes: magic 2051, `count` images of `rows` x `columns`, pixel
 * value `(image * 7 + pixel) % 256` so every image differs.
 *
 * @example
 * ```ts
 * const bytes = makeImagesIdx(3);
 * console.log(bytes.length); // 16 + 3 * 784
 * ```
 */
export function makeImagesIdx(count: number, rows = 28, columns = 28, magic = 2051): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * columns);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, count);
  view.setUint32(8, rows);
  view.setUint32(12, columns);
  for (let index = 16; index < bytes.length; index++) bytes[index] = (index * 7) % 256;
  return bytes;
}

/**
 * IDX labels bytes: magic 2049 and the given labels.
 *
 * @example
 * ```ts
 * console.log(makeLabelsIdx([9, 0]).length); // 10
 * ```
 */
export function makeLabelsIdx(labels: number[], magic = 2049): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, labels.length);
  bytes.set(labels, 8);
  return bytes;
}

/**
 * Gzip-compresses bytes with the platform CompressionStream.
 *
 * @example
 * ```ts
 * const compressed = await gzipBytes(new Uint8Array([1, 2, 3]));
 * console.log(compressed[0] === 0x1f); // true
 * ```
 */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The decompressed content of each of the four files of a fake dataset. */
export type FakeDataset = Record<FashionMnistFileName, Uint8Array>;

/**
 * A consistent fake dataset: `trainCount` and `testCount` images with labels
 * cycling 9, 0, 1, 2, …
 *
 * @example
 * ```ts
 * const files = makeFakeDataset(6, 4);
 * console.log(files["t10k-labels-idx1-ubyte"].length); // 12
 * ```
 */
export function makeFakeDataset(trainCount = 6, testCount = 4): FakeDataset {
  const labels = (count: number) => Array.from({ length: count }, (_, index) => (index + 9) % 10);
  return {
    "train-images-idx3-ubyte": makeImagesIdx(trainCount),
    "train-labels-idx1-ubyte": makeLabelsIdx(labels(trainCount)),
    "t10k-images-idx3-ubyte": makeImagesIdx(testCount),
    "t10k-labels-idx1-ubyte": makeLabelsIdx(labels(testCount)),
  };
}

/**
 * Checksums of a fake dataset, for injecting as the expected ones.
 *
 * @example
 * ```ts
 * const checksums = await checksumsOf(makeFakeDataset());
 * console.log(checksums["train-labels-idx1-ubyte"].bytes); // 14
 * ```
 */
export async function checksumsOf(files: FakeDataset): Promise<FashionMnistChecksums> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, bytes]) => [
      name,
      { bytes: bytes.length, sha256: await sha256Hex(bytes) },
    ]),
  );
  return Object.fromEntries(entries) as FashionMnistChecksums;
}

/**
 * Writes a fake dataset into a directory, gzipped (`NAME.gz`) or not (`NAME`).
 *
 * @example
 * ```ts
 * const directory = await Deno.makeTempDir();
 * await writeDataset(directory, makeFakeDataset(), { gzip: true });
 * ```
 */
export async function writeDataset(
  directory: string,
  files: Partial<FakeDataset>,
  options: { gzip: boolean },
): Promise<void> {
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(directory, options.gzip ? `${name}.gz` : name);
    await Deno.writeFile(path, options.gzip ? await gzipBytes(bytes) : bytes);
  }
}

/**
 * Runs `body` with a fresh temporary directory, removed afterwards.
 *
 * @example
 * ```ts
 * await withTempDir(async (directory) => console.log(directory));
 * ```
 */
export async function withTempDir<Result>(
  body: (directory: string) => Promise<Result>,
): Promise<Result> {
  const directory = await Deno.makeTempDir({ prefix: "fmnist-test-" });
  try {
    return await body(directory);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
}

/**
 * Calls `body` and returns the error it throws (failing when it does not throw).
 *
 * @example
 * ```ts
 * const error = await caught(() => Promise.reject(new Error("x")));
 * console.log(error.message); // "x"
 * ```
 */
export async function caught(body: () => unknown): Promise<Error> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error to be thrown, got ${String(error)}`);
  }
  throw new Error("expected an error to be thrown, but the call succeeded");
}

/**
 * Loader options that keep it away from real locations, the environment and the network.
 *
 * @example
 * ```ts
 * await loadFashionMnist({ ...isolated(), dir: "/tmp/fake" });
 * ```
 */
export function isolated(): { fallbackDirs: string[]; env: () => undefined; download: false } {
  return { fallbackDirs: [], env: () => undefined, download: false };
}

/**
 * Number of pixel bytes in `count` images.
 *
 * @example
 * ```ts
 * console.log(pixels(2)); // 1568
 * ```
 */
export function pixels(count: number): number {
  return count * PIXELS_PER_IMAGE;
}
