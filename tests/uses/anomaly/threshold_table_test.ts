import assert from "node:assert/strict";
import { thresholdRulesMarkdown } from "../../../lib/uses/anomaly/threshold_table.ts";

Deno.test("each rule's row gives its threshold and the test metrics it leads to", () => {
  const training = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  // Test: normal scores 1 and 8, anomalies 5 and 10.
  const table = thresholdRulesMarkdown(training, [1, 8, 5, 10], [false, false, true, true], [
    { kind: "contamination", fraction: 0.5 },
  ]);
  const lines = table.split("\n");
  assert.equal(lines.length, 3);
  // Median of 0..9 is 4.5: flagged 8, 5, 10 -> precision 2/3, recall 1, F1 0.8, FPR 0.5.
  assert.equal(
    lines[2],
    "| 50th percentile of training scores (contamination 0.5) | 4.50 | 0.667 | 1.000 | 0.800 | 0.500 |",
  );
});
