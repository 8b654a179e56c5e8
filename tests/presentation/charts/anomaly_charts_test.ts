import assert from "node:assert/strict";
import {
  rocCurveSpec,
  scoreHistogramSpec,
} from "../../../lib/presentation/charts/anomaly_charts.ts";
import { extremeIndices } from "../../../lib/presentation/figures/anomaly_figures.ts";
import { rocCurve } from "../../../lib/uses/anomaly/roc.ts";

Deno.test("the ROC spec draws the curve's points in order over the chance diagonal", () => {
  // Scores 0.9 (anomaly), 0.5 (anomaly), 0.1 (normal): lowering the threshold flags the two
  // anomalies first (tpr 0.5, then 1) and the normal image last (fpr 1).
  const spec = rocCurveSpec(rocCurve([0.1, 0.9, 0.5], [false, true, true]), { title: "t" });
  const layers = spec.layer as {
    data: { values: { fpr: number; tpr: number; order?: number }[] };
    mark: { strokeDash?: number[] };
  }[];
  assert.equal(layers.length, 2);
  assert.deepEqual(layers[0].data.values, [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }]);
  assert.deepEqual(layers[0].mark.strokeDash, [4, 4]);
  assert.deepEqual(layers[1].data.values, [
    { fpr: 0, tpr: 0, order: 0 },
    { fpr: 0, tpr: 0.5, order: 1 },
    { fpr: 0, tpr: 1, order: 2 },
    { fpr: 1, tpr: 1, order: 3 },
  ]);
  assert.equal(spec.title, "t");
  assert.throws(() => rocCurveSpec([]), /at least two points/);
});

Deno.test("a tie between a normal and an anomalous score is one diagonal step of the ROC spec", () => {
  const spec = rocCurveSpec(rocCurve([0.5, 0.5], [false, true]));
  const curve = (spec.layer as { data: { values: { fpr: number; tpr: number }[] } }[])[1];
  assert.deepEqual(
    curve.data.values.map(({ fpr, tpr }) => [fpr, tpr]),
    [[0, 0], [1, 1]],
  );
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
