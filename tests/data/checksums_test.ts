import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  FASHION_MNIST_CHECKSUMS,
  FASHION_MNIST_FILE_NAMES,
  FashionMnistError,
  gunzip,
  sha256Hex,
  verifyChecksum,
} from "../../lib/data/mod.ts";
import { caught } from "./helpers.ts";

Deno.test("sha256Hex matches the published digest of 'abc'", async () => {
  assert.equal(
    await sha256Hex(new TextEncoder().encode("abc")),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
});

Deno.test("sha256Hex hashes only the viewed part of a subarray", async () => {
  const whole = new TextEncoder().encode("xxabcxx");
  assert.equal(await sha256Hex(whole.subarray(2, 5)), await sha256Hex(whole.slice(2, 5)));
});

Deno.test("the checksum table has an entry for each of the four files", () => {
  assert.deepEqual(
    Object.keys(FASHION_MNIST_CHECKSUMS).sort(),
    [...FASHION_MNIST_FILE_NAMES].sort(),
  );
  assert.equal(FASHION_MNIST_CHECKSUMS["train-images-idx3-ubyte"].bytes, 16 + 60000 * 784);
  assert.equal(FASHION_MNIST_CHECKSUMS["t10k-labels-idx1-ubyte"].bytes, 8 + 10000);
  assert.ok(Object.isFrozen(FASHION_MNIST_CHECKSUMS));
});

Deno.test("verifyChecksum accepts matching bytes and resolves without a value", async () => {
  const bytes = new TextEncoder().encode("abc");
  const sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  assert.equal(await verifyChecksum(bytes, { bytes: 3, sha256 }, "abc.txt"), undefined);
  // The digest is compared without regard to case, as published digests come in both.
  assert.equal(
    await verifyChecksum(bytes, { bytes: 3, sha256: sha256.toUpperCase() }, "abc.txt"),
    undefined,
  );
});

Deno.test("the checksum table holds the digest of the real test labels file", async (context) => {
  const path = join(DEBIAN_FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz");
  let compressed: Uint8Array;
  try {
    compressed = await Deno.readFile(path);
  } catch {
    await context.step(
      `skipped: ${path} is missing (apt-get install dataset-fashion-mnist)`,
      () => {},
    );
    return;
  }
  const bytes = await gunzip(compressed, path);
  const expected = FASHION_MNIST_CHECKSUMS["t10k-labels-idx1-ubyte"];
  assert.equal(bytes.length, expected.bytes);
  assert.equal(await sha256Hex(bytes), expected.sha256);
  assert.equal(await verifyChecksum(bytes, expected, path), undefined);
  const changed = bytes.slice();
  changed[8] ^= 1; // the first label
  await assert.rejects(verifyChecksum(changed, expected, path), /failed its checksum/);
});

Deno.test("verifyChecksum rejects a wrong length with expected and actual sizes", async () => {
  const error = await caught(() =>
    verifyChecksum(new Uint8Array(5), { bytes: 7, sha256: "00" }, "/x/file")
  );
  assert.ok(error instanceof FashionMnistError);
  assert.equal(error.path, "/x/file");
  assert.match(error.message, /expected 7 bytes \(decompressed\), got 5/);
  assert.match(error.message, /verifyChecksums: false/);
});

Deno.test("verifyChecksum rejects a changed byte with expected and actual digests", async () => {
  const original = new TextEncoder().encode("abc");
  const expected = { bytes: 3, sha256: await sha256Hex(original) };
  const changed = new TextEncoder().encode("abd");
  const error = await caught(() => verifyChecksum(changed, expected, "/x/file"));
  assert.ok(error instanceof FashionMnistError);
  assert.match(error.message, /failed its checksum/);
  assert.ok(error.message.includes(expected.sha256));
  assert.ok(error.message.includes(await sha256Hex(changed)));
});
