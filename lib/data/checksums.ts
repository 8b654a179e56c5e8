/**
 * The four Fashion-MNIST files, their decompressed sizes and SHA-256 digests,
 * and checksum helpers.
 *
 * Checksums are of the DECOMPRESSED bytes: the gzip headers of different
 * distributions (upstream, Debian's dataset-fashion-mnist, mirrors) differ,
 * but the IDX content is identical.
 *
 * @module
 */

import { FashionMnistError, REPAIR_ADVICE } from "./errors.ts";

/**
 * The base name of a Fashion-MNIST file, without `.gz`.
 *
 * @example
 * ```ts
 * import type { FashionMnistFileName } from "./checksums.ts";
 *
 * const name: FashionMnistFileName = "t10k-labels-idx1-ubyte";
 * console.log(`${name}.gz`);
 * ```
 */
export type FashionMnistFileName =
  | "train-images-idx3-ubyte"
  | "train-labels-idx1-ubyte"
  | "t10k-images-idx3-ubyte"
  | "t10k-labels-idx1-ubyte";

/**
 * The four Fashion-MNIST file base names, in download order.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_FILE_NAMES } from "./checksums.ts";
 *
 * for (const name of FASHION_MNIST_FILE_NAMES) console.log(`${name}.gz`);
 * ```
 */
export const FASHION_MNIST_FILE_NAMES: readonly FashionMnistFileName[] = Object.freeze([
  "train-images-idx3-ubyte",
  "train-labels-idx1-ubyte",
  "t10k-images-idx3-ubyte",
  "t10k-labels-idx1-ubyte",
]);

/**
 * The expected length and SHA-256 (lowercase hex) of a decompressed file.
 *
 * @example
 * ```ts
 * import type { FileChecksum } from "./checksums.ts";
 *
 * const checksum: FileChecksum = { bytes: 3, sha256: "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81" };
 * console.log(checksum.bytes);
 * ```
 */
export interface FileChecksum {
  /** Length of the decompressed file in bytes. */
  readonly bytes: number;
  /** SHA-256 of the decompressed file, lowercase hex. */
  readonly sha256: string;
}

/**
 * Expected checksums for each of the four files (see {@link FASHION_MNIST_CHECKSUMS}).
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_CHECKSUMS, type FashionMnistChecksums } from "./checksums.ts";
 *
 * const checksums: FashionMnistChecksums = FASHION_MNIST_CHECKSUMS;
 * console.log(checksums["t10k-labels-idx1-ubyte"].bytes); // 10008
 * ```
 */
export type FashionMnistChecksums = Readonly<Record<FashionMnistFileName, FileChecksum>>;

/**
 * Sizes and SHA-256 digests of the original, decompressed Fashion-MNIST files.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_CHECKSUMS } from "./checksums.ts";
 *
 * console.log(FASHION_MNIST_CHECKSUMS["train-images-idx3-ubyte"].bytes); // 47040016
 * ```
 */
export const FASHION_MNIST_CHECKSUMS: FashionMnistChecksums = Object.freeze({
  "train-images-idx3-ubyte": Object.freeze({
    bytes: 47040016,
    sha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
  }),
  "train-labels-idx1-ubyte": Object.freeze({
    bytes: 60008,
    sha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
  }),
  "t10k-images-idx3-ubyte": Object.freeze({
    bytes: 7840016,
    sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
  }),
  "t10k-labels-idx1-ubyte": Object.freeze({
    bytes: 10008,
    sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
  }),
});

/**
 * SHA-256 of some bytes, as lowercase hex (64 characters), via `crypto.subtle`.
 *
 * @param bytes The bytes to hash.
 * @returns The digest as lowercase hex.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "./checksums.ts";
 *
 * console.log(await sha256Hex(new TextEncoder().encode("abc")));
 * // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Checks that decompressed file bytes have the expected length and SHA-256.
 *
 * @param bytes The decompressed file.
 * @param expected The expected length and digest.
 * @param path The file's path, used in the error message and as the error's `path`.
 * @throws {FashionMnistError} When the length or the digest differs.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_CHECKSUMS, verifyChecksum } from "./checksums.ts";
 *
 * const bytes = new TextEncoder().encode("abc");
 * const expected = { bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" };
 * await verifyChecksum(bytes, expected, "abc.txt"); // passes; a changed byte would throw
 * console.log(FASHION_MNIST_CHECKSUMS["t10k-labels-idx1-ubyte"].sha256);
 * ```
 */
export async function verifyChecksum(
  bytes: Uint8Array,
  expected: FileChecksum,
  path: string,
): Promise<void> {
  if (bytes.length !== expected.bytes) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${path} is not the original: expected ${expected.bytes} bytes ` +
        `(decompressed), got ${bytes.length}. ${REPAIR_ADVICE} To use a modified copy on ` +
        `purpose, pass verifyChecksums: false.`,
      path,
    );
  }
  const actual = await sha256Hex(bytes);
  if (actual !== expected.sha256.toLowerCase()) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${path} failed its checksum: expected SHA-256 ${expected.sha256} ` +
        `(of the decompressed bytes), got ${actual}. The file is corrupt or not the original. ` +
        `${REPAIR_ADVICE} To use a modified copy on purpose, pass verifyChecksums: false.`,
      path,
    );
  }
}
