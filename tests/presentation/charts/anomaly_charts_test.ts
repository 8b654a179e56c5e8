import assert from "node:assert/strict";
import {
  rocCurveSpec,
  scoreHistogramSpec,
} from "../../../lib/presentation/charts/anomaly_charts.ts";
import { extremeIndices } from "../../../lib/presentation/figures/anomaly_figures.ts";
import { rocCurve } from "../../../lib/uses/anomaly/roc.ts";

Deno.test("the ROC spec has the curve and the chance diagonal", () => {
  const spec = rocCurveSpec(rocCurve([0.1, 0.9, 0.5], [false, true, true]), { title: "t" });
  const layers = spec.layer as { data: { values: unknown[] } }[];
  assert.equal(layers.length, 2);
  assert.equal(layers[1].data.values.length, 4);
  assert.equal(spec.title, "t");
});

Deno.test("the histogram normalises each group to its own total and marks the threshold", () => {
  const scores = [1, 2, 3, 4, 10, 11, 12, 13, 14, 15];
  const isAnomaly = scores.map((score) => score >= 10);
  const spec = scoreHistogramSpec(scores, isAnomaly, { threshold: 5, bins: 5, range: [0, 1] });
  const layers = spec.layer as { data: { values: { group: string; fraction: number }[] } }[];
  assert.equal(layers.length, 2);
  for (const group of ["normal (4)", "anomalous (6)"]) {
    const total = layers[0].data.values.filter((value) => value.group === group)
      .reduce((sum, value) => sum + value.fraction, 0);
    assert.ok(Math.abs(total - 1) < 1e-12, group);
  }
  assert.throws(() => scoreHistogramSpec([], []), /at least one score/);
});

Deno.test("extreme indices list the highest and the lowest scores", () => {
  assert.deepEqual(extremeIndices([0.2, 0.9, 0.1, 0.5], 2), { most: [1, 3], least: [2, 0] });
});
