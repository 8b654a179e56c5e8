import assert from "node:assert/strict";
import {
  batchLossPoints,
  liveBatchCurveDisplay,
} from "../../../lib/presentation/notebook/live_batch_curve.ts";
import type { BatchProgress } from "../../../lib/training/trainer.ts";
import { recordingKernel } from "./fake_kernel.ts";

const progress = (epoch: number, batch: number, batches: number, batchLoss: number) => ({
  epoch,
  epochs: 2,
  batch,
  batches,
  meanLoss: batchLoss,
  batchLoss,
  imagesSeen: 32 * batch,
  secondsElapsed: batch,
} satisfies BatchProgress);

Deno.test("batch points average stretches of batches at the fraction of training done", () => {
  const points = batchLossPoints();
  for (const [batch, loss] of [[1, 4], [2, 2], [3, 6], [4, 1], [5, 3]]) {
    points.add(progress(2, batch, 5, loss), 2);
  }
  // Stretches (4, 2), (6, 1) and the epoch's last, shorter one (3).
  assert.deepEqual(points.list, [
    { epoch: 1.4, loss: 3 },
    { epoch: 1.8, loss: 3.5 },
    { epoch: 2, loss: 3 },
  ]);
});

Deno.test("one epoch in the kernel gives a curve of many points and an epoch line without NaN", async () => {
  const { kernel, messages } = recordingKernel();
  const callbacks = liveBatchCurveDisplay({
    kernel,
    title: "Detector",
    pointsPerEpoch: 10,
    updateIntervalSeconds: Infinity,
  });
  for (let batch = 1; batch <= 100; batch++) {
    await callbacks.onBatchEnd?.(progress(1, batch, 100, 300 - batch));
  }
  await callbacks.onEpochEnd?.({
    epoch: 1,
    epochs: 1,
    trainLoss: 250,
    testLoss: NaN,
    train: { loss: 250 },
    test: { loss: NaN },
    seconds: 20,
    imagesPerSecond: 300,
  });
  const charts = messages.filter((message) => "image/png" in message.content.data!);
  const spec = charts.at(-1)!.content.data!["application/vnd.vegalite.v5+json"] as {
    title: string;
    data: { values: { epoch: number; loss: number }[] };
  };
  assert.equal(spec.data.values.length, 10);
  assert.equal(spec.data.values[0].loss, 294.5);
  assert.equal(spec.title, "Detector: epoch 1/1, train 250.0");
  assert.match(JSON.stringify(spec), /"zero":true/, "the loss axis starts at 0");
  const texts = messages.map((message) => String(message.content.data!["text/plain"]));
  assert.ok(
    texts.some((text) => /^Epoch 1, Loss: 2\.5e\+02 \(train 250\.00; no test data/.test(text)),
  );
  assert.ok(texts.every((text) => !text.includes("NaN")), texts.join("\n"));
});

Deno.test("outside the kernel it prints one epoch line per epoch", async () => {
  const lines: string[] = [];
  const callbacks = liveBatchCurveDisplay({ kernel: null, print: (line) => lines.push(line) });
  await callbacks.onBatchEnd?.(progress(1, 1, 1, 3));
  await callbacks.onEpochEnd?.({
    epoch: 1,
    epochs: 1,
    trainLoss: 3,
    testLoss: NaN,
    train: { loss: 3 },
    test: { loss: NaN },
    seconds: 1,
    imagesPerSecond: 32,
  });
  assert.deepEqual(lines, [
    "Epoch 1, Loss: 3.0e+00 (train 3.00; no test data; 1.0 s, 32 images/s)",
  ]);
});
