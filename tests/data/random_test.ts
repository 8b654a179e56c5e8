import assert from "node:assert/strict";
import { createRandom, mixSeed, shuffleInPlace } from "../../lib/data/mod.ts";

Deno.test("createRandom gives the reference mulberry32 sequence for seed 1", () => {
  const random = createRandom(1);
  assert.equal(random(), 0.6270739405881613);
  assert.equal(random(), 0.002735721180215478);
});

Deno.test("createRandom gives the same sequence for the same seed and another for another seed", () => {
  const draw = (seed: number) => {
    const random = createRandom(seed);
    return Array.from({ length: 20 }, () => random());
  };
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
});

Deno.test("createRandom returns numbers in [0, 1)", () => {
  const random = createRandom(123);
  for (let draw = 0; draw < 10000; draw++) {
    const value = random();
    assert.ok(value >= 0 && value < 1, `value ${value} out of [0, 1)`);
  }
});

Deno.test("createRandom tells apart seeds that differ only above 32 bits", () => {
  assert.notEqual(createRandom(5)(), createRandom(5 + 2 ** 32)());
  assert.notEqual(createRandom(-1)(), createRandom(2 ** 32 - 1 + 2 ** 40)());
});

Deno.test("createRandom rejects seeds that are not safe integers", () => {
  assert.throws(() => createRandom(1.5), RangeError);
  assert.throws(() => createRandom(Number.NaN), RangeError);
  assert.throws(() => createRandom(2 ** 60), RangeError);
  assert.throws(() => createRandom("1" as unknown as number), TypeError);
});

Deno.test("mixSeed is deterministic and gives different seeds for different values", () => {
  assert.equal(mixSeed(7, 3), mixSeed(7, 3));
  const seeds = new Set(Array.from({ length: 100 }, (_, epoch) => mixSeed(7, epoch)));
  assert.equal(seeds.size, 100);
  assert.notEqual(mixSeed(7, 0), mixSeed(8, 0));
});

Deno.test("shuffleInPlace produces a permutation, reproducibly", () => {
  const shuffled = (seed: number) =>
    shuffleInPlace(Array.from({ length: 50 }, (_, index) => index), createRandom(seed));
  const once = shuffled(9);
  assert.deepEqual(once, shuffled(9));
  assert.deepEqual([...once].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  assert.notDeepEqual(once, Array.from({ length: 50 }, (_, index) => index));
});

Deno.test("shuffleInPlace puts each element first about equally often", () => {
  const firstCounts = [0, 0, 0, 0];
  const random = createRandom(2024);
  for (let trial = 0; trial < 8000; trial++) firstCounts[shuffleInPlace([0, 1, 2, 3], random)[0]]++;
  for (const count of firstCounts) assert.ok(Math.abs(count - 2000) < 200, `counts ${firstCounts}`);
});
