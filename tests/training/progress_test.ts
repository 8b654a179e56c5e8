import assert from "node:assert/strict";
import { formatEpochLine } from "../../lib/training/progress.ts";

Deno.test("the epoch line gives the article's Loss and Test loss, then the exact values", () => {
  assert.equal(
    formatEpochLine({
      epoch: 1,
      trainLoss: 268.4,
      testLoss: 255.1,
      seconds: 95.31,
      imagesPerSecond: 655.4,
    }),
    "Epoch 1, Loss: 2.7e+02, Test loss: 2.6e+02 (train 268.40, test 255.10; 95.3 s, 655 images/s)",
  );
});

Deno.test("without test data the epoch line says so instead of printing NaN", () => {
  const line = formatEpochLine({
    epoch: 2,
    trainLoss: 334.5,
    testLoss: NaN,
    seconds: 22.2,
    imagesPerSecond: 270,
    train: { loss: 334.5, rc: 330, kl: 4.5 },
  });
  assert.equal(
    line,
    "Epoch 2, Loss: 3.3e+02 (train 334.50 rc 330.00 kl 4.50; no test data; 22.2 s, 270 images/s)",
  );
  assert.doesNotMatch(line, /NaN/);
});
