import assert from "node:assert/strict";
import {
  areaUnderRoc,
  rocCurve,
  thinRocCurve,
  trapezoidArea,
} from "../../../lib/uses/anomaly/roc.ts";

Deno.test("AUROC of hand-computed cases without ties", () => {
  // Pairs (anomaly, normal): (0.35 vs 0.1) win, (0.35 vs 0.4) loss, (0.8 vs both) wins: 3/4.
  assert.equal(areaUnderRoc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75);
  assert.equal(areaUnderRoc([1, 2, 3, 4], [false, false, true, true]), 1);
  assert.equal(areaUnderRoc([4, 3, 2, 1], [false, false, true, true]), 0);
});

Deno.test("AUROC counts a tie between a normal and an anomaly as one half", () => {
  assert.equal(areaUnderRoc([1, 1], [false, true]), 0.5);
  assert.equal(areaUnderRoc([5, 5, 5, 5], [false, true, false, true]), 0.5);
  // Normals 1, 2; anomalies 2, 3: (2 vs 1) 1, (2 vs 2) 0.5, (3 vs both) 2 → 3.5 / 4.
  assert.equal(areaUnderRoc([1, 2, 2, 3], [false, false, true, true]), 0.875);
  // Three normals tied with one anomaly at 0.5, one anomaly above: (1.5 + 3) / 6.
  assert.equal(areaUnderRoc([0.5, 0.5, 0.5, 0.5, 0.9], [false, false, false, true, true]), 0.75);
});

Deno.test("AUROC does not depend on input order and matches the pairwise definition", () => {
  const scores = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
  const labels = scores.map((_, index) => index % 3 === 0);
  let wins = 0;
  let pairs = 0;
  scores.forEach((a, i) => {
    if (!labels[i]) return;
    scores.forEach((b, j) => {
      if (labels[j]) return;
      pairs += 1;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  assert.ok(Math.abs(areaUnderRoc(scores, labels) - wins / pairs) < 1e-12);
  const reversed = areaUnderRoc([...scores].reverse(), [...labels].reverse());
  assert.ok(Math.abs(reversed - wins / pairs) < 1e-12);
  assert.ok(Math.abs(trapezoidArea(rocCurve(scores, labels)) - wins / pairs) < 1e-12);
});

Deno.test("the ROC curve makes one diagonal step per group of tied scores", () => {
  const points = rocCurve([0.1, 0.5, 0.5, 0.9], [false, false, true, true]);
  assert.deepEqual(
    points.map((p) => [p.falsePositiveRate, p.truePositiveRate, p.threshold]),
    [[0, 0, Infinity], [0, 0.5, 0.9], [0.5, 1, 0.5], [1, 1, 0.1]],
  );
  assert.equal(trapezoidArea(points), 0.875);
  assert.equal(trapezoidArea(rocCurve([0.2, 0.2], [false, true])), 0.5);
});

Deno.test("thinning keeps the ends of the curve", () => {
  const scores = Array.from({ length: 1000 }, (_, index) => index);
  const labels = scores.map((index) => index % 2 === 0);
  const full = rocCurve(scores, labels);
  const thin = thinRocCurve(full, 0.05);
  assert.ok(thin.length < full.length / 10);
  assert.deepEqual(thin[0], full[0]);
  assert.deepEqual(thin.at(-1), full.at(-1));
});

Deno.test("AUROC rejects mismatched lengths, NaN and a missing group with a clear message", () => {
  assert.throws(() => areaUnderRoc([1, 2], [true]), /2 scores but 1 labels/);
  assert.throws(() => areaUnderRoc([1, NaN], [true, false]), /score 1 is NaN/);
  assert.throws(() => areaUnderRoc([1, 2], [false, false]), /both normal and anomalous/);
  assert.throws(() => rocCurve([1, 2], [true, true]), /0 normal and 2 anomalous/);
});

Deno.test("the trapezoid area needs only the rates, as a run folder's roc.json holds them", () => {
  assert.equal(
    trapezoidArea([
      { falsePositiveRate: 0, truePositiveRate: 0 },
      { falsePositiveRate: 1, truePositiveRate: 1 },
    ]),
    0.5,
  );
  assert.equal(
    trapezoidArea([
      { falsePositiveRate: 0, truePositiveRate: 0 },
      { falsePositiveRate: 0, truePositiveRate: 1 },
      { falsePositiveRate: 1, truePositiveRate: 1 },
    ]),
    1,
  );
});
