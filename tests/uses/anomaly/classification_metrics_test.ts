import assert from "node:assert/strict";
import { classificationMetrics } from "../../../lib/uses/anomaly/classification_metrics.ts";

Deno.test("precision, recall and F1 at a threshold (anomalies are positives)", () => {
  // Flagged (> 0.5): 0.9 (anomaly, TP), 0.8 (normal, FP); missed: 0.2 (anomaly, FN).
  const metrics = classificationMetrics([0.1, 0.9, 0.8, 0.2], [false, true, false, true], 0.5);
  assert.deepEqual(
    [metrics.truePositives, metrics.falsePositives, metrics.trueNegatives, metrics.falseNegatives],
    [1, 1, 1, 1],
  );
  assert.equal(metrics.precision, 0.5);
  assert.equal(metrics.recall, 0.5);
  assert.equal(metrics.f1, 0.5);
  assert.equal(metrics.falsePositiveRate, 0.5);
});

Deno.test("a score equal to the threshold is not flagged; F1 uses the harmonic mean", () => {
  const metrics = classificationMetrics([1, 2, 3, 4, 5], [false, true, true, true, true], 1);
  assert.equal(metrics.precision, 1);
  assert.equal(metrics.recall, 1);
  const partial = classificationMetrics([1, 2, 3, 4], [true, true, true, false], 1.5);
  // Flagged 2, 3 (TP), 4 (FP): precision 2/3, recall 2/3.
  assert.ok(Math.abs(partial.f1 - 2 / 3) < 1e-12);
});

Deno.test("nothing flagged gives zeros instead of NaN", () => {
  const metrics = classificationMetrics([1, 2], [false, true], 10);
  assert.equal(metrics.precision, 0);
  assert.equal(metrics.recall, 0);
  assert.equal(metrics.f1, 0);
  assert.throws(() => classificationMetrics([1], [true, false], 0), /1 scores but 2 labels/);
});
