import assert from "node:assert/strict";
import {
  FashionMnistError,
  gunzip,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  parseIdx,
} from "../../lib/data/mod.ts";
import { caught, gzipBytes, makeImagesIdx, makeLabelsIdx } from "./helpers.ts";

Deno.test("parseIdx reads the magic number, dimensions and data of an images file", () => {
  const bytes = makeImagesIdx(2);
  const parsed = parseIdx(bytes, "images", IDX_IMAGES_MAGIC);
  assert.equal(parsed.magic, 2051);
  assert.deepEqual(parsed.dims, [2, 28, 28]);
  assert.equal(parsed.data.length, 2 * 784);
  assert.deepEqual(parsed.data, bytes.subarray(16));
});

Deno.test("parseIdx reads a labels file", () => {
  const parsed = parseIdx(makeLabelsIdx([9, 0, 3]), "labels", IDX_LABELS_MAGIC);
  assert.equal(parsed.magic, 2049);
  assert.deepEqual(parsed.dims, [3]);
  assert.deepEqual(parsed.data, new Uint8Array([9, 0, 3]));
});

Deno.test("parseIdx accepts an empty but well-formed file", () => {
  assert.deepEqual(parseIdx(makeImagesIdx(0), "empty", IDX_IMAGES_MAGIC).dims, [0, 28, 28]);
});

Deno.test("parseIdx rejects a truncated images file with the expected and actual length", async () => {
  const bytes = makeImagesIdx(10000).subarray(0, 1234);
  const error = await caught(() => parseIdx(bytes, "t10k-images-idx3-ubyte.gz", IDX_IMAGES_MAGIC));
  assert.ok(error instanceof FashionMnistError);
  assert.equal(error.path, "t10k-images-idx3-ubyte.gz");
  assert.match(error.message, /t10k-images-idx3-ubyte\.gz is truncated/);
  assert.match(error.message, /expected 7840016 bytes/);
  assert.match(error.message, /got 1234/);
  assert.match(error.message, /Delete it and run again to re-download/);
  assert.match(error.message, /dataset-fashion-mnist/);
});

Deno.test("parseIdx rejects a file shorter than its header as truncated", async () => {
  for (const length of [0, 3, 10]) {
    const bytes = makeImagesIdx(1).subarray(0, length);
    const error = await caught(() => parseIdx(bytes, "short", IDX_IMAGES_MAGIC));
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /truncated/);
    assert.match(error.message, new RegExp(`got ${length} bytes`));
  }
});

Deno.test("parseIdx rejects a file with extra bytes, saying how many", async () => {
  const original = makeLabelsIdx([1, 2, 3]);
  const padded = new Uint8Array(original.length + 5);
  padded.set(original);
  const error = await caught(() => parseIdx(padded, "labels.idx", IDX_LABELS_MAGIC));
  assert.ok(error instanceof FashionMnistError);
  assert.match(error.message, /labels\.idx has 5 extra bytes/);
  assert.match(error.message, /expected 11 bytes/);
  assert.match(error.message, /got 16/);
});

Deno.test("parseIdx rejects a labels file where an images file was expected, naming both magic numbers", async () => {
  const error = await caught(() => parseIdx(makeLabelsIdx([1]), "images.idx", IDX_IMAGES_MAGIC));
  assert.ok(error instanceof FashionMnistError);
  assert.match(error.message, /not an IDX images file/);
  assert.match(error.message, /expected magic number 2051, got 2049 \(labels\)/);
});

Deno.test("parseIdx rejects an unknown magic number", async () => {
  const bytes = makeImagesIdx(1, 28, 28, 0x12345678);
  const error = await caught(() => parseIdx(bytes, "x", IDX_IMAGES_MAGIC));
  assert.ok(error instanceof FashionMnistError);
  assert.match(error.message, /got 305419896 \(not a Fashion-MNIST IDX file\)/);
});

Deno.test("parseIdx rejects an expected magic number that is not an unsigned-byte IDX one with a RangeError", () => {
  assert.throws(() => parseIdx(makeLabelsIdx([1]), "x", 1234), RangeError);
});

Deno.test("parseIdx returns a view of the data, not a copy", () => {
  const bytes = makeLabelsIdx([4, 5]);
  const parsed = parseIdx(bytes, "labels", IDX_LABELS_MAGIC);
  assert.equal(parsed.data.buffer, bytes.buffer);
});

Deno.test("gunzip restores what CompressionStream compressed", async () => {
  const original = makeImagesIdx(3);
  assert.deepEqual(await gunzip(await gzipBytes(original), "x.gz"), original);
});

Deno.test("gunzip rejects corrupt gzip data with an error naming the file", async () => {
  const error = await caught(() => gunzip(new TextEncoder().encode("not gzip at all"), "bad.gz"));
  assert.ok(error instanceof FashionMnistError);
  assert.equal(error.path, "bad.gz");
  assert.match(error.message, /bad\.gz is corrupt: expected complete gzip data/);
  assert.ok(error.cause instanceof Error);
});

Deno.test("gunzip rejects a gzip file cut short", async () => {
  const compressed = await gzipBytes(makeImagesIdx(50));
  const error = await caught(() =>
    gunzip(compressed.subarray(0, compressed.length - 100), "cut.gz")
  );
  assert.ok(error instanceof FashionMnistError);
  assert.match(error.message, /cut\.gz is corrupt/);
});
