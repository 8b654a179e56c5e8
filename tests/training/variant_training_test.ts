import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { disposeAutoencoder } from "../../lib/models/autoencoder_bundle.ts";
import {
  CAE_VARIANTS,
  trainConvVariant,
  variantRunOf,
} from "../../lib/training/variant_training.ts";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { syntheticFashion } from "../helpers/synthetic_fashion.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("a variant trains, reports one line per epoch and leaves only its model", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  const lines: string[] = [];
  const run = await trainConvVariant(syntheticFashion(40, 31), CAE_VARIANTS[2], {
    epochs: 2,
    batchSize: 20,
    log: (line) => lines.push(line),
  });
  assert.equal(run.history.length, 2);
  assert.equal(run.testLoss, run.history[1].testLoss);
  assert.ok(Number.isFinite(run.testLoss) && run.testLoss > 0);
  assert.equal(run.bundle.latentDim, 2);
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^latent 2, no bottleneck: epoch 1\/2, train \d+\.\d, test \d+\.\d/);
  disposeAutoencoder(run.bundle);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("variants differ in parameters as designed, and a seed repeats a run exactly", async () => {
  await useBackend();
  const counts = new Map<string, number>();
  const losses: number[] = [];
  for (const variant of [CAE_VARIANTS[0], CAE_VARIANTS[0], CAE_VARIANTS[3]]) {
    const run = await trainConvVariant(syntheticFashion(40, 31), variant, {
      epochs: 1,
      batchSize: 20,
    });
    counts.set(variant.name, run.parameterCount);
    losses.push(run.testLoss);
    disposeAutoencoder(run.bundle);
  }
  assert.equal(counts.get("article: 16 → latent 20"), 190885);
  // Without the bottleneck: 3136→20 (62,740) replaces 3136→16→20 (50,192 + 340).
  assert.equal(counts.get("latent 20, no bottleneck"), 190885 - 50192 - 340 + 62740);
  assert.equal(losses[0], losses[1]);
});

Deno.test("a model trained elsewhere becomes a variant run: last test loss, summed seconds", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 20, seed: 0 });
  const epoch = (index: number, testLoss: number, seconds: number) => ({
    epoch: index,
    epochs: 2,
    trainLoss: testLoss + 1,
    testLoss,
    train: { loss: testLoss + 1 },
    test: { loss: testLoss },
    seconds,
    imagesPerSecond: 100,
  });
  const run = variantRunOf(CAE_VARIANTS[0], bundle, [epoch(1, 250, 10.5), epoch(2, 240, 9.5)]);
  assert.equal(run.testLoss, 240);
  assert.equal(run.seconds, 20);
  assert.equal(run.parameterCount, 190885);
  assert.equal(run.bundle, bundle);
  assert.throws(() => variantRunOf(CAE_VARIANTS[0], bundle, []), /no epochs/);
  disposeAutoencoder(bundle);
});
