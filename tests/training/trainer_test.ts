import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { loadFashionMnist } from "../../lib/data/fashion_mnist.ts";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { createLocalEngine, type TrainingEngine } from "../../lib/training/engine.ts";
import { type EpochMetrics, evaluate, fit } from "../../lib/training/trainer.ts";
import { createWorkerEngine } from "../../lib/training/worker_engine.ts";
import { useBackend } from "../helpers/backend.ts";

const data = await loadFashionMnist({ limit: 320 });

async function trainFresh(seed: number, epochs: number): Promise<EpochMetrics[]> {
  const { autoencoder } = buildConvAutoencoder({ seed });
  const engine = createLocalEngine({ model: autoencoder });
  try {
    return await fit(engine, data, { epochs, seed });
  } finally {
    engine.dispose();
    autoencoder.dispose();
  }
}

Deno.test("a short training run lowers the test loss", async () => {
  await useBackend();
  const { autoencoder } = buildConvAutoencoder({ seed: 4 });
  const engine = createLocalEngine({ model: autoencoder });
  const before = await evaluate(engine, data, "test");
  const history = await fit(engine, data, { epochs: 2, seed: 4 });
  assert.equal(history.length, 2);
  assert.ok(history[1].testLoss < before.loss - 50, `${before.loss} → ${history[1].testLoss}`);
  assert.ok(history[1].trainLoss < history[0].trainLoss);
  engine.dispose();
  autoencoder.dispose();
});

Deno.test("images per second count the training images over the training time only", async () => {
  // A stand-in engine that takes 15 ms per training batch and 200 ms per evaluation batch.
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const engine: TrainingEngine = {
    trainBatch: async () => (await sleep(15), { loss: 2 }),
    evaluateBatch: async (_pixels, count) => (await sleep(200), { loss: count }),
    syncModel: () => Promise.resolve(),
    saveOptimizerState: () => Promise.resolve([]),
    restoreOptimizerState: () => Promise.resolve(),
    dispose: () => {},
  };
  const seen: number[] = [];
  const [metrics] = await fit(engine, data, {
    epochs: 1,
    batchSize: 32,
    evaluationBatchSize: 500,
    callbacks: { onBatchEnd: (batch) => void seen.push(batch.imagesSeen) },
  });
  assert.equal(seen.at(-1), 320);
  // 320 images over at least the 10 × 15 ms of training, and the 200 ms of evaluation left out
  // (checked as lower bounds only, so a slow machine cannot fail it).
  const trainSeconds = 320 / metrics.imagesPerSecond;
  assert.ok(trainSeconds >= 0.15, `${trainSeconds} s of training for 10 batches of 15 ms`);
  assert.ok(
    metrics.seconds - trainSeconds >= 0.2,
    `the epoch (${metrics.seconds} s) includes the evaluation, the throughput does not`,
  );
  assert.equal(metrics.trainLoss, 2); // the mean of the batch means, weighted by batch size
});

Deno.test("the same seed gives the same losses, and another seed different ones", async () => {
  await useBackend();
  const first = await trainFresh(7, 1);
  const second = await trainFresh(7, 1);
  const third = await trainFresh(8, 1);
  assert.equal(first[0].trainLoss, second[0].trainLoss);
  assert.equal(first[0].testLoss, second[0].testLoss);
  assert.notEqual(first[0].trainLoss, third[0].trainLoss);
});

Deno.test("the number of tensors stays flat across 200 training steps", async () => {
  await useBackend();
  const { autoencoder } = buildConvAutoencoder({ seed: 1 });
  const engine = createLocalEngine({ model: autoencoder });
  const pixels = data.pixelsAsFloat("train", [0, 1, 2, 3, 4, 5, 6, 7]);
  await engine.trainBatch(pixels, 8); // creates the optimiser's moment variables
  const before = tf.memory().numTensors;
  for (let step = 0; step < 200; step++) await engine.trainBatch(pixels, 8);
  await engine.evaluateBatch(pixels, 8);
  assert.equal(tf.memory().numTensors, before);
  engine.dispose();
  autoencoder.dispose();
});

Deno.test("callbacks see every batch and epoch, with a running mean loss", async () => {
  await useBackend();
  const { autoencoder } = buildConvAutoencoder({ seed: 2 });
  const engine = createLocalEngine({ model: autoencoder });
  const seen: string[] = [];
  await fit(engine, data, {
    epochs: 1,
    batchSize: 100,
    callbacks: {
      onEpochBegin: ({ batches }) => void seen.push(`begin ${batches}`),
      onBatchEnd: ({ batch, imagesSeen }) => void seen.push(`batch ${batch} ${imagesSeen}`),
      onEpochEnd: ({ epoch }) => void seen.push(`end ${epoch}`),
    },
  });
  assert.deepEqual(seen, [
    "begin 4",
    "batch 1 100",
    "batch 2 200",
    "batch 3 300",
    "batch 4 320",
    "end 1",
  ]);
  engine.dispose();
  autoencoder.dispose();
});

Deno.test("fit rejects bad epochs and batch sizes with a RangeError", async () => {
  await useBackend();
  const { autoencoder } = buildConvAutoencoder();
  const engine = createLocalEngine({ model: autoencoder });
  await assert.rejects(fit(engine, data, { epochs: 0 }), /epochs must be an integer >= 1/);
  await assert.rejects(fit(engine, data, { epochs: 1, batchSize: 1.5 }), /batchSize/);
  engine.dispose();
  autoencoder.dispose();
});

Deno.test("two threads train like one: the same first loss and close losses after an epoch", async () => {
  await useBackend();
  const single = await trainFresh(5, 1);
  const { autoencoder } = buildConvAutoencoder({ seed: 5 });
  const before = tf.memory().numTensors;
  const engine = await createWorkerEngine({
    model: autoencoder,
    workers: 2,
    config: { backend: "wasm", learningRate: 1e-3 },
  });
  const batchLosses: number[] = [];
  const parallel = await fit(engine, data, {
    epochs: 1,
    seed: 5,
    callbacks: { onBatchEnd: ({ batchLoss }) => void batchLosses.push(batchLoss) },
  });
  engine.dispose();
  const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  assert.ok(relative(parallel[0].trainLoss, single[0].trainLoss) < 1e-3);
  assert.ok(relative(parallel[0].testLoss, single[0].testLoss) < 1e-2);
  assert.equal(batchLosses.length, 10);
  // The engine's optimiser (and its moments) went with dispose(); nothing else may stay.
  assert.equal(tf.memory().numTensors, before);
  autoencoder.dispose();
});
