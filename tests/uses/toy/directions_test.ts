import assert from "node:assert/strict";
import { lineAngleDegrees } from "../../../lib/uses/toy/directions.ts";

Deno.test("the line angle ignores sign and length and lies between 0 and 90 degrees", () => {
  assert.equal(lineAngleDegrees([1, 0], [0, 3]), 90);
  assert.ok(lineAngleDegrees([1, 1], [-2, -2]) < 1e-6);
  assert.ok(Math.abs(lineAngleDegrees([1, 0], [-1, 1]) - 45) < 1e-9);
  assert.ok(Math.abs(lineAngleDegrees([1, 0, 0], [1, 0, 1]) - 45) < 1e-9);
});

Deno.test("vectors of different lengths or zero vectors are refused", () => {
  assert.throws(() => lineAngleDegrees([1, 0], [1, 0, 0]), /same, non-zero length/);
  assert.throws(() => lineAngleDegrees([0, 0], [1, 0]), /non-zero vectors/);
});
