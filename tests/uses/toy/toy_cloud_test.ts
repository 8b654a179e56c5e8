import assert from "node:assert/strict";
import { makeToyCloud } from "../../../lib/uses/toy/toy_cloud.ts";

/** Spread of the points along a unit direction (standard deviation of the projections). */
function spreadAlong(points: Float32Array, dimension: number, direction: number[]): number {
  const count = points.length / dimension;
  const projections = Array.from(
    { length: count },
    (_, point) =>
      direction.reduce(
        (sum, value, coordinate) => sum + value * points[point * dimension + coordinate],
        0,
      ),
  );
  const mean = projections.reduce((sum, value) => sum + value, 0) / count;
  return Math.sqrt(projections.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count);
}

Deno.test("the default cloud is 2-D, centred at [1, -0.5], spread 2 along 30° and 0.4 across", () => {
  const cloud = makeToyCloud({ count: 20000 });
  assert.equal(cloud.dimension, 2);
  assert.equal(cloud.points.length, 40000);
  assert.ok(Math.abs(cloud.principalAxis[0] - Math.cos(Math.PI / 6)) < 1e-12);
  assert.ok(Math.abs(cloud.principalAxis[1] - 0.5) < 1e-12);
  for (let coordinate = 0; coordinate < 2; coordinate++) {
    let sum = 0;
    for (let point = 0; point < cloud.count; point++) sum += cloud.points[point * 2 + coordinate];
    assert.ok(Math.abs(sum / cloud.count - cloud.center[coordinate]) < 0.05);
  }
  assert.ok(Math.abs(spreadAlong(cloud.points, 2, cloud.axes[0]) - 2) < 0.05);
  assert.ok(Math.abs(spreadAlong(cloud.points, 2, cloud.axes[1]) - 0.4) < 0.01);
});

Deno.test("a 3-D cloud gets an orthonormal basis that starts with the normalised axis", () => {
  const cloud = makeToyCloud({ count: 10, principalAxis: [1, 2, 2], spreads: [3, 1, 0.5] });
  assert.equal(cloud.dimension, 3);
  assert.deepEqual(cloud.principalAxis.map((value) => Math.round(value * 3e6) / 1e6), [1, 2, 2]);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const dot = cloud.axes[i].reduce((sum, value, k) => sum + value * cloud.axes[j][k], 0);
      assert.ok(Math.abs(dot - (i === j ? 1 : 0)) < 1e-12, `axes ${i}, ${j}: ${dot}`);
    }
  }
});

Deno.test("the same seed gives the same points, another seed other points", () => {
  assert.deepEqual(makeToyCloud({ seed: 4 }).points, makeToyCloud({ seed: 4 }).points);
  assert.notDeepEqual(makeToyCloud({ seed: 4 }).points, makeToyCloud({ seed: 5 }).points);
});

Deno.test("bad options are refused with a message naming the option", () => {
  assert.throws(() => makeToyCloud({ principalAxis: [1] }), /principalAxis must have 2 or 3/);
  assert.throws(() => makeToyCloud({ principalAxis: [0, 0] }), /non-zero vector/);
  assert.throws(() => makeToyCloud({ spreads: [1, 2] }), /largest first/);
  assert.throws(() => makeToyCloud({ center: [0, 0, 0] }), /center must have 2/);
  assert.throws(() => makeToyCloud({ count: 0 }), /count must be a positive integer/);
});
