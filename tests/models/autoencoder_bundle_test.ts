import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildModel } from "../../lib/models/build_model.ts";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import {
  disposeAutoencoder,
  modelKindOf,
  predict,
  splitAutoencoder,
} from "../../lib/models/autoencoder_bundle.ts";
import { MODEL_KINDS } from "../../lib/models/kinds.ts";
import { serializeModel } from "../../lib/training/run_folder/checkpoint.ts";
import { useBackend } from "../helpers/backend.ts";

async function reload(model: tf.LayersModel): Promise<tf.LayersModel> {
  const { modelJson, weights } = await serializeModel(model);
  const parsed = JSON.parse(new TextDecoder().decode(modelJson));
  return await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: parsed.modelTopology,
    weightSpecs: parsed.weightsManifest[0].weights,
    weightData: weights.slice().buffer,
  }));
}

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
    /none of this project's kinds \(cae, dense, vae, n2d, cae-no-bottleneck\)/,
  );
});

Deno.test("disposing an autoencoder bundle frees every weight it created", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  disposeAutoencoder(buildConvAutoencoder());
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("every factory's bundle carries its kind, and a reloaded model is told by its layers", async () => {
  await useBackend();
  for (const kind of MODEL_KINDS) {
    const bundle = buildModel(kind, { latentDim: 3, seed: 1 });
    assert.equal(bundle.kind, kind);
    assert.equal(bundle.latentDim, 3);
    assert.equal(bundle.distributionEncoder !== undefined, kind === "vae");
    const loaded = await reload(bundle.autoencoder);
    assert.equal(modelKindOf(loaded), kind);
    const split = splitAutoencoder(loaded);
    assert.equal(split.kind, kind);
    assert.equal(split.latentDim, 3);
    disposeAutoencoder(split);
    disposeAutoencoder(bundle);
  }
});

Deno.test("a kind given to splitAutoencoder that does not fit the model is a clear error", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 2, seed: 1 });
  assert.throws(
    () => splitAutoencoder(bundle.autoencoder, "vae"),
    /"conv_autoencoder" \(vae\) has no layer named "z_mean"/,
  );
  disposeAutoencoder(bundle);
});
