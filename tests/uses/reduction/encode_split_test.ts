import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { encodeImages, encodeSplit } from "../../../lib/uses/reduction/encode_split.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("encodeSplit encodes a whole split in batches like one predict call", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 3, seed: 0 });
  const data = syntheticFashion(7, 37);
  const before = tf.memory().numTensors;
  const codes = encodeSplit(cae.encoder, data, "test", { batchSize: 3 });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual([codes.count, codes.dimension, codes.values.length], [7, 3, 21]);
  const expected = tf.tidy(() =>
    (cae.encoder.predict(
      tf.tensor4d(data.pixelsAsFloat("test", [0, 1, 2, 3, 4, 5, 6]), [7, 28, 28, 1]),
    ) as tf.Tensor).dataSync()
  );
  codes.values.forEach((value, index) => assert.ok(Math.abs(value - expected[index]) < 1e-5));
  const some = encodeSplit(cae.encoder, data, "test", { indices: [6, 0] });
  assert.deepEqual(Array.from(some.values), [...expected.slice(18, 21), ...expected.slice(0, 3)]);
  disposeAutoencoder(cae);
});

Deno.test("encodeImages gives a VAE's means and refuses partial images", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 1 });
  const pixels = syntheticFashion(5, 37).pixelsAsFloat("train", [0, 1, 2, 3, 4]);
  const before = tf.memory().numTensors;
  const codes = encodeImages(vae.encoder, pixels, { batchSize: 2 });
  const again = encodeImages(vae.encoder, pixels);
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual([codes.count, codes.dimension], [5, 2]);
  // The mean is deterministic: no sampling noise between calls.
  codes.values.forEach((value, index) => assert.ok(Math.abs(value - again.values[index]) < 1e-6));
  assert.throws(() => encodeImages(vae.encoder, new Float32Array(100)), /got 100 pixel values/);
  assert.throws(
    () => encodeImages(vae.autoencoder, pixels),
    /Expected an encoder with one output of shape \[N, latentDim\]/,
  );
  disposeAutoencoder(vae);
});
