import assert from "node:assert/strict";
import {
  describeThresholdRule,
  meanAndStd,
  quantile,
  thresholdFromScores,
} from "../../../lib/uses/anomaly/threshold.ts";

Deno.test("quantiles interpolate linearly between order statistics, like NumPy", () => {
  assert.equal(quantile([5, 1, 4, 2, 3], 0.5), 3);
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([1, 2, 3, 4], 0), 1);
  assert.equal(quantile([1, 2, 3, 4], 1), 4);
  // numpy.quantile(range(1, 101), 0.95) == 95.05
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
  assert.ok(Math.abs(quantile(hundred, 0.95) - 95.05) < 1e-9);
});

Deno.test("the contamination rule flags that fraction of the training scores", () => {
  const scores = Array.from({ length: 100 }, (_, index) => index + 1);
  const threshold = thresholdFromScores(scores, { kind: "contamination", fraction: 0.05 });
  assert.ok(Math.abs(threshold - 95.05) < 1e-9);
  assert.equal(scores.filter((score) => score > threshold).length, 5);
  assert.equal(thresholdFromScores([1, 2, 3, 4, 5], { kind: "contamination", fraction: 0.25 }), 4);
});

Deno.test("the mean-std rule is mean + k standard deviations", () => {
  assert.deepEqual(meanAndStd([1, 3]), { mean: 2, std: 1 });
  assert.equal(thresholdFromScores([1, 3], { kind: "mean-std", k: 2 }), 4);
  assert.equal(thresholdFromScores([2, 4, 4, 4, 5, 5, 7, 9], { kind: "mean-std", k: 1 }), 7);
});

Deno.test("threshold rules reject bad parameters and empty or non-finite scores", () => {
  assert.throws(
    () => thresholdFromScores([1], { kind: "contamination", fraction: 1 }),
    /in \[0, 1\)/,
  );
  assert.throws(() => thresholdFromScores([1], { kind: "mean-std", k: NaN }), /finite k/);
  assert.throws(() => thresholdFromScores([], { kind: "mean-std", k: 1 }), /got no scores/);
  assert.throws(() => quantile([1, Infinity], 0.5), /score 1 is Infinity/);
  assert.throws(() => quantile([1], 2), /q must be in \[0, 1\]/);
});

Deno.test("rules have readable names", () => {
  assert.match(describeThresholdRule({ kind: "contamination", fraction: 0.05 }), /95th percentile/);
  assert.equal(
    describeThresholdRule({ kind: "mean-std", k: 2 }),
    "mean + 2·std of training scores",
  );
});
