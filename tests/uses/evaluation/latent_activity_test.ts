import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import {
  ACTIVE_UNIT_THRESHOLD,
  latentActivity,
  measureLatentActivity,
} from "../../../lib/uses/evaluation/latent_activity.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("active units and KL per dimension match a hand computation", () => {
  // Three images, three dimensions. Dimension 0: means 0.3, 0.1, 0.2 (variance 0.02/3 < 0.01,
  // inactive); dimension 1: means 1, −1, 0 (variance 2/3) with variance 0.5; dimension 2: means
  // 0, 0, 0.3 (variance 0.06/3 = 0.02, active).
  const half = Math.log(0.5);
  const activity = latentActivity(
    [0.3, 1, 0, 0.1, -1, 0, 0.2, 0, 0.3],
    [0, half, 0, 0, half, 0, 0, half, 0],
    3,
  );
  assert.equal(activity.imageCount, 3);
  assert.equal(activity.threshold, ACTIVE_UNIT_THRESHOLD);
  const close = (actual: number, expected: number) =>
    assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);
  close(activity.meanVariance[0], 0.02 / 3);
  close(activity.meanVariance[1], 2 / 3);
  close(activity.meanVariance[2], 0.02);
  // KL = ½ (σ² + μ² − 1 − ln σ²), averaged over the images.
  close(activity.klPerDimension[0], 0.5 * (0.09 + 0.01 + 0.04) / 3);
  const klDim1 = (mu: number) => 0.5 * (0.5 + mu * mu - 1 - half);
  close(activity.klPerDimension[1], (klDim1(1) + klDim1(-1) + klDim1(0)) / 3);
  close(activity.klPerDimension[2], 0.5 * 0.09 / 3);
  assert.deepEqual(activity.activeDimensions, [1, 2]);
  assert.equal(activity.activeUnits, 2);
  close(activity.totalKl, activity.klPerDimension.reduce((sum, value) => sum + value, 0));
  assert.equal(latentActivity([0.3, 0.1], [0, 0], 1, { threshold: 0.001 }).activeUnits, 1);
});

Deno.test("dimensions that move together count once among the principal directions", () => {
  // Means (1, 1), (−1, −1), (0, 0): each axis has variance 2/3, so both are active units, but the
  // covariance [[2/3, 2/3], [2/3, 2/3]] has eigenvalues 4/3 and 0: the means fill one line.
  const activity = latentActivity([1, 1, -1, -1, 0, 0], [0, 0, 0, 0, 0, 0], 2);
  assert.equal(activity.activeUnits, 2);
  assert.equal(activity.activePrincipalDirections, 1);
  assert.ok(Math.abs(activity.principalVariances[0] - 4 / 3) < 1e-12);
  assert.ok(Math.abs(activity.principalVariances[1]) < 1e-12);
});

Deno.test("latent activity rejects ragged or mismatched rows with a clear message", () => {
  assert.throws(() => latentActivity([1, 2, 3], [0, 0, 0], 2), /same positive multiple of 2/);
  assert.throws(() => latentActivity([1, 2], [0], 2), /2 means and 1 log-variances/);
  assert.throws(() => latentActivity([], [], 2), /positive multiple/);
  assert.throws(() => latentActivity([1], [0], 0), /latentDim must be a positive integer/);
});

Deno.test("measuring a VAE encodes the images, frees its tensors and agrees with its encoder", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 3, seed: 4, bottleneckUnits: null });
  const pixels = new Float32Array(7 * 784).map((_, index) => ((index * 37) % 101) / 101);
  const before = tf.memory().numTensors;
  const activity = measureLatentActivity(vae, pixels, { batchSize: 3 });
  assert.equal(tf.memory().numTensors, before);
  const [mean, logVar] = vae.distributionEncoder!.predict(
    tf.tensor4d(pixels, [7, 28, 28, 1]),
  ) as tf.Tensor[];
  const expected = latentActivity(mean.dataSync(), logVar.dataSync(), 3);
  tf.dispose([mean, logVar]);
  assert.equal(activity.imageCount, 7);
  for (let dim = 0; dim < 3; dim++) {
    assert.ok(Math.abs(activity.meanVariance[dim] - expected.meanVariance[dim]) < 1e-6);
    assert.ok(Math.abs(activity.klPerDimension[dim] - expected.klPerDimension[dim]) < 1e-6);
  }
  // A mean head that ignores the image (zero kernel) leaves no active unit.
  const head = vae.autoencoder.getLayer("z_mean");
  const [kernel, bias] = head.getWeights();
  head.setWeights([tf.zerosLike(kernel), tf.onesLike(bias)]);
  const collapsed = measureLatentActivity(vae, pixels);
  assert.equal(collapsed.activeUnits, 0);
  // logVar is 0 at initialisation (zero head), so each dimension's KL is ½ · 1² exactly.
  assert.deepEqual(Array.from(collapsed.klPerDimension), [0.5, 0.5, 0.5]);
  vae.autoencoder.dispose();
});

Deno.test("latent activity is defined for a VAE only", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 2, seed: 0 });
  assert.throws(
    () => measureLatentActivity(cae, new Float32Array(784)),
    /needs a VAE \(a bundle with a distributionEncoder\)/,
  );
  cae.autoencoder.dispose();
});
