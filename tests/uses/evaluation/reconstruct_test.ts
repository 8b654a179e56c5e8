import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder, disposeAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { reconstructImages } from "../../../lib/uses/evaluation/reconstruct.ts";
import { perImageBinaryCrossEntropy } from "../../../lib/training/binary_cross_entropy.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("reconstructImages matches one big predict, batch by batch, and frees its tensors", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 2 });
  const pixels = new Float32Array(5 * 784).map((_, index) => (index * 7919 % 256) / 255);
  const before = tf.memory().numTensors;
  const result = reconstructImages(bundle.autoencoder, pixels, { batchSize: 2 });
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

Deno.test("reconstructImages refuses partial images and models with several outputs", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ seed: 2 });
  assert.throws(
    () => reconstructImages(bundle.autoencoder, new Float32Array(100)),
    /positive multiple of 784/,
  );
  const input = tf.input({ shape: [28, 28, 1] });
  const twoOutputs = tf.model({
    inputs: input,
    outputs: [
      tf.layers.flatten().apply(input),
      tf.layers.flatten().apply(input),
    ] as tf.SymbolicTensor[],
  });
  assert.throws(() => reconstructImages(twoOutputs, new Float32Array(784)), /one output/);
  disposeAutoencoder(bundle);
});
