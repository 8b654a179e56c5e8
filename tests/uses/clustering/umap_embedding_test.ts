import assert from "node:assert/strict";
import { createRandom } from "../../../lib/data/random.ts";
import { umapEmbedding } from "../../../lib/uses/clustering/umap_embedding.ts";
import type { LatentCodes } from "../../../lib/uses/reduction/encode_split.ts";

/** 30 codes in 5-d: 15 near the origin, 15 near (10, 10, 10, 10, 10). */
function twoGroups(): LatentCodes {
  const random = createRandom(3);
  const values = new Float32Array(30 * 5);
  for (let row = 0; row < 30; row++) {
    for (let index = 0; index < 5; index++) {
      values[row * 5 + index] = (row < 15 ? 0 : 10) + random() - 0.5;
    }
  }
  return { values, count: 30, dimension: 5 };
}

const distance = (codes: LatentCodes, a: number, b: number) => {
  let total = 0;
  for (let index = 0; index < codes.dimension; index++) {
    total +=
      (codes.values[a * codes.dimension + index] - codes.values[b * codes.dimension + index]) ** 2;
  }
  return Math.sqrt(total);
};

Deno.test("UMAP embeds codes in the asked dimensions and keeps two far groups apart", () => {
  const codes = twoGroups();
  const embedded = umapEmbedding(codes, { components: 2, neighbors: 5, epochs: 100, seed: 1 });
  assert.equal(embedded.count, 30);
  assert.equal(embedded.dimension, 2);
  assert.equal(embedded.values.length, 60);
  assert.ok(embedded.values.every(Number.isFinite));
  // Every point is nearer to each member of its own group than to any member of the other.
  let farthestWithin = 0;
  let nearestAcross = Infinity;
  for (let a = 0; a < 30; a++) {
    for (let b = a + 1; b < 30; b++) {
      const d = distance(embedded, a, b);
      if ((a < 15) === (b < 15)) farthestWithin = Math.max(farthestWithin, d);
      else nearestAcross = Math.min(nearestAcross, d);
    }
  }
  assert.ok(farthestWithin < nearestAcross, `${farthestWithin} within vs ${nearestAcross} across`);
});

Deno.test("UMAP is reproducible with a seed and needs more codes than neighbours", () => {
  const codes = twoGroups();
  const options = { components: 3, neighbors: 5, epochs: 50, seed: 7 };
  assert.deepEqual(umapEmbedding(codes, options).values, umapEmbedding(codes, options).values);
  assert.throws(
    () => umapEmbedding({ values: new Float32Array(10), count: 5, dimension: 2 }, { neighbors: 5 }),
    /got 5 codes for 5 neighbours; pass more codes/,
  );
});
