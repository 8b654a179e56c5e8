import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { loadFashionMnist } from "../../lib/data/fashion_mnist.ts";
import { loadModel } from "../../lib/training/run_folder/checkpoint.ts";
import { CheckpointError } from "../../lib/training/run_folder/manifest.ts";
import { readLatentsFile } from "../../lib/training/run_folder/latents_file.ts";
import { splitAutoencoder } from "../../lib/models/autoencoder_bundle.ts";
import { readMetrics } from "../../lib/training/run_folder/metrics_file.ts";
import { RunError, trainRun } from "../../lib/commands/train_run.ts";
import { createLocalEngine } from "../../lib/training/engine.ts";
import { lossSpecFor, perImageLossFor } from "../../lib/training/loss_spec.ts";
import { useBackend } from "../helpers/backend.ts";

const quiet = { log: () => {}, progress: false } as const;
const config = { limit: 96, epochs: 1, latentDim: 4, seed: 3 };

Deno.test("a run writes the model, config, one metrics line per epoch and a reconstruction picture", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const { history } = await trainRun({ directory, config: { ...config, epochs: 2 }, ...quiet });
  const names = (directory: string) =>
    [...Deno.readDirSync(directory)].map((entry) => entry.name).sort();
  assert.deepEqual(names(directory), [
    "checkpoint.json",
    "checkpoints",
    "config.json",
    "latents.json",
    "metrics.jsonl",
    "model.json",
    "reconstructions.png",
  ]);
  // Only the last committed checkpoint is kept.
  assert.deepEqual(names(join(directory, "checkpoints")), ["epoch-2"]);
  assert.deepEqual(names(join(directory, "checkpoints", "epoch-2")), [
    "config.json",
    "metrics.jsonl",
    "model.json",
    "optimizer.bin",
    "optimizer.json",
    "weights.bin",
  ]);
  const metrics = await readMetrics(directory);
  assert.deepEqual(metrics.map((m) => m.epoch), [1, 2]);
  assert.equal(metrics[1].testLoss, history[1].testLoss);
  const savedConfig = JSON.parse(await Deno.readTextFile(join(directory, "config.json")));
  assert.equal(savedConfig.latentDim, 4);
  assert.equal(savedConfig.batchSize, 32);
  const picture = await sharp(join(directory, "reconstructions.png")).metadata();
  assert.equal(picture.width, 10 * 112 + 11 * 4); // ten images of 28 px upscaled 4x, 4 px gaps
  assert.equal(picture.height, 2 * 112 + 3 * 4);
  const model = JSON.parse(await Deno.readTextFile(join(directory, "model.json")));
  assert.equal(model.format, "layers-model");
  assert.deepEqual(model.weightsManifest[0].paths, ["checkpoints/epoch-2/weights.bin"]);
  const inFolder = JSON.parse(
    await Deno.readTextFile(join(directory, "checkpoints", "epoch-2", "model.json")),
  );
  assert.deepEqual(inFolder.weightsManifest[0].paths, ["weights.bin"]);
});

Deno.test("a checkpoint reloads to a model with identical outputs", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const { model } = await trainRun({ directory, config, ...quiet });
  const reloaded = await loadModel(directory);
  const data = await loadFashionMnist({ limit: 4 });
  const images = tf.tensor4d(data.pixelsAsFloat("test", [0, 1, 2, 3]), [4, 28, 28, 1]);
  const expected = (model.predict(images) as tf.Tensor).dataSync();
  const actual = (reloaded.predict(images) as tf.Tensor).dataSync();
  assert.deepEqual(Array.from(actual), Array.from(expected));
  tf.dispose(images);
});

Deno.test("resuming after epoch 1 gives exactly the losses of an uninterrupted run", async () => {
  await useBackend();
  const straight = await Deno.makeTempDir();
  const interrupted = await Deno.makeTempDir();
  const full = await trainRun({ directory: straight, config: { ...config, epochs: 2 }, ...quiet });
  await trainRun({ directory: interrupted, config, ...quiet });
  const resumed = await trainRun({
    directory: interrupted,
    config: { epochs: 2 },
    resume: true,
    ...quiet,
  });
  assert.deepEqual(resumed.history.map((m) => m.epoch), [1, 2]);
  assert.equal(resumed.history[1].trainLoss, full.history[1].trainLoss);
  assert.equal(resumed.history[1].testLoss, full.history[1].testLoss);
  assert.deepEqual((await readMetrics(interrupted)).map((m) => m.epoch), [1, 2]);
});

