import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../lib/models/autoencoder_bundle.ts";
import { layerUnitActivity } from "../../lib/models/unit_activity.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("unit activity counts positive outputs per unit and finds dead units", async () => {
  await useBackend();
  // Dense(3, relu) on the flattened image: unit 0 = sum of pixels (active unless all black),
  // unit 1 = −sum (never active), unit 2 = first pixel − 0.5 (active when it is above 0.5).
  const input = tf.input({ shape: [28, 28, 1] });
  const dense = tf.layers.dense({ units: 3, activation: "relu", name: "probe" });
  const output = dense.apply(tf.layers.flatten().apply(input)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const kernel = new Float32Array(784 * 3);
  for (let pixel = 0; pixel < 784; pixel++) {
    kernel[pixel * 3] = 1;
    kernel[pixel * 3 + 1] = -1;
  }
  kernel[2] = 1;
  dense.setWeights([tf.tensor2d(kernel, [784, 3]), tf.tensor1d([0, 0, -0.5])]);
  const pixels = new Float32Array(4 * 784);
  pixels.fill(0.2, 784, 2 * 784); // image 1: grey, first pixel 0.2
  pixels.fill(0.9, 2 * 784, 3 * 784); // image 2: bright, first pixel 0.9
  pixels[3 * 784] = 0.7; // image 3: only the first pixel
  const before = tf.memory().numTensors;
  const activity = layerUnitActivity(model, "probe", pixels, { batchSize: 3 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(activity.units, 3);
  assert.equal(activity.imageCount, 4);
  assert.deepEqual(Array.from(activity.activeFraction), [0.75, 0, 0.5]);
  assert.equal(activity.deadUnits, 1);
  assert.equal(activity.meanActiveUnits, 5 / 4);
  model.dispose();
});

Deno.test("the CAE's bottleneck can be measured, and the model still works afterwards", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 0 });
  const pixels = new Float32Array(3 * 784).map((_, index) => (index % 97) / 97);
  const activity = layerUnitActivity(bundle.autoencoder, "encoder_bottleneck", pixels);
  assert.equal(activity.units, 16);
  assert.ok(activity.meanActiveUnits >= 0 && activity.meanActiveUnits <= 16);
  const output = bundle.autoencoder.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor;
  assert.deepEqual(output.shape, [1, 28, 28, 1]);
  output.dispose();
  assert.throws(
    () => layerUnitActivity(bundle.autoencoder, "missing", pixels),
    /has no layer "missing"/,
  );
  assert.throws(
    () => layerUnitActivity(bundle.autoencoder, "encoder_conv1", pixels),
    /expected \[N, units\]/,
  );
  disposeAutoencoder(bundle);
});
