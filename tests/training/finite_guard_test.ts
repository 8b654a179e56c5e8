import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildModel } from "../../lib/models/build_model.ts";
import { TrainingDivergedError } from "../../lib/training/divergence.ts";
import { createLocalEngine, type TrainingEngine } from "../../lib/training/engine.ts";
import { allFinite, createFiniteGuard, nonFiniteNames } from "../../lib/training/finite_guard.ts";
import { fit } from "../../lib/training/trainer.ts";
import { useBackend } from "../helpers/backend.ts";
import { syntheticFashion } from "../helpers/synthetic_fashion.ts";

const data = syntheticFashion(64, 41);

/** A small CAE whose first kernel holds one NaN, as a damaged checkpoint would give. */
function poisonedModel(value = NaN): tf.LayersModel {
  const { autoencoder } = buildModel("cae", { latentDim: 3, seed: 2 });
  const kernel = autoencoder.trainableWeights[0].read();
  const values = kernel.dataSync().slice();
  values[5] = value;
  autoencoder.trainableWeights[0].write(tf.tensor(values, kernel.shape));
  return autoencoder;
}

Deno.test("allFinite finds a single NaN or ±Infinity among many tensors, and nonFiniteNames names them", async () => {
  await useBackend();
  const clean = [tf.ones([3, 3]), tf.zeros([10]), tf.scalar(-2.5)];
  assert.equal(allFinite(clean), true);
  assert.equal(allFinite([]), true);
  for (const bad of [NaN, Infinity, -Infinity]) {
    const poisoned = tf.tensor([1, 2, bad, 4]);
    assert.equal(allFinite([...clean, poisoned]), false, String(bad));
    assert.deepEqual(
      nonFiniteNames([{ name: "a", tensor: clean[0] }, { name: "b", tensor: poisoned }]),
      ["b"],
    );
    poisoned.dispose();
  }
  // Huge but finite values are finite: x·0 is 0 for every finite x.
  const huge = tf.tensor([3e38, -3e38, 3e38]);
  assert.equal(allFinite([huge]), true);
  tf.dispose([...clean, huge]);
});

Deno.test("the clipped loss hides a NaN weight: training runs on with finite losses", async () => {
  await useBackend();
  const model = poisonedModel();
  const engine = createLocalEngine({ model });
  const history = await fit(engine, data, { epochs: 1, batchSize: 16 });
  assert.ok(Number.isFinite(history[0].trainLoss) && Number.isFinite(history[0].testLoss));
  assert.equal(allFinite(model.trainableWeights.map((weight) => weight.read())), false);
  engine.dispose();
});

Deno.test("the finite guard stops training on NaN weights that the loss does not show", async () => {
  await useBackend();
  for (const [value, everyBatches, stoppedAt] of [[NaN, 1, 1], [Infinity, 3, 3], [NaN, 50, 4]]) {
    const model = poisonedModel(value);
    const engine = createLocalEngine({ model });
    const guard = createFiniteGuard({ model, engine, everyBatches });
    await assert.rejects(
      fit(engine, data, { epochs: 2, batchSize: 16, callbacks: [guard] }),
      (error: unknown) =>
        error instanceof TrainingDivergedError && error.epoch === 1 && error.batch === stoppedAt &&
        /weights became NaN or ±Infinity by epoch 1, batch \d of 4 \(in /.test(error.message),
    );
    engine.dispose();
  }
});

Deno.test("the finite guard lets a sound run train to the end, with the same losses as without it", async () => {
  await useBackend();
  const run = async (guarded: boolean) => {
    const { autoencoder: model } = buildModel("cae", { latentDim: 3, seed: 2 });
    const engine = createLocalEngine({ model });
    const callbacks = guarded ? [createFiniteGuard({ model, engine, everyBatches: 1 })] : [];
    const history = await fit(engine, data, { epochs: 2, batchSize: 16, callbacks });
    engine.dispose();
    return history.map((metrics) => [metrics.trainLoss, metrics.testLoss]);
  };
  assert.deepEqual(await run(true), await run(false));
  assert.throws(
    () =>
      createFiniteGuard({ model: poisonedModel(), engine: {} as TrainingEngine, everyBatches: 0 }),
    RangeError,
  );
});

Deno.test("issue 12.5: a non-finite loss stops fit with a TrainingDivergedError and no advice about flags", async () => {
  for (const loss of [Infinity, NaN]) {
    let steps = 0;
    const engine = {
      trainBatch: () => Promise.resolve({ loss: ++steps === 3 ? loss : 1 }),
      evaluateBatch: () => Promise.resolve({ loss: 1 }),
    } as unknown as TrainingEngine;
    await assert.rejects(
      fit(engine, data, { epochs: 1, batchSize: 16 }),
      (error: unknown) =>
        error instanceof TrainingDivergedError && error.batch === 3 &&
        error.message.startsWith(`The training loss became ${loss} at epoch 1, batch 3 of 4`) &&
        !/learning rate|--/.test(error.message),
    );
  }
});
