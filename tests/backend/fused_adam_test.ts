import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { createAdam, initBackend } from "../../lib/backend/mod.ts";
import { seededValues } from "./helpers.ts";

/** Runs `steps` Adam steps on two variables (one with a length that is not a multiple of 4). */
function train(optimizer: tf.Optimizer, steps: number, prefix: string): Float32Array[] {
  const a = tf.variable(tf.tensor(seededValues([3, 5], 1), [3, 5]), true, `${prefix}a`);
  const b = tf.variable(tf.tensor(seededValues([8], 2), [8]), true, `${prefix}b`);
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      const ga = tf.tensor(seededValues([3, 5], 10 + step), [3, 5]);
      const gb = tf.tensor(seededValues([8], 20 + step), [8]).mul(100 * step + 1e-3);
      optimizer.applyGradients([{ name: a.name, tensor: ga }, { name: b.name, tensor: gb }]);
    });
  }
  const values = [a.dataSync().slice(), b.dataSync().slice()] as Float32Array[];
  tf.dispose([a, b]);
  return values;
}

Deno.test("FusedAdamOptimizer gives tf.train.adam's weights and state to the last bit", async () => {
  await initBackend("wasm");
  const fused = createAdam(1e-3);
  const reference = tf.train.adam(1e-3);
  const before = tf.memory().numTensors;
  const fusedWeights = train(fused, 5, "fused/");
  const referenceWeights = train(reference, 5, "reference/");
  assert.deepEqual(fusedWeights, referenceWeights);
  const [fusedState, referenceState] = [await fused.getWeights(), await reference.getWeights()];
  assert.deepEqual(
    fusedState.map(({ name }) => name.replace("fused/", "")),
    referenceState.map(({ name }) => name.replace("reference/", "")),
  );
  for (let i = 0; i < fusedState.length; i++) {
    assert.deepEqual(fusedState[i].tensor.dataSync(), referenceState[i].tensor.dataSync());
  }
  assert.equal(fused.iterations, 5);
  tf.dispose([fusedState[0].tensor, referenceState[0].tensor]); // the iteration counts
  fused.dispose();
  reference.dispose();
  assert.equal(tf.memory().numTensors, before, "no tensors left behind");
});

Deno.test("FusedAdamOptimizer is plain Adam on the cpu backend", async () => {
  await initBackend("cpu");
  const fused = createAdam(1e-2);
  const reference = tf.train.adam(1e-2);
  assert.deepEqual(train(fused, 2, "cpu-fused/"), train(reference, 2, "cpu-reference/"));
  fused.dispose();
  reference.dispose();
  await initBackend("wasm");
});

Deno.test("FusedAdamOptimizer resumes from a saved state like Adam", async () => {
  await initBackend("wasm");
  const first = createAdam(1e-3);
  train(first, 3, "resume/");
  const saved = (await first.getWeights()).map(({ name, tensor }) => ({
    name,
    tensor: tensor.clone(),
  }));
  const resumed = createAdam(1e-3);
  await resumed.setWeights(saved);
  assert.equal(resumed.iterations, 3);
  const reference = tf.train.adam(1e-3);
  await reference.setWeights(saved.map(({ name, tensor }) => ({ name, tensor: tensor.clone() })));
  assert.deepEqual(train(resumed, 2, "resume/"), train(reference, 2, "resume/"));
  tf.dispose(saved.map(({ tensor }) => tensor));
  [first, resumed, reference].forEach((optimizer) => optimizer.dispose());
});
