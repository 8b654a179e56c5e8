import assert from "node:assert/strict";
import {
  clusteringTable,
  pretrainingTable,
  PUBLISHED_CLUSTERING,
  reconstructionTable,
  vanishingGradientTable,
} from "../../../lib/uses/latent_report/report_tables.ts";

Deno.test("reconstruction table puts methods in rows and k in columns", () => {
  const table = reconstructionTable([
    { method: "PCA", k: 2, testMse: 0.04531, source: "" },
    { method: "PCA", k: 64, testMse: 0.00912, source: "" },
    { method: "CAE", k: 2, testMse: 0.0309, source: "" },
  ]);
  assert.equal(
    table,
    "| method | k = 2 | k = 64 |\n| --- | --- | --- |\n| PCA | 0.0453 | 0.00912 |\n| CAE | 0.0309 | — |",
  );
});

Deno.test("clustering and pretraining tables format scores", () => {
  const clustering = clusteringTable(
    [{ features: "x", dimension: 2, accuracy: 0.5, nmi: 0.25, ari: 0.125, inertia: 1, seconds: 1 }],
    PUBLISHED_CLUSTERING,
  );
  assert.match(clustering, /\| x \| 0\.500 \| 0\.250 \| 0\.125 \|/);
  assert.match(clustering, /N2D/);
  const pretraining = pretrainingTable([{
    kind: "random",
    budget: "all",
    runs: 1,
    mean: 0.9,
    std: 0,
  }]);
  assert.match(pretraining, /\| random \| 90\.0 ± 0\.0 \(1 seed\) \|/);
});

Deno.test("the vanishing-gradient table has one row per initialisation and seed", () => {
  const table = vanishingGradientTable([{
    initialisation: "random",
    seed: 2,
    layerNames: ["sigmoid_hidden1", "classifier_head"],
    earlyNorms: [5.5e-5, 0.1],
    firstToLastRatio: 5.5e-4,
    finalLoss: 2,
    testAccuracy: 0.2614,
  }]);
  assert.equal(
    table.split("\n")[2],
    "| random | 2 | 5.5e-4 | 26.1 |",
  );
});
