import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { disposeAutoencoder } from "../../lib/models/autoencoder_bundle.ts";
import { buildVariationalAutoencoder } from "../../lib/models/variational_autoencoder.ts";
import { createLocalEngine } from "../../lib/training/engine.ts";
import { perImageLossFor } from "../../lib/training/loss_spec.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("a VAE training step and evaluation leave no tensor behind", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 0 });
  const engine = createLocalEngine({
    model: vae.autoencoder,
    perImageLoss: perImageLossFor({ name: "vae", beta: 1 }),
  });
  const pixels = new Float32Array(8 * 784).map((_, index) => (index % 255) / 255);
  await engine.trainBatch(pixels, 8); // creates the optimiser's moment variables
  const before = tf.memory().numTensors;
  for (let step = 0; step < 20; step++) {
    const terms = await engine.trainBatch(pixels, 8);
    assert.ok(Number.isFinite(terms.rc) && Number.isFinite(terms.kl));
  }
  await engine.evaluateBatch(pixels, 8);
  assert.equal(tf.memory().numTensors, before);
  engine.dispose();
  disposeAutoencoder(vae);
});
