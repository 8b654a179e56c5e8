import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  buildConvAutoencoder,
  disposeAutoencoder,
  predict,
  splitAutoencoder,
} from "../../lib/models/conv_autoencoder.ts";
import { serializeModel } from "../../lib/training/run_folder/checkpoint.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("the article's CAE has 190,885 parameters, as Keras counts it", async () => {
  await useBackend();
  const { autoencoder, encoder, decoder } = buildConvAutoencoder();
  assert.equal(autoencoder.countParams(), 190885);
  // Hand count: encoder 320 + 18496 + 50192 + 340, decoder 65856 + 36928 + 18464 + 289.
  assert.equal(encoder.countParams(), 69348);
  assert.equal(decoder.countParams(), 121537);
  autoencoder.dispose();
});

Deno.test("predict returns a latent of latentDim values and a 28x28x1 reconstruction in [0,1]", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 7, seed: 3 });
  const before = tf.memory().numTensors;
  const { z, y } = predict(bundle, tf.randomUniform([28, 28, 1]));
  assert.deepEqual(z.shape, [1, 7]);
  assert.deepEqual(y.shape, [1, 28, 28, 1]);
  const values = y.dataSync();
  assert.ok(values.every((value) => value >= 0 && value <= 1));
  tf.dispose([z, y]);
  assert.equal(tf.memory().numTensors, before + 1); // only the random input is left
  bundle.autoencoder.dispose();
});

Deno.test("the decoder applied to the encoder's latent equals the autoencoder's output", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 1 });
  const images = tf.randomUniform([3, 28, 28, 1], 0, 1, "float32", 5);
  const whole = (bundle.autoencoder.predict(images) as tf.Tensor).dataSync();
  const { y } = predict(bundle, images);
  assert.deepEqual(Array.from(y.dataSync()), Array.from(whole));
  tf.dispose([images, y]);
  bundle.autoencoder.dispose();
});

Deno.test("options change the latent size, remove the bottleneck and set the filters", async () => {
  await useBackend();
  const noBottleneck = buildConvAutoencoder({ latentDim: 2, bottleneckUnits: null });
  // The 16-unit layer (50192) and the 16→20 layer (340) give way to 3136→2 (6274); decoder 20→2.
  assert.equal(noBottleneck.encoder.countParams(), 320 + 18496 + 3136 * 2 + 2);
  assert.equal(noBottleneck.decoder.countParams(), 2 * 3136 + 3136 + 36928 + 18464 + 289);
  const narrow = buildConvAutoencoder({ filters: [8, 16] });
  assert.equal(narrow.encoder.countParams(), 80 + 1168 + 784 * 16 + 16 + 340);
  noBottleneck.autoencoder.dispose();
  narrow.autoencoder.dispose();
});

Deno.test("the same seed gives the same initial weights and another seed different ones", async () => {
  await useBackend();
  const first = buildConvAutoencoder({ seed: 11 }).autoencoder;
  const second = buildConvAutoencoder({ seed: 11 }).autoencoder;
  const third = buildConvAutoencoder({ seed: 12 }).autoencoder;
  const weights = (model: tf.LayersModel) => Array.from(model.getWeights()[0].dataSync());
  assert.deepEqual(weights(first), weights(second));
  assert.notDeepEqual(weights(first), weights(third));
  [first, second, third].forEach((model) => model.dispose());
});

Deno.test("bad options are rejected with a RangeError that names the option", async () => {
  await useBackend();
  assert.throws(() => buildConvAutoencoder({ latentDim: 0 }), /latentDim must be a positive/);
  assert.throws(() => buildConvAutoencoder({ bottleneckUnits: 2.5 }), RangeError);
  assert.throws(() => buildConvAutoencoder({ filters: [32, -1] }), /filters\[1\]/);
});

Deno.test("predict rejects images that are not 28x28", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder();
  const wrong = tf.zeros([1, 32, 32, 1]);
  assert.throws(() => predict(bundle, wrong), /\[28,28,1\] or \[N,28,28,1\]/);
  wrong.dispose();
  bundle.autoencoder.dispose();
});

Deno.test("a model reloaded from its serialized form splits into an encoder and decoder again", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 2 });
  const { modelJson, weights } = await serializeModel(bundle.autoencoder);
  const parsed = JSON.parse(new TextDecoder().decode(modelJson));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: parsed.modelTopology,
    weightSpecs: parsed.weightsManifest[0].weights,
    weightData: weights.slice().buffer,
  }));
  const split = splitAutoencoder(loaded);
  const images = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 9);
  const original = predict(bundle, images);
  const reloaded = predict(split, images);
  assert.deepEqual(Array.from(reloaded.z.dataSync()), Array.from(original.z.dataSync()));
  assert.deepEqual(Array.from(reloaded.y.dataSync()), Array.from(original.y.dataSync()));
  tf.dispose([images, original.z, original.y, reloaded.z, reloaded.y]);
  bundle.autoencoder.dispose();
  loaded.dispose();
  assert.throws(
    () =>
      splitAutoencoder(tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })),
    /no layer named "latent"/,
  );
});

Deno.test("disposing an autoencoder bundle frees every weight it created", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  disposeAutoencoder(buildConvAutoencoder());
  assert.equal(tf.memory().numTensors, before);
});
