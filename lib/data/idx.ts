/**
 * The IDX file format used by (Fashion-)MNIST, and gzip decompression.
 *
 * An IDX file is a 4-byte big-endian magic number (two zero bytes, a data type
 * byte — 0x08 for unsigned bytes — and the number of dimensions), one 4-byte
 * big-endian size per dimension, then the data in row-major order.
 *
 * @module
 */

import { FashionMnistError, REPAIR_ADVICE } from "./errors.ts";

/**
 * Magic number of an IDX file of unsigned bytes with 3 dimensions (images: count, rows, columns).
 *
 * @example
 * ```ts
 * import { IDX_IMAGES_MAGIC, parseIdx } from "./idx.ts";
 *
 * const parsed = parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28]), "empty", IDX_IMAGES_MAGIC);
 * console.log(parsed.dims); // [0, 28, 28]
 * ```
 */
export const IDX_IMAGES_MAGIC = 2051;

/**
 * Magic number of an IDX file of unsigned bytes with 1 dimension (labels: count).
 *
 * @example
 * ```ts
 * import { IDX_LABELS_MAGIC, parseIdx } from "./idx.ts";
 *
 * const parsed = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 9, 0]), "two labels", IDX_LABELS_MAGIC);
 * console.log(parsed.data); // Uint8Array [9, 0]
 * ```
 */
export const IDX_LABELS_MAGIC = 2049;

/**
 * A parsed IDX file.
 *
 * @example
 * ```ts
 * import { IDX_LABELS_MAGIC, type IdxFile, parseIdx } from "./idx.ts";
 *
 * const labels: IdxFile = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 7]), "one label", IDX_LABELS_MAGIC);
 * console.log(labels.magic, labels.dims, labels.data); // 2049 [1] Uint8Array [7]
 * ```
 */
export interface IdxFile {
  /** The magic number found in the header (equal to the expected one). */
  magic: number;
  /** The size of each dimension, outermost first. */
  dims: number[];
  /** The payload, row-major; a view into the bytes given to {@link parseIdx} (not a copy). */
  data: Uint8Array;
}

/**
 * Parses an IDX file of unsigned bytes and checks it thoroughly: the magic
 * number must be `expectedMagic` and the length must be exactly the header
 * plus the product of the dimensions.
 *
 * @param bytes The whole (decompressed) file.
 * @param name The file's path or name, used in error messages and as the error's `path`.
 * @param expectedMagic {@link IDX_IMAGES_MAGIC} (2051) or {@link IDX_LABELS_MAGIC} (2049).
 * @returns The magic number, the dimensions and a view of the payload.
 * @throws {FashionMnistError} When the magic number is wrong, or the file is truncated or too long.
 * @throws {RangeError} When `expectedMagic` is not a magic number of an unsigned-byte IDX file.
 *
 * @example
 * ```ts
 * import { IDX_LABELS_MAGIC, parseIdx } from "./idx.ts";
 *
 * const bytes = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 0]);
 * const labels = parseIdx(bytes, "labels.idx", IDX_LABELS_MAGIC);
 * console.log(labels.dims, labels.data); // [3] Uint8Array [9, 0, 0]
 * ```
 */
export function parseIdx(bytes: Uint8Array, name: string, expectedMagic: number): IdxFile {
  const expectedDimensionCount = expectedMagic - 0x0800;
  if (
    !Number.isInteger(expectedMagic) || expectedDimensionCount < 1 || expectedDimensionCount > 4
  ) {
    throw new RangeError(
      `parseIdx got expected magic number ${expectedMagic}: expected an unsigned-byte IDX magic ` +
        `number such as ${IDX_IMAGES_MAGIC} (images) or ${IDX_LABELS_MAGIC} (labels).`,
    );
  }
  const kind = describeMagic(expectedMagic);
  if (bytes.length < 4) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} is truncated: expected at least a 4-byte IDX header, ` +
        `got ${bytes.length} bytes. ${REPAIR_ADVICE}`,
      name,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} is not an IDX ${kind} file: expected magic number ` +
        `${expectedMagic}, got ${magic} (${describeMagic(magic)}). Check that the file has the ` +
        `right name (images and labels swapped?). ${REPAIR_ADVICE}`,
      name,
    );
  }
  const headerLength = 4 + 4 * expectedDimensionCount;
  if (bytes.length < headerLength) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} is truncated: expected a ${headerLength}-byte IDX header, ` +
        `got ${bytes.length} bytes. ${REPAIR_ADVICE}`,
      name,
    );
  }
  const dims: number[] = [];
  let payloadLength = 1;
  for (let dimension = 0; dimension < expectedDimensionCount; dimension++) {
    const size = view.getUint32(4 + 4 * dimension);
    dims.push(size);
    payloadLength *= size;
  }
  const expectedLength = headerLength + payloadLength;
  if (bytes.length < expectedLength) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} is truncated: expected ${expectedLength} bytes ` +
        `(header says ${dims.join("x")}), got ${bytes.length}. ${REPAIR_ADVICE}`,
      name,
    );
  }
  if (bytes.length > expectedLength) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} has ${bytes.length - expectedLength} extra bytes: expected ` +
        `${expectedLength} bytes (header says ${dims.join("x")}), got ${bytes.length}. ` +
        REPAIR_ADVICE,
      name,
    );
  }
  return { magic, dims, data: bytes.subarray(headerLength) };
}

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream("gzip")`.
 *
 * @param bytes The gzip file's bytes.
 * @param name The file's path or name, used in the error message and as the error's `path`.
 * @returns The decompressed bytes.
 * @throws {FashionMnistError} When the bytes are not valid, complete gzip data.
 *
 * @example
 * ```ts
 * import { gunzip } from "./idx.ts";
 *
 * const compressed = await new Response(
 *   new Blob([new Uint8Array([1, 2, 3])]).stream().pipeThrough(new CompressionStream("gzip")),
 * ).bytes();
 * console.log(await gunzip(compressed, "example.gz")); // Uint8Array [1, 2, 3]
 * ```
 */
export async function gunzip(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new FashionMnistError(
      `Fashion-MNIST file ${name} is corrupt: expected complete gzip data, but decompressing ` +
        `its ${bytes.length} bytes failed (${errorMessage(error)}). It may be a partial ` +
        `download or a damaged file. ${REPAIR_ADVICE}`,
      name,
      { cause: error },
    );
  }
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return "images";
  if (magic === IDX_LABELS_MAGIC) return "labels";
  return "not a Fashion-MNIST IDX file";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
