import assert from "node:assert/strict";
import {
  classBreakdown,
  classBreakdownMarkdown,
} from "../../../lib/uses/anomaly/class_breakdown.ts";

// Class 0 is normal (scores 1, 2); class 1 is caught (5, 6); class 2 overlaps the normal (2, 4).
const scores = [1, 2, 5, 6, 2, 4];
const labels = [0, 0, 1, 1, 2, 2];
const isAnomaly = [false, false, true, true, true, true];

Deno.test("the breakdown counts, flags and separates each class by hand-computed values", () => {
  const rows = classBreakdown(scores, labels, isAnomaly, 3);
  assert.deepEqual(rows, [
    { label: 0, normal: true, count: 2, flagged: 0, medianScore: 1.5 },
    { label: 1, normal: false, count: 2, flagged: 1, medianScore: 5.5, auroc: 1 },
    // Pairs (normal, class 2): (1,2) win, (1,4) win, (2,2) tie = ½, (2,4) win: 3.5 / 4.
    { label: 2, normal: false, count: 2, flagged: 0.5, medianScore: 3, auroc: 0.875 },
  ]);
});

Deno.test("the table lists the normal class first, then the most missed class", () => {
  const table = classBreakdownMarkdown(
    classBreakdown(scores, labels, isAnomaly, 3),
    ["T-shirt/top", "Trouser", "Pullover"],
  );
  const lines = table.split("\n");
  assert.equal(lines[2], "| 0 T-shirt/top (normal) | 2 | 0.0 % | 1.50 | — |");
  assert.equal(lines[3], "| 2 Pullover | 2 | 50.0 % | 3.00 | 87.5 |");
  assert.equal(lines[4], "| 1 Trouser | 2 | 100.0 % | 5.50 | 100.0 |");
});

Deno.test("mismatched inputs and no normal image are clear errors", () => {
  assert.throws(() => classBreakdown([1], [0, 1], [false], 0), /1 scores, 2 labels/);
  assert.throws(() => classBreakdown([1], [0], [true], 0), /no image is normal/);
});
