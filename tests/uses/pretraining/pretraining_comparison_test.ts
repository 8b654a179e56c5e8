import assert from "node:assert/strict";
import { loadFashionMnist } from "../../../lib/data/fashion_mnist.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import {
  comparePretraining,
  defaultStepsFor,
  INITIALISATION_KINDS,
  type PretrainingResult,
  reportStepsFor,
  summarisePretraining,
} from "../../../lib/uses/pretraining/pretraining_comparison.ts";
import { useBackend } from "../../helpers/backend.ts";

const data = await loadFashionMnist({ limit: 200 });

Deno.test("every budget, seed and start is trained once, on the drawn labels, reproducibly", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ latentDim: 4, seed: 2 });
  const options = {
    budgets: [2, "all"] as const,
    seeds: [0, 1],
    singleSeedBudgets: ["all"] as const,
    stepsFor: (count: number) => (count === 20 ? 3 : 2),
    testLimit: 50,
  };
  const arrived: PretrainingResult[] = [];
  const results = comparePretraining(data, cae.autoencoder, {
    ...options,
    onResult: (result) => arrived.push(result),
  });
  // Budget 2 with seeds 0 and 1, then "all" with the first seed only; three starts each.
  assert.deepEqual(
    results.map(({ budget, seed, kind }) => `${budget}/${seed}/${kind}`),
    [
      ...INITIALISATION_KINDS.map((kind) => `2/0/${kind}`),
      ...INITIALISATION_KINDS.map((kind) => `2/1/${kind}`),
      ...INITIALISATION_KINDS.map((kind) => `all/0/${kind}`),
    ],
  );
  assert.deepEqual(arrived, results);
  for (const result of results) {
    assert.equal(result.labelledImages, result.budget === "all" ? data.train.count : 20);
    assert.equal(result.steps, result.budget === "all" ? 2 : 3);
    // Accuracy on the first 50 test images: a whole number of fiftieths.
    assert.ok(Math.abs(result.testAccuracy * 50 - Math.round(result.testAccuracy * 50)) < 1e-9);
  }
  const again = comparePretraining(data, cae.autoencoder, { ...options, budgets: [2], seeds: [1] });
  assert.deepEqual(
    again.map((result) => result.testAccuracy),
    results.slice(3, 6).map((result) => result.testAccuracy),
  );
  disposeAutoencoder(cae);
});

Deno.test("results are summarised per start and budget as mean and sample standard deviation", () => {
  const result = (kind: PretrainingResult["kind"], budget: 10 | "all", testAccuracy: number) => ({
    kind,
    budget,
    seed: 0,
    labelledImages: 100,
    steps: 200,
    testAccuracy,
    seconds: 1,
  });
  const summary = summarisePretraining([
    result("random", 10, 0.6),
    result("random", 10, 0.7),
    result("random", 10, 0.8),
    result("pretrained-frozen", 10, 0.5),
    result("random", "all", 0.86),
  ]);
  assert.equal(summary.length, 3);
  assert.deepEqual(summary.map(({ kind, budget, runs }) => [kind, budget, runs]), [
    ["random", 10, 3],
    ["pretrained-frozen", 10, 1],
    ["random", "all", 1],
  ]);
  assert.ok(Math.abs(summary[0].mean - 0.7) < 1e-12);
  assert.ok(Math.abs(summary[0].std - 0.1) < 1e-12); // √(((0.1)² + 0 + (0.1)²) / 2)
});

Deno.test("the step counts grow with the labelled set and stay within their bounds", () => {
  assert.equal(defaultStepsFor(100), 200); // at least 200
  assert.equal(defaultStepsFor(3200), 300); // three epochs of batches of 32
  assert.equal(defaultStepsFor(60000), 1875); // at most one epoch of the full set
  assert.equal(reportStepsFor(1000), 200);
  assert.equal(reportStepsFor(10000), 400);
  assert.equal(reportStepsFor(60000), 1875);
});
