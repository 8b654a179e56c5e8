import assert from "node:assert/strict";
import {
  meanStd,
  PUBLISHED_ONE_CLASS_RESULTS,
  seedTableMarkdown,
  summarizeSeeds,
} from "../../../lib/uses/anomaly/seed_summary.ts";

const line = (normalClass: number, seed: number, auroc: number) => ({
  normalClass,
  className: `class ${normalClass}`,
  seed,
  auroc,
  aurocByScore: { mse: auroc - 0.1 },
});

Deno.test("mean and sample standard deviation (n − 1), by hand", () => {
  assert.deepEqual(meanStd([1, 2, 3]), { mean: 2, std: 1, count: 3 });
  const { mean, std } = meanStd([0.9, 0.92, 0.97]);
  assert.ok(Math.abs(mean - 0.93) < 1e-12);
  // Deviations -0.03, -0.01, 0.04: squares sum to 0.0026, over n − 1 = 2: 0.0013.
  assert.ok(Math.abs(std - Math.sqrt(0.0013)) < 1e-12);
  assert.ok(Number.isNaN(meanStd([0.5]).std));
  assert.ok(Number.isNaN(meanStd([]).mean));
});

Deno.test("seeds are summarised per class, and only complete seeds enter the overall mean", () => {
  const summary = summarizeSeeds([
    line(0, 0, 0.9),
    line(1, 0, 0.8),
    line(0, 1, 0.7),
    line(1, 1, 0.6),
    line(0, 2, 0.5), // seed 2 lacks class 1
  ]);
  assert.deepEqual(summary.classes.map((entry) => entry.seeds), [[0, 1, 2], [0, 1]]);
  assert.ok(Math.abs(summary.classes[0].auroc.mean - 0.7) < 1e-12);
  assert.ok(Math.abs(summary.classes[1].aurocByScore.mse! - 0.6) < 1e-12);
  assert.deepEqual(Object.keys(summary.meanAurocBySeed), ["0", "1"]);
  assert.ok(Math.abs(summary.meanAurocBySeed["0"] - 0.85) < 1e-12);
  assert.ok(Math.abs(summary.overall.mean - 0.75) < 1e-12);
  // Per-seed means 0.85 and 0.65: sample std = 0.2 / √2.
  assert.ok(Math.abs(summary.overall.std - 0.2 / Math.SQRT2) < 1e-12);
});

Deno.test("the Markdown table puts the published numbers beside mean ± std", () => {
  const summary = summarizeSeeds([line(0, 0, 0.9), line(0, 1, 0.92), line(1, 0, 0.8)]);
  const text = seedTableMarkdown(summary, "mine");
  const rows = text.split("\n");
  assert.equal(rows[0], "| normal class | mine (1 seed) | GEOM | ARNet |");
  assert.equal(rows[2], "| 0 class 0 | 91.0 ± 1.4 |  | 92.7 |");
  assert.equal(rows[3], "| 1 class 1 | 80.0 |  | 99.3 |");
  assert.equal(rows[4], "| **mean** | **85.0** | 93.5 | 93.9 |");
  assert.equal(PUBLISHED_ONE_CLASS_RESULTS[1].perClass!.length, 10);
});
