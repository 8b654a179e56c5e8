import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { join } from "node:path";
import { trainRun } from "../../lib/commands/train_run.ts";
import { withConfigDefaults } from "../../lib/training/run_config.ts";
import { createWorkerEngine } from "../../lib/training/worker_engine.ts";
import type { LossSpec } from "../../lib/training/loss_spec.ts";
import { loadModel } from "../../lib/training/run_folder/checkpoint.ts";
import { readMetrics } from "../../lib/training/run_folder/metrics_file.ts";
import { useBackend } from "../helpers/backend.ts";

const quiet = { log: () => {}, progress: false } as const;
// 96 images in batches of 32: three steps per epoch.
const vae = { model: "vae", limit: 96, latentDim: 3, seed: 5 } as const;

function layerNames(model: tf.LayersModel): string[] {
  return model.layers.map((layer) => layer.name);
}

Deno.test("the default VAE has no Dense layer before its heads; --vae-bottleneck 16 restores it", async () => {
  await useBackend();
  const plain = await Deno.makeTempDir();
  const dense = await Deno.makeTempDir();
  await trainRun({ directory: plain, config: { ...vae, epochs: 1 }, ...quiet });
  await trainRun({ directory: dense, config: { ...vae, epochs: 1, vaeBottleneck: 16 }, ...quiet });
  const plainConfig = JSON.parse(await Deno.readTextFile(join(plain, "config.json")));
  const denseConfig = JSON.parse(await Deno.readTextFile(join(dense, "config.json")));
  assert.equal(plainConfig.vaeBottleneck, null);
  assert.equal(denseConfig.vaeBottleneck, 16);
  assert.equal(plainConfig.klWarmup, 0);
  const plainModel = await loadModel(plain);
  const denseModel = await loadModel(dense);
  assert.ok(!layerNames(plainModel).includes("encoder_bottleneck"));
  assert.ok(layerNames(denseModel).includes("encoder_bottleneck"));
  assert.deepEqual(denseModel.getLayer("z_mean").getWeights()[0].shape, [16, 3]);
  assert.deepEqual(plainModel.getLayer("z_mean").getWeights()[0].shape, [7 * 7 * 64, 3]);
  plainModel.dispose();
  denseModel.dispose();
});

Deno.test("KL warm-up ramps beta per step, is recorded, and a resumed VAE repeats the uninterrupted run", async () => {
  await useBackend();
  const straight = await Deno.makeTempDir();
  const interrupted = await Deno.makeTempDir();
  const config = { ...vae, klWarmup: 1, epochs: 2 };
  await trainRun({ directory: straight, config, ...quiet });
  await trainRun({ directory: interrupted, config: { ...config, epochs: 1 }, ...quiet });
  await trainRun({ directory: interrupted, config: { epochs: 2 }, resume: true, ...quiet });
  const expected = [
    { first: { beta: 0 }, last: { beta: 2 / 3 } },
    { first: { beta: 1 }, last: { beta: 1 } },
  ];
  for (const directory of [straight, interrupted]) {
    const metrics = await readMetrics(directory);
    assert.deepEqual(metrics.map((line) => line.lossWeights), expected, directory);
    const saved = JSON.parse(await Deno.readTextFile(join(directory, "config.json")));
    assert.equal(saved.klWarmup, 1);
  }
  // The sampling noise restarts per epoch, so the resumed epoch repeats the uninterrupted one.
  const [straightMetrics, resumedMetrics] = [
    await readMetrics(straight),
    await readMetrics(interrupted),
  ];
  assert.deepEqual(resumedMetrics[1].train, straightMetrics[1].train);
  assert.deepEqual(resumedMetrics[1].test, straightMetrics[1].test);
  // The test loss is always the −ELBO (β = 1), also during warm-up.
  const [first] = await readMetrics(straight);
  assert.ok(Math.abs(first.test.loss - (first.test.rc + first.test.kl)) < 1e-3);
});

Deno.test("with two threads, a resumed VAE repeats the uninterrupted run (each thread's noise restarts per epoch)", async () => {
  await useBackend();
  const twoThreads = {
    ...quiet,
    createEngine: (
      model: tf.LayersModel,
      config: { backend: "wasm" | "cpu"; learningRate: number },
      loss: LossSpec,
    ) => createWorkerEngine({ model, config, loss, workers: 2 }),
  };
  const straight = await Deno.makeTempDir();
  const interrupted = await Deno.makeTempDir();
  const config = { ...vae, klWarmup: 1, epochs: 2 };
  await trainRun({ directory: straight, config, ...twoThreads });
  await trainRun({ directory: interrupted, config: { ...config, epochs: 1 }, ...twoThreads });
  await trainRun({ directory: interrupted, config: { epochs: 2 }, resume: true, ...twoThreads });
  const [straightMetrics, resumedMetrics] = [
    await readMetrics(straight),
    await readMetrics(interrupted),
  ];
  assert.deepEqual(resumedMetrics[1].train, straightMetrics[1].train);
  assert.deepEqual(resumedMetrics[1].test, straightMetrics[1].test);
  assert.deepEqual(resumedMetrics[0].lossWeights, { first: { beta: 0 }, last: { beta: 2 / 3 } });
});

Deno.test("a config written before these options reads as the VAE it described", () => {
  const older = { model: "vae", beta: 1, latentDim: 20, epochs: 3 } as const;
  assert.equal(withConfigDefaults(older).vaeBottleneck, 16);
  assert.equal(withConfigDefaults(older).klWarmup, 0);
  assert.equal(withConfigDefaults({ ...older, model: "cae" }).vaeBottleneck, null);
  assert.equal(withConfigDefaults({ ...older, vaeBottleneck: null }).vaeBottleneck, null);
});
