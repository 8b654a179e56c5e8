import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { evaluateTestLoss } from "../../../lib/uses/evaluation/test_loss.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import { perImageBinaryCrossEntropy } from "../../../lib/training/binary_cross_entropy.ts";
import { gaussianKlDivergence } from "../../../lib/training/vae_loss.ts";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";
import { useBackend } from "../../helpers/backend.ts";

const ALL = [0, 1, 2, 3, 4, 5, 6];

Deno.test("a plain autoencoder's test loss is its mean summed BCE", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 4, seed: 0 });
  const data = syntheticFashion(7, 53);
  const before = tf.memory().numTensors;
  const result = evaluateTestLoss(cae, data, { batchSize: 3 });
  assert.equal(tf.memory().numTensors, before);
  const expected = tf.tidy(() => {
    const images = tf.tensor4d(data.pixelsAsFloat("test", ALL), [7, 28, 28, 1]);
    const reconstruction = cae.autoencoder.predict(images) as tf.Tensor;
    return tf.mean(perImageBinaryCrossEntropy(images, reconstruction)).dataSync()[0];
  });
  assert.equal(result.kind, "autoencoder");
  assert.deepEqual([result.count, result.samples], [7, 1]);
  assert.ok(Math.abs(result.loss - expected) < 1e-3 * expected, `${result.loss} vs ${expected}`);
  assert.equal(result.rc, undefined);
  disposeAutoencoder(cae);
});

Deno.test("a VAE's test loss is the −ELBO: rc + KL, KL in closed form, no tensor left", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 1 });
  const data = syntheticFashion(7, 53);
  const before = tf.memory().numTensors;
  const result = evaluateTestLoss(vae, data, { samples: 4, batchSize: 5 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(result.kind, "vae");
  assert.equal(result.samples, 4);
  assert.ok(Math.abs(result.loss - (result.rc! + result.kl!)) < 1e-6 * result.loss);
  const [kl, decodedBce] = tf.tidy(() => {
    const images = tf.tensor4d(data.pixelsAsFloat("test", ALL), [7, 28, 28, 1]);
    const [mean, logVar] = vae.distributionEncoder!.predict(images) as tf.Tensor2D[];
    const decoded = vae.decoder.predict(mean) as tf.Tensor;
    return [
      tf.mean(gaussianKlDivergence(mean, logVar)).dataSync()[0],
      tf.mean(perImageBinaryCrossEntropy(images, decoded)).dataSync()[0],
    ];
  });
  assert.ok(Math.abs(result.kl! - kl) < 1e-4 * Math.max(1, kl), `${result.kl} vs ${kl}`);
  assert.ok(Math.abs(result.meanDecodedBce! - decodedBce) < 1e-3 * decodedBce);
  assert.ok(result.rc! > 0);
  disposeAutoencoder(vae);
});

Deno.test("evaluateTestLoss refuses bad options with a clear message", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 2, seed: 0 });
  const data = syntheticFashion(2, 53);
  assert.throws(() => evaluateTestLoss(cae, data, { samples: 0 }), /samples must be/);
  assert.throws(() => evaluateTestLoss(cae, data, { indices: [] }), /holds no images/);
  disposeAutoencoder(cae);
});
