import assert from "node:assert/strict";
import { batchCount, batchIndices } from "../../lib/data/mod.ts";

const flatten = (batches: Iterable<Uint32Array>): number[] =>
  [...batches].flatMap((batch) => [...batch]);

Deno.test("batchIndices covers every index exactly once per epoch", () => {
  const seen = flatten(batchIndices(1000, { batchSize: 64, seed: 3 }));
  assert.equal(seen.length, 1000);
  assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i));
});

Deno.test("batchIndices yields Uint32Array batches, the last one partial", () => {
  const batches = [...batchIndices(10, { batchSize: 4, seed: 1 })];
  assert.ok(batches.every((batch) => batch instanceof Uint32Array));
  assert.deepEqual(batches.map((batch) => batch.length), [4, 4, 2]);
});

Deno.test("batchIndices with dropRemainder skips the last partial batch", () => {
  const batches = [...batchIndices(10, { batchSize: 4, seed: 1, dropRemainder: true })];
  assert.deepEqual(batches.map((batch) => batch.length), [4, 4]);
  assert.equal(new Set(flatten(batches)).size, 8);
});

Deno.test("batchIndices with dropRemainder keeps everything when the size divides evenly", () => {
  const batches = [...batchIndices(12, { batchSize: 4, seed: 1, dropRemainder: true })];
  assert.deepEqual(batches.map((batch) => batch.length), [4, 4, 4]);
});

Deno.test("batchIndices is deterministic for the same seed and epoch", () => {
  const options = { batchSize: 32, seed: 99, epoch: 4 };
  assert.deepEqual(flatten(batchIndices(500, options)), flatten(batchIndices(500, options)));
});

Deno.test("batchIndices gives a different order for a different epoch or seed", () => {
  const order = (seed: number, epoch: number) =>
    flatten(batchIndices(500, { batchSize: 32, seed, epoch }));
  assert.notDeepEqual(order(99, 0), order(99, 1));
  assert.notDeepEqual(order(99, 0), order(100, 0));
  assert.deepEqual(order(99, 0), flatten(batchIndices(500, { batchSize: 32, seed: 99 })));
});

Deno.test("batchIndices actually shuffles", () => {
  const natural = Array.from({ length: 100 }, (_, index) => index);
  assert.notDeepEqual(flatten(batchIndices(100, { batchSize: 10, seed: 5 })), natural);
});

Deno.test("batchIndices without shuffle yields 0..count-1 in order and needs no seed", () => {
  const batches = [...batchIndices(5, { batchSize: 2, shuffle: false })];
  assert.deepEqual(batches.map((batch) => [...batch]), [[0, 1], [2, 3], [4]]);
});

Deno.test("batchIndices yields nothing for zero items", () => {
  assert.deepEqual([...batchIndices(0, { batchSize: 8, seed: 1 })], []);
});

Deno.test("batchIndices yields independent arrays that are safe to keep and modify", () => {
  const [first, second] = batchIndices(8, { batchSize: 4, shuffle: false });
  first.fill(0);
  assert.deepEqual([...second], [4, 5, 6, 7]);
});

Deno.test("batchIndices checks its arguments when called, before the first batch", () => {
  assert.throws(() => batchIndices(10, { batchSize: 0, seed: 1 }), RangeError);
  assert.throws(() => batchIndices(10, { batchSize: 2.5, seed: 1 }), RangeError);
  assert.throws(() => batchIndices(-1, { batchSize: 2, seed: 1 }), RangeError);
  assert.throws(() => batchIndices(1.5, { batchSize: 2, seed: 1 }), RangeError);
  assert.throws(() => batchIndices(10, { batchSize: 2, seed: 1.5 }), RangeError);
  assert.throws(() => batchIndices(10, { batchSize: 2, seed: 1, epoch: -0.5 }), RangeError);
  assert.throws(() => batchIndices(10, { batchSize: 2 }), /needs a seed/);
});

Deno.test("batchCount agrees with the number of batches yielded", () => {
  for (
    const [count, batchSize, dropRemainder] of [
      [60000, 128, false],
      [60000, 128, true],
      [10, 4, false],
      [10, 4, true],
      [0, 3, false],
    ] as const
  ) {
    const yielded = [...batchIndices(count, { batchSize, seed: 1, dropRemainder })].length;
    assert.equal(batchCount(count, { batchSize, dropRemainder }), yielded);
  }
  assert.equal(batchCount(60000, { batchSize: 128 }), 469);
});
