import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { initBackend } from "../../lib/backend/mod.ts";
import { onBothBackends, TOLERANCE, worstRelativeError } from "./helpers.ts";

const MATMUL_CASES: { a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }[] = [
  { a: [5, 7], b: [7, 3], transposeA: false, transposeB: false },
  { a: [7, 5], b: [7, 3], transposeA: true, transposeB: false },
  { a: [5, 7], b: [3, 7], transposeA: false, transposeB: true },
  { a: [7, 5], b: [3, 7], transposeA: true, transposeB: true },
  { a: [32, 3136], b: [32, 16], transposeA: true, transposeB: false },
  { a: [32, 16], b: [3136, 16], transposeA: false, transposeB: true },
  { a: [1, 6, 4], b: [1, 5, 4], transposeA: false, transposeB: true },
  { a: [3, 6, 4], b: [3, 5, 4], transposeA: false, transposeB: true },
  { a: [3, 4, 6], b: [3, 4, 5], transposeA: true, transposeB: false },
  // The CAE's Dense layers at batch 32 (forward, input and weight gradients), and odd sizes.
  { a: [32, 3136], b: [3136, 16], transposeA: false, transposeB: false },
  { a: [32, 20], b: [20, 3136], transposeA: false, transposeB: false },
  { a: [32, 3136], b: [20, 3136], transposeA: false, transposeB: true },
  { a: [32, 20], b: [32, 3136], transposeA: true, transposeB: false },
  { a: [13, 70], b: [9, 70], transposeA: false, transposeB: true },
  { a: [70, 13], b: [9, 70], transposeA: true, transposeB: true },
  { a: [1, 1], b: [1, 1], transposeA: false, transposeB: false },
];

for (const [index, c] of MATMUL_CASES.entries()) {
  Deno.test(
    `BatchMatMul on wasm matches cpu for a [${c.a}] and b [${c.b}] with transposeA ` +
      `${c.transposeA} and transposeB ${c.transposeB}`,
    async () => {
      const results = await onBothBackends(
        { a: { shape: c.a, seed: 50 + index }, b: { shape: c.b, seed: 60 + index } },
        ({ a, b }) => tf.matMul(a, b, c.transposeA, c.transposeB),
      );
      const error = worstRelativeError(results);
      assert.ok(error <= TOLERANCE, `relative error ${error} exceeds ${TOLERANCE}`);
    },
  );
}

interface SumCase {
  shape: number[];
  axis: number | number[];
  keepDims: boolean;
  int?: boolean;
}

const SUM_CASES: SumCase[] = [
  { shape: [3, 5, 7, 4], axis: [0, 1, 2], keepDims: false },
  { shape: [3, 5, 7, 4], axis: [2, 0, 1], keepDims: true },
  { shape: [6, 5], axis: 0, keepDims: false },
  { shape: [6, 5], axis: -2, keepDims: true },
  { shape: [4, 9], axis: [0], keepDims: false },
  { shape: [3, 5, 7, 4], axis: [1, 2], keepDims: false },
  { shape: [3, 5, 7, 4], axis: -1, keepDims: false },
  { shape: [3, 5, 7, 4], axis: [0, 1, 2, 3], keepDims: false },
  { shape: [6, 5], axis: 0, keepDims: false, int: true },
  { shape: [1, 5], axis: 0, keepDims: false },
  { shape: [1, 1, 5], axis: [0, 1], keepDims: true },
  { shape: [32, 28, 28, 32], axis: [0, 1, 2], keepDims: false },
  { shape: [32, 3136], axis: 0, keepDims: false },
];

for (const [index, c] of SUM_CASES.entries()) {
  Deno.test(
    `Sum on wasm matches cpu for ${c.int ? "int32 " : ""}[${c.shape}] over axis ` +
      `${JSON.stringify(c.axis)}${c.keepDims ? " keeping dims" : ""}`,
    async () => {
      const results = await onBothBackends(
        { x: { shape: c.shape, seed: 70 + index, dtype: c.int ? "int32" : "float32" } },
        ({ x }) => tf.sum(x, c.axis, c.keepDims),
      );
      const error = worstRelativeError(results);
      assert.ok(error <= TOLERANCE, `relative error ${error} exceeds ${TOLERANCE}`);
    },
  );
}

Deno.test("Identity on wasm shares memory and the copy outlives the original", async () => {
  await initBackend("wasm");
  const original = tf.tensor([1, 2, 3, 4], [2, 2]);
  const copy = tf.clone(original);
  assert.equal(copy.dataId, original.dataId);
  original.dispose();
  assert.deepEqual(Array.from(copy.dataSync()), [1, 2, 3, 4]);
  assert.deepEqual(copy.shape, [2, 2]);
  copy.dispose();
});

Deno.test("Cast on wasm to the same dtype shares memory and stays valid", async () => {
  await initBackend("wasm");
  const original = tf.tensor([1.5, -2.5], [2]);
  const same = tf.cast(original, "float32");
  assert.equal(same.dataId, original.dataId);
  original.dispose();
  assert.deepEqual(Array.from(same.dataSync()), [1.5, -2.5]);
  same.dispose();
});

Deno.test("Cast on wasm to another dtype still converts the values", async () => {
  const results = await onBothBackends(
    { x: { shape: [3, 4], seed: 80 } },
    ({ x }) => [tf.cast(tf.mul(x, 10), "int32"), tf.cast(tf.greater(x, 0), "float32")],
  );
  assert.equal(worstRelativeError(results), 0);
});

Deno.test("Identity on wasm still copies string tensors", async () => {
  await initBackend("wasm");
  const words = tf.tensor(["a", "bc"]);
  const copy = tf.clone(words);
  words.dispose();
  assert.deepEqual(copy.dataSync(), ["a", "bc"]);
  copy.dispose();
});
