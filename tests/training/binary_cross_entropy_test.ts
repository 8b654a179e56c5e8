import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  binaryEntropyFloor,
  perImageBinaryCrossEntropy,
  reconstructionLoss,
} from "../../lib/training/binary_cross_entropy.ts";
import { meanSquaredErrorLoss } from "../../lib/training/engine.ts";
import { perImageLossFor } from "../../lib/training/loss_spec.ts";
import { useBackend } from "../helpers/backend.ts";

const close = (actual: number, expected: number, tolerance = 1e-4) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );

Deno.test("binary cross-entropy of a 0.5 prediction is ln 2 per pixel, summed per image", async () => {
  await useBackend();
  const target = tf.tensor4d([0, 1, 1, 0, 1, 1, 1, 1], [2, 2, 2, 1]);
  const prediction = tf.fill([2, 2, 2, 1], 0.5);
  const perImage = perImageBinaryCrossEntropy(target, prediction).arraySync();
  close(perImage[0], 4 * Math.LN2);
  close(perImage[1], 4 * Math.LN2);
  tf.dispose([target, prediction]);
});

Deno.test("binary cross-entropy matches a hand computation, with Keras' clipping at 1e-7", async () => {
  await useBackend();
  // Pixels: t=1,p=0.9 → −ln 0.9; t=0,p=0.2 → −ln 0.8; t=0.3,p=0.6 → −(0.3 ln 0.6 + 0.7 ln 0.4);
  // t=1,p=0 → clipped to 1e-7 → −ln 1e-7 ≈ 16.118.
  const target = tf.tensor4d([1, 0, 0.3, 1], [1, 2, 2, 1]);
  const prediction = tf.tensor4d([0.9, 0.2, 0.6, 0], [1, 2, 2, 1]);
  const expected = -Math.log(0.9) - Math.log(0.8) - (0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)) -
    Math.log(1e-7);
  close(perImageBinaryCrossEntropy(target, prediction).arraySync()[0], expected);
  tf.dispose([target, prediction]);
});

Deno.test("the reconstruction loss is the batch mean of the per-image sums", async () => {
  await useBackend();
  const target = tf.randomUniform([5, 28, 28, 1], 0, 1, "float32", 1);
  const prediction = tf.randomUniform([5, 28, 28, 1], 0.01, 0.99, "float32", 2);
  const t = target.dataSync();
  const p = prediction.dataSync();
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum -= t[i] * Math.log(p[i]) + (1 - t[i]) * Math.log(1 - p[i]);
  close(reconstructionLoss(target, prediction).dataSync()[0], sum / 5);
  tf.dispose([target, prediction]);
});

Deno.test("the entropy floor of mid-grey images is 784 ln 2 and of black-and-white ones near 0", async () => {
  await useBackend();
  const grey = tf.fill([2, 28, 28, 1], 0.5);
  const binary = tf.tensor4d(Array.from({ length: 784 }, (_, i) => i % 2), [1, 28, 28, 1]);
  close(binaryEntropyFloor(grey).dataSync()[0], 784 * Math.LN2);
  assert.ok(binaryEntropyFloor(binary).dataSync()[0] < 1e-3);
  tf.dispose([grey, binary]);
});

Deno.test("the loss rejects a prediction whose shape differs from the target's", async () => {
  await useBackend();
  const target = tf.zeros([1, 28, 28, 1]);
  const prediction = tf.zeros([1, 28, 28, 2]);
  assert.throws(() => reconstructionLoss(target, prediction), /must match/);
  tf.dispose([target, prediction]);
});

Deno.test("the MSE loss is the mean squared pixel error of each image, as Keras' mse", async () => {
  await useBackend();
  assert.equal(perImageLossFor({ name: "mse" }), meanSquaredErrorLoss);
  // A model that outputs a constant 0.25 image: the loss is mean((x − 0.25)²) per image.
  const input = tf.input({ shape: [2, 2, 1] });
  const output = tf.layers.dense({
    units: 1,
    kernelInitializer: "zeros",
    biasInitializer: tf.initializers.constant({ value: 0.25 }),
  }).apply(input) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const images = tf.tensor4d([0, 1, 1, 0, 0.25, 0.25, 0.25, 0.5], [2, 2, 2, 1]);
  const { loss } = meanSquaredErrorLoss(model, images, false);
  const values = Array.from(loss.dataSync());
  close(values[0], (0.0625 + 0.5625 + 0.5625 + 0.0625) / 4, 1e-6);
  close(values[1], 0.0625 / 4, 1e-6);
  tf.dispose([images, loss]);
  model.dispose();
});
