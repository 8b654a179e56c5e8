import assert from "node:assert/strict";
import {
  ARTICLE_TRAIN_LOSS,
  articleComparisonTable,
} from "../../../lib/presentation/notebook/article_table.ts";

Deno.test("the article's reported train losses are 270, 250 and 240", () => {
  assert.deepEqual(ARTICLE_TRAIN_LOSS, [270, 250, 240]);
});

Deno.test("the comparison table puts this run beside the article, epoch by epoch", () => {
  const history = [
    { epoch: 1, trainLoss: 256.966, testLoss: 243.2401 },
    { epoch: 2, trainLoss: 239.323, testLoss: 239.466 },
    { epoch: 3, trainLoss: 236.936, testLoss: 237.832 },
    { epoch: 4, trainLoss: 235.5, testLoss: 236.9 },
  ];
  const lines = articleComparisonTable(history).split("\n");
  assert.equal(
    lines[0],
    "| epoch | train loss, this run | test loss, this run | " +
      "train loss, this run, printed like the article | train loss, the article |",
  );
  assert.equal(lines[2], "| 1 | 256.97 | 243.24 | 2.6e+02 | 2.7e+02 |");
  assert.equal(lines[4], "| 3 | 236.94 | 237.83 | 2.4e+02 | 2.4e+02 |");
  assert.equal(lines[5], "| 4 | 235.50 | 236.90 | 2.4e+02 | — |", "the article stops at 3");
});
