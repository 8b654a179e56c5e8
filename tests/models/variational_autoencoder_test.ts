import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildDenseAutoencoder } from "../../lib/models/dense_autoencoder.ts";
import { buildModel } from "../../lib/models/build_model.ts";
import {
  disposeAutoencoder,
  predict,
  splitAutoencoder,
} from "../../lib/models/autoencoder_bundle.ts";
import { buildVariationalAutoencoder } from "../../lib/models/variational_autoencoder.ts";
import { GaussianSampling } from "../../lib/models/gaussian_sampling.ts";
import { loadModel } from "../../lib/training/run_folder/checkpoint.ts";
import { trainRun } from "../../lib/commands/train_run.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("the VAE maps images to a reconstruction, a mean and a log-variance", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 0, bottleneckUnits: 16 });
  const images = tf.randomUniform([4, 28, 28, 1], 0, 1, "float32", 1);
  const outputs = vae.autoencoder.predict(images) as tf.Tensor[];
  assert.deepEqual(outputs.map((t) => t.shape), [[4, 28, 28, 1], [4, 2], [4, 2]]);
  // The CAE's encoder with two 16→2 heads, and the CAE's decoder from 2 dimensions.
  assert.equal(vae.encoder.countParams(), 320 + 18496 + 50192 + 34);
  assert.equal(vae.distributionEncoder?.countParams(), 320 + 18496 + 50192 + 34 + 34);
  assert.equal(vae.decoder.countParams(), 2 * 3136 + 3136 + 36928 + 18464 + 289);
  const generated = vae.decoder.predict(tf.randomNormal([5, 2])) as tf.Tensor;
  assert.deepEqual(generated.shape, [5, 28, 28, 1]);
  tf.dispose([images, ...outputs, generated]);
});

Deno.test("by default the VAE's heads read the convolution features directly, without Dense(16)", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 20, seed: 0 });
  const names = vae.autoencoder.layers.map((layer) => layer.name);
  assert.ok(!names.includes("encoder_bottleneck"), names.join(", "));
  // Two 3136 → 20 heads on the CAE's convolutions; the decoder is the CAE's.
  assert.equal(vae.distributionEncoder?.countParams(), 320 + 18496 + 2 * (3136 * 20 + 20));
  assert.equal(vae.autoencoder.countParams(), 265833);
  vae.autoencoder.dispose();
});

Deno.test("sampling keeps gradients: they reach both the mean and the log-variance", async () => {
  await useBackend();
  const sampling = new GaussianSampling({ seed: 3 });
  const mean = tf.tensor2d([[0.5, -1]]);
  const logVar = tf.tensor2d([[0.2, -0.4]]);
  const [meanGradient, logVarGradient] = tf.grads((m: tf.Tensor, v: tf.Tensor) =>
    tf.sum(sampling.apply([m, v]) as tf.Tensor)
  )([mean, logVar]);
  // d(sum z)/d mean = 1; d(sum z)/d logVar = ½ exp(logVar/2) ε, non-zero for ε ≠ 0.
  assert.deepEqual(Array.from(meanGradient.dataSync()), [1, 1]);
  assert.ok(Array.from(logVarGradient.dataSync()).every((value) => value !== 0));
  tf.dispose([mean, logVar, meanGradient, logVarGradient]);
});

Deno.test("a saved VAE reloads and decodes identically", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const { model } = await trainRun({
    directory,
    config: { model: "vae", limit: 64, epochs: 1, latentDim: 2 },
    log: () => {},
    progress: false,
  });
  const reloaded = await loadModel(directory);
  const images = tf.randomUniform([3, 28, 28, 1], 0, 1, "float32", 2);
  const first = predict(splitAutoencoder(model), images);
  const second = predict(splitAutoencoder(reloaded), images);
  assert.deepEqual(Array.from(second.z.dataSync()), Array.from(first.z.dataSync()));
  assert.deepEqual(Array.from(second.y.dataSync()), Array.from(first.y.dataSync()));
  tf.dispose([images, first.z, first.y, second.z, second.y]);
  const metrics = JSON.parse((await Deno.readTextFile(`${directory}/metrics.jsonl`)).trim());
  assert.ok(metrics.train.rc > 0 && metrics.train.kl >= 0);
  assert.ok(Math.abs(metrics.test.loss - (metrics.test.rc + metrics.test.kl)) < 1e-3);
});

Deno.test("the dense autoencoder has 412,964 parameters and the CAE's input and output shapes", async () => {
  await useBackend();
  const dense = buildDenseAutoencoder({ latentDim: 20 });
  assert.equal(dense.autoencoder.countParams(), 412964);
  const { z, y } = predict(dense, tf.zeros([2, 28, 28, 1]));
  assert.deepEqual([z.shape, y.shape], [[2, 20], [2, 28, 28, 1]]);
  tf.dispose([z, y]);
  assert.throws(() => buildModel("gan" as "cae"), /Unknown model kind "gan"/);
});

Deno.test("disposing a VAE or dense bundle frees every weight it created", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  disposeAutoencoder(buildVariationalAutoencoder({ latentDim: 2 }));
  disposeAutoencoder(buildDenseAutoencoder());
  assert.equal(tf.memory().numTensors, before);
});
