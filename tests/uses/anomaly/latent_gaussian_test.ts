import assert from "node:assert/strict";
import {
  fitLatentGaussian,
  mahalanobisSquared,
} from "../../../lib/uses/anomaly/latent_gaussian.ts";

Deno.test("Mahalanobis distance scales each axis by its spread", () => {
  // Axis 0 has variance 4 (values ±2), axis 1 variance 1/... (values ±1), uncorrelated.
  const codes = new Float32Array([2, 1, -2, 1, 2, -1, -2, -1]);
  const gaussian = fitLatentGaussian(codes, 2, 0);
  const sampleVariance0 = 16 / 3;
  const sampleVariance1 = 4 / 3;
  const distances = mahalanobisSquared(gaussian, new Float32Array([2, 0, 0, 1, 0, 0]));
  assert.ok(Math.abs(distances[0] - 4 / sampleVariance0) < 1e-5);
  assert.ok(Math.abs(distances[1] - 1 / sampleVariance1) < 1e-5);
  assert.equal(distances[2], 0);
});

Deno.test("a collapsed latent direction does not explode thanks to the ridge", () => {
  const codes = new Float32Array([1, 0, 2, 0, 3, 0, 4, 0]);
  const distances = mahalanobisSquared(fitLatentGaussian(codes, 2), new Float32Array([2.5, 0]));
  assert.ok(Number.isFinite(distances[0]) && distances[0] < 1e-6);
});

Deno.test("bad shapes are rejected", () => {
  assert.throws(() => fitLatentGaussian(new Float32Array(3), 2), /at least two codes/);
  const gaussian = fitLatentGaussian(new Float32Array([0, 0, 1, 1, 2, 0]), 2);
  assert.throws(() => mahalanobisSquared(gaussian, new Float32Array(3)), /whole number/);
});
