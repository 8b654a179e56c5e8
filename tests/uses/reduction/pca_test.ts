import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { fitPca, pcaInverseTransform, pcaTransform } from "../../../lib/uses/reduction/pca.ts";
import { standardNormalSamples } from "../../../lib/uses/generation/prior_samples.ts";
import { useBackend } from "../../helpers/backend.ts";

// Three orthonormal directions in 4-d (a rotation of the first three axes).
const DIRECTIONS = [
  [0.5, 0.5, 0.5, 0.5],
  [0.5, -0.5, 0.5, -0.5],
  [0.5, 0.5, -0.5, -0.5],
];
const SCALES = [5, 2, 0.5];
const OFFSET = [1, -2, 3, 0.5];

/** N points: offset + Σ scale_k · g_k · direction_k with g ~ N(0, 1); no variance off the span. */
function stretchedCloud(count: number): Float32Array {
  const noise = standardNormalSamples(count, 3, 11);
  const rows = new Float32Array(count * 4);
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < 4; column++) {
      let value = OFFSET[column];
      for (let k = 0; k < 3; k++) {
        value += SCALES[k] * noise[row * 3 + k] * DIRECTIONS[k][column];
      }
      rows[row * 4 + column] = value;
    }
  }
  return rows;
}

Deno.test("PCA finds the known directions and variances of a stretched cloud", async () => {
  await useBackend();
  const rows = stretchedCloud(4000);
  const before = tf.memory().numTensors;
  const pca = fitPca(rows, { dimension: 4 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(pca.componentCount, 4);
  for (let k = 0; k < 3; k++) {
    const component = pca.components.subarray(k * 4, k * 4 + 4);
    const dot = component.reduce((sum, value, index) => sum + value * DIRECTIONS[k][index], 0);
    assert.ok(Math.abs(Math.abs(dot) - 1) < 1e-3, `component ${k}: |cos| = ${Math.abs(dot)}`);
    const expected = SCALES[k] ** 2;
    assert.ok(
      Math.abs(pca.explainedVariance[k] - expected) < 0.1 * expected,
      `variance ${k}: ${pca.explainedVariance[k]} vs ${expected}`,
    );
  }
  assert.ok(
    pca.explainedVariance[3] < 1e-3,
    `no variance off the span: ${pca.explainedVariance[3]}`,
  );
  OFFSET.forEach((value, index) => assert.ok(Math.abs(pca.mean[index] - value) < 0.3));
  const total = pca.explainedVariance.reduce((sum, value) => sum + value, 0);
  assert.ok(Math.abs(total - pca.totalVariance) < 1e-3 * pca.totalVariance);
});

Deno.test("PCA with all components reconstructs exactly; with fewer, the scores are uncorrelated", async () => {
  await useBackend();
  const rows = stretchedCloud(500);
  const full = fitPca(rows, { dimension: 4 });
  const before = tf.memory().numTensors;
  const reconstructed = pcaInverseTransform(full, pcaTransform(full, rows).values);
  assert.equal(tf.memory().numTensors, before);
  const mse = reconstructed.reduce((sum, value, index) => sum + (value - rows[index]) ** 2, 0) /
    rows.length;
  assert.ok(mse < 1e-9, `mse ${mse}`);

  const two = fitPca(rows, { dimension: 4, components: 2 });
  const scores = pcaTransform(two, rows);
  assert.deepEqual([scores.count, scores.dimension], [500, 2]);
  let covariance = 0;
  for (let row = 0; row < 500; row++) {
    covariance += scores.values[row * 2] * scores.values[row * 2 + 1];
  }
  assert.ok(Math.abs(covariance / 499) < 1e-3, `covariance ${covariance / 499}`);
  // Dropping the last two components loses their variance (0.25 + 0), spread over 4 columns.
  const truncated = pcaInverseTransform(two, scores.values);
  const lost = truncated.reduce((sum, value, index) => sum + (value - rows[index]) ** 2, 0) / 500;
  assert.ok(Math.abs(lost - full.explainedVariance[2]) < 1e-3, `lost ${lost}`);
});

Deno.test("PCA signs are reproducible and bad shapes are refused with a clear message", async () => {
  await useBackend();
  const rows = stretchedCloud(300);
  const pca = fitPca(rows, { dimension: 4, components: 3 });
  for (let k = 0; k < 3; k++) {
    const component = Array.from(pca.components.subarray(k * 4, k * 4 + 4));
    const largest = component.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
    assert.ok(largest > 0);
  }
  assert.throws(
    () => fitPca(rows.subarray(0, 7), { dimension: 4 }),
    /got 7 values with dimension 4/,
  );
  assert.throws(() => fitPca(rows.subarray(0, 4), { dimension: 4 }), /at least 2 rows/);
  assert.throws(() => fitPca(rows, { dimension: 4, components: 5 }), /from 1 to 4, got 5/);
  assert.throws(() => pcaTransform(pca, new Float32Array(5)), /multiple of 4/);
  assert.throws(() => pcaInverseTransform(pca, new Float32Array(4)), /multiple of 3/);
});
