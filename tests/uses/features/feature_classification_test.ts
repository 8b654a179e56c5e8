import assert from "node:assert/strict";
import { compareFeatureClassifiers } from "../../../lib/uses/features/feature_classification.ts";
import { compareClusterings } from "../../../lib/uses/clustering/clustering_comparison.ts";
import { createRandom } from "../../../lib/data/random.ts";
import { useBackend } from "../../helpers/backend.ts";

/** Two classes in 2-d: feature 0 separates them, feature 1 is noise. */
function twoClassCodes(count: number, seed: number) {
  const random = createRandom(seed);
  const values = new Float32Array(count * 2);
  const labels = Uint8Array.from({ length: count }, (_, index) => index % 2);
  for (let index = 0; index < count; index++) {
    values[index * 2] = labels[index] * 4 + random() - 0.5;
    values[index * 2 + 1] = random();
  }
  return { codes: { values, count, dimension: 2 }, labels };
}

Deno.test("feature comparison: separable features score 1, with mean/std over draws", async () => {
  await useBackend();
  const train = twoClassCodes(40, 1);
  const test = twoClassCodes(20, 2);
  const rows = compareFeatureClassifiers(
    [{ name: "toy", train: train.codes, test: test.codes }],
    train.labels,
    test.labels,
    { budgets: [5, "all"], draws: 2, regression: { learningRate: 0.1 } },
  );
  assert.deepEqual(rows.map((row) => [row.budget, row.testMean, row.testStd, row.gap]), [
    [5, 1, 0, 0],
    ["all", 1, 0, 0],
  ]);
  assert.throws(
    () =>
      compareFeatureClassifiers(
        [{ name: "toy", train: train.codes, test: test.codes }],
        [0],
        test.labels,
        { budgets: [1], draws: 1 },
      ),
    /labels/,
  );
});

Deno.test("clustering comparison scores each feature set", () => {
  const { codes, labels } = twoClassCodes(30, 3);
  const [row] = compareClusterings([{ name: "toy", codes }], labels, { clusters: 2, restarts: 2 });
  assert.equal(row.features, "toy");
  assert.equal(row.accuracy, 1);
  assert.equal(row.nmi, 1);
  assert.equal(row.ari, 1);
});
