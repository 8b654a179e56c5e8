import assert from "node:assert/strict";
import { buildModel } from "../../../lib/models/build_model.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import {
  runPretrainingSweep,
  summariseSweep,
  type SweepResult,
} from "../../../lib/uses/pretraining/pretraining_sweep.ts";
import { pretrainingSweepSpec } from "../../../lib/presentation/charts/pretraining_sweep_chart.ts";
import { buildEncoderClassifier } from "../../../lib/uses/pretraining/encoder_classifier.ts";
import { useBackend } from "../../helpers/backend.ts";

/** 20 deterministic images, two per class. */
function tinyData() {
  const pixels = Float32Array.from({ length: 20 * 784 }, (_, index) => (index * 7919 % 101) / 100);
  const labels = Uint8Array.from({ length: 20 }, (_, index) => index % 10);
  return {
    train: { count: 20, labels },
    test: { count: 20, labels },
    pixelsAsFloat: (_split: "train" | "test", indices: ArrayLike<number>) => {
      const out = new Float32Array(indices.length * 784);
      for (let i = 0; i < indices.length; i++) {
        out.set(pixels.subarray(indices[i] * 784, (indices[i] + 1) * 784), i * 784);
      }
      return out;
    },
  };
}

Deno.test("the sweep runs every encoder, budget, seed and start once, and skips what is done", async () => {
  await useBackend();
  const article = buildModel("cae", { seed: 1 });
  const wide = buildModel("cae-no-bottleneck", { seed: 2 });
  const encoders = [
    { name: "article", autoencoder: article.autoencoder, source: "test" },
    { name: "wide", autoencoder: wide.autoencoder, source: "test" },
  ];
  const options = { budgets: [1, 2], seeds: [0], stepsFor: () => 2 };
  const first = runPretrainingSweep(tinyData(), encoders, {
    ...options,
    done: [],
    shouldStop: () => false,
  });
  assert.equal(first.length, 2 * 2 * 3);
  assert.deepEqual(
    [...new Set(first.map((result) => `${result.encoder} ${result.budget}`))],
    ["article 1", "wide 1", "article 2", "wide 2"],
  );
  assert.ok(first.every((result) => result.testAccuracy >= 0 && result.testAccuracy <= 1));
  const again = runPretrainingSweep(tinyData(), encoders, { ...options, done: first });
  assert.deepEqual(again, []);
  const stopped = runPretrainingSweep(tinyData(), encoders, { ...options, shouldStop: () => true });
  assert.deepEqual(stopped, []);
  disposeAutoencoder(article);
  disposeAutoencoder(wide);
});

Deno.test("a no-bottleneck classifier has no Dense(16) layer and its latent reads the convolutions", async () => {
  await useBackend();
  const classifier = buildEncoderClassifier({ bottleneckUnits: null, seed: 0 });
  const names = classifier.layers.map((layer) => layer.name);
  assert.ok(!names.includes("encoder_bottleneck"));
  assert.equal(classifier.getLayer("latent").getWeights()[0].shape[0], 7 * 7 * 64);
  classifier.dispose();
});

Deno.test("sweep summaries and the chart average the seeds per encoder, start and budget", () => {
  const result = (seed: number, testAccuracy: number): SweepResult => ({
    encoder: "article",
    kind: "random",
    budget: 5,
    seed,
    labelledImages: 50,
    steps: 200,
    testAccuracy,
    seconds: 1,
  });
  const [row] = summariseSweep([result(0, 0.5), result(1, 0.6)]);
  assert.equal(row.runs, 2);
  assert.ok(Math.abs(row.mean - 0.55) < 1e-12);
  assert.ok(Math.abs(row.std - Math.sqrt(0.005)) < 1e-12);
  const spec = pretrainingSweepSpec([row]);
  const [point] = (spec.data as { values: Record<string, number>[] }).values;
  assert.ok(Math.abs(point.accuracy - 55) < 1e-9);
  assert.ok(Math.abs(point.high - (55 + 100 * Math.sqrt(0.005))) < 1e-9);
  assert.throws(() => pretrainingSweepSpec([]), /at least one row/);
});
