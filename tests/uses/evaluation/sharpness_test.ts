import assert from "node:assert/strict";
import { compareSharpness, edgeEnergy } from "../../../lib/uses/evaluation/sharpness.ts";

Deno.test("edge energy is the mean squared difference of right and lower neighbours", () => {
  // 2×2 checkerboard: all 4 pairs differ by 1. 3×3 with one bright centre (0.5): the centre
  // differs from its 4 neighbours, 12 pairs in all → 4 · 0.25 / 12.
  assert.deepEqual(Array.from(edgeEnergy(new Float32Array([0, 1, 1, 0]), 2)), [1]);
  const centre = new Float32Array(9);
  centre[4] = 0.5;
  assert.ok(Math.abs(edgeEnergy(centre, 3)[0] - 1 / 12) < 1e-12);
  assert.deepEqual(Array.from(edgeEnergy(new Float32Array(8).fill(0.3), 2)), [0, 0]);
  assert.throws(() => edgeEnergy(new Float32Array(5), 2), /whole images/);
});

Deno.test("blurring lowers the edge energy, and the kept share says by how much", () => {
  // A hard step from 0 to 1 against the same step spread over a middle column of 0.5.
  const sharp = new Float32Array([0, 1, 1, 0, 1, 1, 0, 1, 1]);
  const soft = new Float32Array([0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1]);
  const result = compareSharpness(sharp, soft, 3);
  assert.ok(Math.abs(result.originals - 3 / 12) < 1e-12);
  assert.ok(Math.abs(result.reconstructions - 6 * 0.25 / 12) < 1e-12);
  assert.ok(Math.abs(result.keptShare - 0.5) < 1e-12);
  assert.throws(() => compareSharpness(sharp, soft.subarray(0, 4), 3), /one reconstruction/);
  assert.throws(() => compareSharpness(new Float32Array(9), soft, 3), /flat/);
});
