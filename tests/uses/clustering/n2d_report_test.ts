import assert from "node:assert/strict";
import {
  N2D_SETTINGS,
  n2dEpochCurve,
  n2dImagesName,
  summariseScores,
} from "../../../lib/uses/clustering/n2d_report.ts";
import { SAMPLE_N2D_REPORT as report } from "../../helpers/n2d_report.ts";

Deno.test("the epoch curve averages the seeds at each epoch", () => {
  const curve = n2dEpochCurve(report);
  assert.deepEqual(curve.map((point) => [point.epoch, point.seeds]), [[1, 2], [5, 2]]);
  assert.ok(Math.abs(curve[0].accuracy.mean - 0.61) < 1e-12);
  assert.ok(Math.abs(curve[1].accuracy.std - Math.sqrt(0.0008)) < 1e-12);
});

Deno.test("seed summaries are the mean and sample standard deviation", () => {
  const summary = summariseScores([
    { accuracy: 0.6, nmi: 0.7, ari: 0.5 },
    { accuracy: 0.7, nmi: 0.7, ari: 0.4 },
  ]);
  assert.ok(Math.abs(summary.accuracy.mean - 0.65) < 1e-12);
  assert.ok(Math.abs(summary.accuracy.std - Math.sqrt(0.005)) < 1e-12);
  assert.deepEqual(summary.nmi, { mean: 0.7, std: 0 });
});

Deno.test("the images a report clustered are named in words", () => {
  assert.equal(n2dImagesName(N2D_SETTINGS), "10,000 test");
  assert.equal(n2dImagesName({ images: "all", limit: null }), "all 70,000");
  assert.equal(n2dImagesName({ images: "test", limit: 200 }), "first 200 test");
});
