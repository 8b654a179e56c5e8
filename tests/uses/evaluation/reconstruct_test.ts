import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildModel } from "../../../lib/models/build_model.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { reconstructImages } from "../../../lib/uses/evaluation/reconstruct.ts";
import { perImageBinaryCrossEntropy } from "../../../lib/training/binary_cross_entropy.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("reconstructImages matches one big predict, batch by batch, and frees its tensors", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 2 });
  const pixels = new Float32Array(5 * 784).map((_, index) => (index * 7919 % 256) / 255);
  const before = tf.memory().numTensors;
  const result = reconstructImages(bundle, pixels, { batchSize: 2 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(result.count, 5);
  const [expectedImages, expectedLosses] = tf.tidy(() => {
    const input = tf.tensor4d(pixels, [5, 28, 28, 1]);
    const output = bundle.autoencoder.predict(input) as tf.Tensor;
    return [output.dataSync(), perImageBinaryCrossEntropy(input, output).dataSync()];
  });
  for (let index = 0; index < expectedImages.length; index++) {
    assert.ok(Math.abs(result.images[index] - expectedImages[index]) < 1e-5);
  }
  for (let index = 0; index < 5; index++) {
    assert.ok(Math.abs(result.binaryCrossEntropy[index] - expectedLosses[index]) < 1e-2);
  }
  disposeAutoencoder(bundle);
});

Deno.test("reconstructImages refuses partial images and a bad batch size", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 2 });
  assert.throws(() => reconstructImages(bundle, new Float32Array(100)), /positive multiple of 784/);
  assert.throws(() => reconstructImages(bundle, new Float32Array(0)), /got 0 pixel values/);
  assert.throws(
    () => reconstructImages(bundle, new Float32Array(784), { batchSize: 0 }),
    /batchSize must be a positive integer/,
  );
  disposeAutoencoder(bundle);
});

Deno.test("a VAE is reconstructed from its mean, the same on every call", async () => {
  await useBackend();
  const vae = buildModel("vae", { latentDim: 2, seed: 4 });
  const pixels = new Float32Array(3 * 784).map((_, index) => (index * 31 % 256) / 255);
  const first = reconstructImages(vae, pixels);
  const second = reconstructImages(vae, pixels);
  assert.deepEqual(first.images, second.images);
  const expected = tf.tidy(() =>
    (vae.decoder.predict(
      vae.encoder.predict(tf.tensor4d(pixels, [3, 28, 28, 1])) as tf.Tensor,
    ) as tf.Tensor).dataSync() as Float32Array
  );
  for (let index = 0; index < expected.length; index++) {
    assert.ok(Math.abs(first.images[index] - expected[index]) < 1e-6);
  }
  disposeAutoencoder(vae);
});
