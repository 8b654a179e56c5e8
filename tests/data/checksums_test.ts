import assert from "node:assert/strict";
import {
  FASHION_MNIST_CHECKSUMS,
  FASHION_MNIST_FILE_NAMES,
  FashionMnistError,
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

Deno.test("verifyChecksum accepts matching bytes", async () => {
  const bytes = new TextEncoder().encode("abc");
  await verifyChecksum(bytes, { bytes: 3, sha256: await sha256Hex(bytes) }, "abc.txt");
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
