import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { perImageLossFor } from "../../lib/training/loss_spec.ts";
import { gaussianKlDivergence, vaeLoss } from "../../lib/training/vae_loss.ts";
import { buildVariationalAutoencoder } from "../../lib/models/variational_autoencoder.ts";
import { useBackend } from "../helpers/backend.ts";

const close = (actual: number, expected: number, tolerance = 1e-5) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} vs ${expected}`,
  );

Deno.test("the KL divergence matches a hand computation per row", async () => {
  await useBackend();
  // Row 1: N(0,1) against N(0,1) → 0. Row 2: mean (1, −2), logVar (0, ln 4):
  // ½[(1 + 1 − 1 − 0) + (4 + 4 − 1 − ln 4)] = ½(1 + 7 − ln 4).
  const mean = tf.tensor2d([[0, 0], [1, -2]]);
  const logVar = tf.tensor2d([[0, 0], [0, Math.log(4)]]);
  const kl = gaussianKlDivergence(mean, logVar).arraySync();
  close(kl[0], 0);
  close(kl[1], 0.5 * (1 + 7 - Math.log(4)));
  tf.dispose([mean, logVar]);
});

Deno.test("the VAE loss terms add up: total = rc + beta * kl", async () => {
  await useBackend();
  const images = tf.randomUniform([3, 28, 28, 1], 0, 1, "float32", 1);
  const reconstruction = tf.randomUniform([3, 28, 28, 1], 0.05, 0.95, "float32", 2);
  const mean = tf.randomNormal([3, 4], 0, 1, "float32", 3) as tf.Tensor2D;
  const logVar = tf.randomNormal([3, 4], 0, 0.5, "float32", 4) as tf.Tensor2D;
  for (const beta of [0, 1, 4]) {
    const { rc, kl, total } = vaeLoss(images, reconstruction, mean, logVar, { beta });
    const [r, k, t] = [rc.arraySync(), kl.arraySync(), total.arraySync()];
    r.forEach((value, index) => close(t[index], value + beta * k[index]));
    tf.dispose([rc, kl, total]);
  }
  assert.throws(() => vaeLoss(images, reconstruction, mean, logVar, { beta: -1 }), /beta/);
  tf.dispose([images, reconstruction, mean, logVar]);
});

Deno.test("the VAE's per-image loss reports rc and kl beside the total", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 3, seed: 1 });
  const images = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 5) as tf.Tensor4D;
  const terms = perImageLossFor({ name: "vae", beta: 2 })(vae.autoencoder, images, false);
  assert.deepEqual(Object.keys(terms).sort(), ["kl", "loss", "rc"]);
  const [rc, kl, loss] = [terms.rc.arraySync(), terms.kl.arraySync(), terms.loss.arraySync()];
  close(loss[0], rc[0] + 2 * kl[0]);
  assert.ok(kl[0] >= 0);
  assert.throws(
    () => perImageLossFor({ name: "autoencoder" })(vae.autoencoder, images, false),
    /needs a model with one output/,
  );
  tf.dispose([images, ...Object.values(terms)]);
});
