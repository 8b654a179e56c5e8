import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { GaussianSampling } from "../../lib/models/gaussian_sampling.ts";
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
