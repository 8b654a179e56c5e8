import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { fitPca } from "../../../lib/uses/reduction/pca.ts";
import {
  autoencoderReconstructionMse,
  pcaReconstructionMse,
  truncatePca,
} from "../../../lib/uses/reduction/reconstruction_mse.ts";
import { useBackend } from "../../helpers/backend.ts";

/** Images on a 2-d plane in pixel space: k = 2 reconstructs them exactly, k = 1 does not. */
function planeImages(count: number): Float32Array {
  const pixels = new Float32Array(count * 784);
  for (let image = 0; image < count; image++) {
    const a = (image % 7) / 7;
    const b = (image % 5) / 5;
    for (let pixel = 0; pixel < 784; pixel++) {
      pixels[image * 784 + pixel] = 0.3 + 0.3 * a * (pixel % 2) + 0.2 * b * (pixel < 392 ? 1 : 0);
    }
  }
  return pixels;
}

Deno.test("PCA reconstruction MSE: exact at the data's rank, larger below it", async () => {
  await useBackend();
  const pixels = planeImages(35);
  const pca = fitPca(pixels, { dimension: 784, components: 3 });
  assert.ok(pcaReconstructionMse(truncatePca(pca, 2), pixels) < 1e-9);
  assert.ok(pcaReconstructionMse(truncatePca(pca, 1), pixels) > 1e-4);
  assert.throws(() => truncatePca(pca, 4), /from 1 to 3/);
});

Deno.test("autoencoder MSE of an identity encoder/decoder is 0 and leak-free", async () => {
  await useBackend();
  const input = tf.input({ shape: [28, 28, 1] });
  const encoder = tf.model({
    inputs: input,
    outputs: tf.layers.flatten().apply(input) as tf.SymbolicTensor,
  });
  const latent = tf.input({ shape: [784] });
  const decoder = tf.model({
    inputs: latent,
    outputs: tf.layers.reshape({ targetShape: [28, 28, 1] }).apply(latent) as tf.SymbolicTensor,
  });
  const pixels = planeImages(3);
  const before = tf.memory().numTensors;
  assert.equal(autoencoderReconstructionMse(encoder, decoder, pixels, 2), 0);
  assert.equal(tf.memory().numTensors, before);
});
