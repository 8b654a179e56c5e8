import assert from "node:assert/strict";
import {
  fitLatentNeighbours,
  neighbourDistances,
} from "../../../lib/uses/anomaly/latent_neighbours.ts";

Deno.test("the k-nearest distance is measured on axes scaled to unit spread", () => {
  // Axis 0 spans ±10, axis 1 spans ±1: after scaling both have standard deviation 1.
  const codes = new Float32Array([10, 1, -10, 1, 10, -1, -10, -1]);
  const reference = fitLatentNeighbours(codes, 2);
  const [distance] = neighbourDistances(reference, new Float32Array([10, 1]), 1);
  assert.equal(distance, 0);
  // (0, 0) is one scaled unit away on each axis from every code: √2.
  const [centre] = neighbourDistances(reference, new Float32Array([0, 0]), 2);
  assert.ok(Math.abs(centre - Math.SQRT2) < 1e-6);
});

Deno.test("training codes can skip their own zero distance", () => {
  const codes = new Float32Array([0, 1, 2, 10]);
  const reference = fitLatentNeighbours(codes, 1);
  const own = neighbourDistances(reference, codes, 1, true);
  const scale = reference.scale[0];
  assert.ok(Math.abs(own[0] - 1 / scale) < 1e-6);
  assert.ok(Math.abs(own[3] - 8 / scale) < 1e-6);
  assert.deepEqual([...neighbourDistances(reference, codes, 1)], [0, 0, 0, 0]);
});

Deno.test("bad k and shapes are rejected", () => {
  const reference = fitLatentNeighbours(new Float32Array([0, 1, 2]), 1);
  assert.throws(() => neighbourDistances(reference, new Float32Array([0]), 3), /from 1 to 2/);
  assert.throws(() => fitLatentNeighbours(new Float32Array([1]), 1), /at least two codes/);
  const wide = fitLatentNeighbours(new Float32Array([0, 0, 1, 1]), 2);
  assert.throws(() => neighbourDistances(wide, new Float32Array(3), 1), /whole number/);
});
