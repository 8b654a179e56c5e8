import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { createLocalEngine } from "../../lib/training/engine.ts";
import { createWorkerEngine, lossTermNames } from "../../lib/training/worker_engine.ts";
import { useBackend } from "../helpers/backend.ts";

function images(count: number, seed: number): Float32Array {
  return Float32Array.from(
    { length: count * 784 },
    (_, i) => ((i * 7919 + seed * 104729) % 997) / 997,
  );
}

function mainWeights(model: tf.LayersModel): Float32Array[] {
  return model.trainableWeights.map((weight) => weight.read().dataSync() as Float32Array);
}

Deno.test("the worker's replica stays identical to the main model, odd batch sizes included", async () => {
  await useBackend();
  const { autoencoder, decoder } = buildConvAutoencoder({ seed: 3 });
  const engine = await createWorkerEngine({
    model: autoencoder,
    workers: 2,
    config: { backend: "wasm", learningRate: 1e-3 },
  });
  try {
    for (const [step, count] of [8, 5, 1, 6].entries()) {
      const { loss } = await engine.trainBatch(images(count, step), count);
      assert.ok(Number.isFinite(loss) && loss > 0, `loss ${loss}`);
    }
    const [replica] = await engine.workerWeights();
    assert.deepEqual(replica, mainWeights(autoencoder));
  } finally {
    engine.dispose();
    autoencoder.dispose();
    decoder.dispose();
  }
});

Deno.test("two threads take the same first step as one thread", async () => {
  await useBackend();
  const one = buildConvAutoencoder({ seed: 4 });
  const two = buildConvAutoencoder({ seed: 4 });
  const single = createLocalEngine({ model: one.autoencoder });
  const parallel = await createWorkerEngine({
    model: two.autoencoder,
    workers: 2,
    config: { backend: "wasm", learningRate: 1e-3 },
  });
  try {
    const pixels = images(6, 9);
    const a = await single.trainBatch(pixels, 6);
    const b = await parallel.trainBatch(pixels, 6);
    assert.ok(Math.abs(a.loss - b.loss) / a.loss < 1e-5, `${a.loss} vs ${b.loss}`);
    const [x, y] = [mainWeights(one.autoencoder), mainWeights(two.autoencoder)];
    for (let v = 0; v < x.length; v++) {
      for (let i = 0; i < x[v].length; i++) {
        assert.ok(Math.abs(x[v][i] - y[v][i]) < 1e-5, `variable ${v}[${i}]`);
      }
    }
  } finally {
    single.dispose();
    parallel.dispose();
    [one, two].forEach(({ autoencoder, decoder }) => {
      autoencoder.dispose();
      decoder.dispose();
    });
  }
});

Deno.test("a restored optimizer state reaches the worker's Adam too", async () => {
  await useBackend();
  const first = buildConvAutoencoder({ seed: 6 });
  const trainer = createLocalEngine({ model: first.autoencoder });
  await trainer.trainBatch(images(4, 1), 4);
  const state = await trainer.saveOptimizerState();
  const resumed = buildConvAutoencoder({ seed: 6 });
  tf.tidy(() =>
    resumed.autoencoder.trainableWeights.forEach((weight, i) =>
      weight.write(first.autoencoder.trainableWeights[i].read())
    )
  );
  const engine = await createWorkerEngine({
    model: resumed.autoencoder,
    workers: 2,
    config: { backend: "wasm", learningRate: 1e-3 },
  });
  try {
    await engine.restoreOptimizerState(state);
    await engine.trainBatch(images(4, 2), 4);
    const [replica] = await engine.workerWeights();
    assert.deepEqual(replica, mainWeights(resumed.autoencoder));
  } finally {
    tf.dispose(state.map(({ tensor }) => tensor));
    engine.dispose();
    trainer.dispose();
    [first, resumed].forEach(({ autoencoder, decoder }) => {
      autoencoder.dispose();
      decoder.dispose();
    });
  }
});

Deno.test("lossTermNames lists the terms in the order the threads exchange them", () => {
  assert.deepEqual(lossTermNames({ name: "autoencoder" }), ["loss"]);
  assert.deepEqual(lossTermNames({ name: "vae", beta: 2 }), ["loss", "rc", "kl"]);
});
