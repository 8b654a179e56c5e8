import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  decodeLatents,
  decodeManifold,
  interpolateImages,
  interpolateLatents,
  manifoldLatents,
  samplePrior,
  standardNormalSamples,
} from "../../../lib/uses/generation/mod.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import { useBackend } from "../../helpers/backend.ts";

function inUnitInterval(values: Float32Array): boolean {
  return values.every((value) => value >= 0 && value <= 1);
}

Deno.test("prior samples: shapes, pixel range, same seed same images, no tensor left", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 3, seed: 0 });
  const before = tf.memory().numTensors;
  const first = samplePrior(vae.decoder, { count: 7, seed: 4 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(first.count, 7);
  assert.equal(first.latents.length, 7 * 3);
  assert.equal(first.images.length, 7 * 784);
  assert.ok(inUnitInterval(first.images));
  const again = samplePrior(vae.decoder, { count: 7, seed: 4 });
  assert.deepEqual(again.latents, first.latents);
  assert.deepEqual(again.images, first.images);
  const other = samplePrior(vae.decoder, { count: 7, seed: 5 });
  assert.notDeepEqual(other.latents, first.latents);
  disposeAutoencoder(vae);
});

Deno.test("standard normal samples have mean 0 and variance 1", () => {
  const values = standardNormalSamples(5001, 2, 1); // odd length: the last pair is cut
  assert.equal(values.length, 10002);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  assert.ok(Math.abs(mean) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
  assert.throws(() => standardNormalSamples(0, 2), /count must be a positive integer, got 0/);
});

Deno.test("the manifold grid puts z1 along columns and z2 growing upwards", () => {
  const latents = manifoldLatents(3);
  const q = 0.9674215661017014; // Φ⁻¹(5/6)
  const expected = [-q, q, 0, q, q, q, -q, 0, 0, 0, q, 0, -q, -q, 0, -q, q, -q];
  assert.equal(latents.length, 18);
  latents.forEach((value, index) => assert.ok(Math.abs(value - expected[index]) < 1e-6));
});

Deno.test("decodeManifold decodes gridSize² images and needs a 2-d latent", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 1 });
  const before = tf.memory().numTensors;
  const manifold = decodeManifold(vae.decoder, 4);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(manifold.count, 16);
  assert.equal(manifold.images.length, 16 * 784);
  assert.ok(inUnitInterval(manifold.images));
  disposeAutoencoder(vae);
  const wide = buildConvAutoencoder({ latentDim: 5, seed: 1 });
  assert.throws(
    () => decodeManifold(wide.decoder),
    /needs a decoder with a 2-d latent, got latent size 5/,
  );
  disposeAutoencoder(wide);
});

Deno.test("decoding in small batches gives the same images as one batch", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 2, seed: 2 });
  const latents = standardNormalSamples(5, 2, 0);
  const whole = decodeLatents(cae.decoder, latents);
  const pieces = decodeLatents(cae.decoder, latents, { batchSize: 2 });
  whole.forEach((value, index) => assert.ok(Math.abs(value - pieces[index]) < 1e-6));
  assert.throws(() => decodeLatents(cae.decoder, [1, 2, 3]), /got 3 latent values.*multiple of 2/);
  assert.throws(() => decodeLatents(cae.autoencoder, [1, 2]), /Expected a decoder with one input/);
  disposeAutoencoder(cae);
});

Deno.test("interpolated latents run straight from start to end, both included", () => {
  assert.deepEqual(Array.from(interpolateLatents([0, 0], [1, 2], 3)), [0, 0, 0.5, 1, 1, 2]);
  assert.throws(() => interpolateLatents([0], [1, 2], 3), /same, non-zero length; got 1 and 2/);
  assert.throws(() => interpolateLatents([0], [1], 1), /steps ≥ 2/);
});

Deno.test("interpolating two images starts and ends at their reconstructions", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 3 });
  const first = new Float32Array(784).map((_, index) => (index % 28) / 27);
  const second = new Float32Array(784).map((_, index) => Math.floor(index / 28) / 27);
  const before = tf.memory().numTensors;
  const walk = interpolateImages(vae, first, second, 6);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(walk.count, 6);
  assert.equal(walk.latents.length, 12);
  assert.equal(walk.images.length, 6 * 784);
  assert.ok(inUnitInterval(walk.images));
  const ends = tf.tidy(() => {
    const pair = tf.tensor4d([...first, ...second], [2, 28, 28, 1]);
    const means = vae.encoder.predict(pair) as tf.Tensor;
    return [means.dataSync(), (vae.decoder.predict(means) as tf.Tensor).dataSync()];
  });
  assert.ok(Math.abs(walk.latents[0] - ends[0][0]) < 1e-6);
  assert.ok(Math.abs(walk.latents[11] - ends[0][3]) < 1e-6);
  for (let pixel = 0; pixel < 784; pixel++) {
    assert.ok(Math.abs(walk.images[pixel] - ends[1][pixel]) < 1e-5);
    assert.ok(Math.abs(walk.images[5 * 784 + pixel] - ends[1][784 + pixel]) < 1e-5);
  }
  assert.throws(
    () => interpolateImages(vae, new Float32Array(10), second),
    /firstImage has 10 values, expected 784/,
  );
  disposeAutoencoder(vae);
});