Deno.test("a run ends by writing the test set's latent map, also after a resume with nothing to do", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const lines: string[] = [];
  const { model } = await trainRun({
    directory,
    config: { ...config, model: "vae", latentDim: 3 },
    log: (line) => lines.push(line),
    progress: false,
  });
  const latents = await readLatentsFile(directory);
  assert.ok(latents);
  assert.equal(latents.points.length, config.limit);
  assert.deepEqual(
    [latents.split, latents.model, latents.latentDim, latents.epoch, latents.projection?.kind],
    ["test", "vae", 3, 1, "pca"],
  );
  assert.ok(lines.includes(
    `Latents: ${join(directory, "latents.json")} (96 test images, the PCA plane of the 3-d codes)`,
  ));
  // The map of image 5 is its posterior mean projected onto the plane (4 decimals).
  const data = await loadFashionMnist({ limit: config.limit });
  const { encoder } = splitAutoencoder(model, "vae");
  const mean = tf.tidy(() =>
    Array.from(
      (encoder.predict(tf.tensor4d(data.image(5), [1, 28, 28, 1])) as tf.Tensor).dataSync(),
    )
  );
  const projection = latents.projection!;
  if (projection.kind !== "pca") throw new Error("expected a PCA map");
  const centred = mean.map((value, index) => value - projection.mean[index]);
  const dot = (row: number[]) => row.reduce((sum, value, index) => sum + value * centred[index], 0);
  assert.ok(Math.abs(latents.points[5].x - dot(projection.components[0])) < 2e-4);
  assert.ok(Math.abs(latents.points[5].y - dot(projection.components[1])) < 2e-4);
  assert.equal(latents.points[5].label, data.label(5));

  await Deno.remove(join(directory, "latents.json"));
  await trainRun({ directory, config: { epochs: 1 }, resume: true, ...quiet });
  assert.equal((await readLatentsFile(directory))?.epoch, 1);
});

Deno.test("a run refuses to overwrite a trained run and to resume with other settings", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  await trainRun({ directory, config, ...quiet });
  await assert.rejects(trainRun({ directory, config, ...quiet }), RunError);
  await assert.rejects(
    trainRun({ directory, config: { latentDim: 8 }, resume: true, ...quiet }),
    /Only --epochs may change on resume/,
  );
  const empty = await Deno.makeTempDir();
  await assert.rejects(trainRun({ directory: empty, resume: true, ...quiet }), /Cannot resume/);
});

Deno.test("a torn checkpoint is detected on load instead of silently used", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  await trainRun({ directory, config, ...quiet });
  const path = join(directory, "checkpoints", "epoch-1", "weights.bin");
  const weights = await Deno.readFile(path);
  weights[100] ^= 0xff;
  await Deno.writeFile(path, weights);
  await assert.rejects(loadModel(directory), CheckpointError);
  await assert.rejects(
    loadModel(directory),
    (error: unknown) =>
      error instanceof CheckpointError && error.message.includes(path) &&
      /does not match its SHA-256/.test(error.message) && !/--resume/.test(error.message),
  );
});

Deno.test("issue 12.1: NaN weights during training stop the run and keep the last good checkpoint", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  await trainRun({ directory, config, ...quiet });
  const before = await Deno.readTextFile(join(directory, "checkpoint.json"));
  // Something (a bad kernel, a damaged input) turns one weight into NaN during epoch 2.
  const poison = {
    onBatchEnd({ epoch, batch }: { epoch: number; batch: number }) {
      if (epoch !== 2 || batch !== 1) return;
      const weight = model.trainableWeights[2];
      const values = weight.read().dataSync().slice();
      values[0] = NaN;
      weight.write(tf.tensor(values, weight.read().shape));
    },
  };
  let model = undefined as unknown as tf.LayersModel; // the resumed model, set by createEngine
  const error = await trainRun({
    directory,
    config: { epochs: 3 },
    resume: true,
    callbacks: [poison],
    createEngine: (built, _config, loss) => {
      model = built;
      return Promise.resolve(
        createLocalEngine({ model: built, perImageLoss: perImageLossFor(loss) }),
      );
    },
    ...quiet,
  }).then(() => undefined, (caught) => caught);
  assert.ok(error instanceof RunError, String(error));
  assert.match(
    error.message,
    /^Training stopped: The model's weights became NaN or ±Infinity by epoch 2/,
  );
  assert.match(error.message, /The last good checkpoint \(epoch 1\) stays in .*, unchanged\./);
  assert.ok(!/learning rate/.test(error.message));
  assert.equal(await Deno.readTextFile(join(directory, "checkpoint.json")), before);
  assert.deepEqual([...Deno.readDirSync(join(directory, "checkpoints"))].map((e) => e.name), [
    "epoch-1",
  ]);
  assert.deepEqual((await readMetrics(directory)).map((m) => m.epoch), [1]);
  (await loadModel(directory)).dispose();
});

Deno.test("each model kind trains on its loss: VAE on rc + β·kl, N2D on MSE, the others on BCE", () => {
  assert.deepEqual(lossSpecFor({ model: "vae", beta: 2 }), { name: "vae", beta: 2 });
  assert.deepEqual(lossSpecFor({ model: "n2d", beta: 1 }), { name: "mse" });
  assert.deepEqual(lossSpecFor({ model: "cae", beta: 1 }), { name: "autoencoder" });
  assert.deepEqual(lossSpecFor({ model: "dense", beta: 1 }), { name: "autoencoder" });
});
