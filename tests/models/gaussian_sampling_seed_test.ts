import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  GaussianSampling,
  REPLICA_SAMPLING_STREAM,
  replicaSamplingStream,
} from "../../lib/models/gaussian_sampling.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("seeded sampling repeats exactly, also for seed 0 (which tf.randomNormal treats as unseeded)", async () => {
  await useBackend();
  const mean = tf.zeros([4, 3]);
  const logVar = tf.zeros([4, 3]);
  for (const seed of [0, 1, 7]) {
    const draws = [new GaussianSampling({ seed }), new GaussianSampling({ seed })].map((layer) =>
      [0, 1].map(() => {
        const z = layer.apply([mean, logVar]) as tf.Tensor;
        const values = Array.from(z.dataSync());
        z.dispose();
        return values;
      })
    );
    assert.deepEqual(draws[1], draws[0], `seed ${seed}`);
    assert.notDeepEqual(draws[0][1], draws[0][0], `seed ${seed}: each call draws anew`);
  }
  tf.dispose([mean, logVar]);
});

function draws(layer: GaussianSampling, count: number, shape: [number, number]): Float32Array[] {
  const mean = tf.zeros(shape);
  const logVar = tf.zeros(shape);
  const result = Array.from({ length: count }, () => {
    const z = layer.apply([mean, logVar]) as tf.Tensor;
    const values = z.dataSync() as Float32Array;
    z.dispose();
    return values;
  });
  tf.dispose([mean, logVar]);
  return result;
}

Deno.test("a restarted stream draws the same noise, other streams and neighbouring seeds do not", async () => {
  await useBackend();
  const layer = new GaussianSampling({ seed: 1 });
  layer.startStream(2);
  const first = draws(layer, 2, [4, 3]);
  layer.startStream(3);
  const other = draws(layer, 1, [4, 3]);
  layer.startStream(2);
  assert.deepEqual(draws(layer, 2, [4, 3]), first);
  assert.notDeepEqual(other[0], first[0]);
  // Seeds 1 and 2 once drew the same ε one call apart (seed + call + 1); now they are unrelated.
  const [, secondOfSeed1] = draws(new GaussianSampling({ seed: 1 }), 2, [4, 3]);
  const [firstOfSeed2] = draws(new GaussianSampling({ seed: 2 }), 1, [4, 3]);
  assert.notDeepEqual(firstOfSeed2, secondOfSeed1);
  assert.throws(() => layer.startStream(-1), /integer >= 0/);
});

Deno.test("the noise is N(0, 1) and uncorrelated from one training step to the next", async () => {
  await useBackend();
  const layer = new GaussianSampling({ seed: 0 });
  layer.startStream(1);
  const steps = draws(layer, 200, [32, 20]); // 200 steps of the VAE's batch: 128,000 values
  const values = steps.flatMap((step) => Array.from(step));
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  let lagged = 0;
  for (let step = 1; step < steps.length; step++) {
    for (let index = 0; index < 640; index++) lagged += steps[step][index] * steps[step - 1][index];
  }
  const correlation = lagged / (199 * 640);
  // Standard errors: 0.003 for the mean and the correlation, 0.004 for the variance.
  assert.ok(Math.abs(mean) < 0.015, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.02, `variance ${variance}`);
  assert.ok(Math.abs(correlation) < 0.015, `correlation ${correlation}`);
});

Deno.test("each worker thread gets a noise stream of its own per epoch, apart from the main thread's", () => {
  const streams = [0, 1, 2, 3].flatMap((epoch) =>
    [1, 2, 3].map((thread) => replicaSamplingStream(epoch, thread))
  );
  assert.equal(new Set(streams).size, streams.length);
  assert.ok(streams.every((stream) => stream >= REPLICA_SAMPLING_STREAM));
  assert.throws(() => replicaSamplingStream(REPLICA_SAMPLING_STREAM, 1), /0\.\.2147483647/);
  assert.throws(() => replicaSamplingStream(1, 0), /worker thread number in 1\.\.1023, got 0/);
});
