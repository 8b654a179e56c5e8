import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { liveTrainingDisplay } from "../../../lib/presentation/notebook/live_training.ts";
import type { EpochMetrics } from "../../../lib/training/trainer.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { recordingKernel } from "./fake_kernel.ts";

function metrics(epoch: number, epochs: number): EpochMetrics {
  return {
    epoch,
    epochs,
    trainLoss: 1 / epoch,
    testLoss: 1.2 / epoch,
    train: { loss: 1 / epoch },
    test: { loss: 1.2 / epoch },
    seconds: 2,
    imagesPerSecond: 500,
  };
}

async function train(callbacks: ReturnType<typeof liveTrainingDisplay>, epochs: number) {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    await callbacks.onEpochBegin?.({ epoch, epochs, batches: 2 });
    for (let batch = 1; batch <= 2; batch++) {
      await callbacks.onBatchEnd?.({
        epoch,
        epochs,
        batch,
        batches: 2,
        meanLoss: 1 / epoch,
        batchLoss: 1 / epoch,
        imagesSeen: 32 * batch,
        secondsElapsed: batch,
      });
    }
    await callbacks.onEpochEnd?.(metrics(epoch, epochs));
  }
}

Deno.test("outside the kernel the live display prints one epoch line per epoch", async () => {
  const lines: string[] = [];
  await train(liveTrainingDisplay({ kernel: null, print: (line) => lines.push(line) }), 3);
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^Epoch 1, Loss: 1\.0e\+00, Test loss: 1\.2e\+00/);
  assert.match(lines[2], /^Epoch 3, /);
});

Deno.test("in the kernel the status keeps every epoch line and the chart is updated in place", async () => {
  const { kernel, messages } = recordingKernel();
  await train(liveTrainingDisplay({ kernel, title: "Dense", progressIntervalSeconds: 0 }), 3);
  const ids = [...new Set(messages.map((message) => message.content.transient?.display_id))];
  assert.equal(ids.length, 2, "a status display and a chart display");
  const [statusId, chartId] = ids;
  const created = messages.filter((message) => message.messageType === "display_data");
  assert.deepEqual(created.map((message) => message.content.transient?.display_id), ids);

  const status = messages.filter((message) => message.content.transient?.display_id === statusId);
  // Per epoch: begin, two batches, end.
  assert.equal(status.length, 3 * 4);
  const text = (index: number) => status.at(index)!.content.data!["text/plain"] as string;
  assert.match(text(1), /^Epoch 1\/3 \[/);
  assert.match(text(5), /^Epoch 1, Loss: 1\.0e\+00.*\nEpoch 2\/3 \[/, "finished epochs stay above");
  const lines = text(-1).split("\n");
  assert.equal(lines.length, 3, "one line per finished epoch");
  assert.match(lines[0], /^Epoch 1, Loss: 1\.0e\+00/);
  assert.match(lines[2], /^Epoch 3, Loss: 3\.3e-01/);

  const charts = messages.filter((message) => message.content.transient?.display_id === chartId);
  assert.equal(charts.length, 3, "one chart update per epoch");
  const last = charts.at(-1)!.content.data!;
  const png = new Uint8Array(Buffer.from(last["image/png"] as string, "base64"));
  assert.ok(readPngSize(png).width > 360);
  const spec = last["application/vnd.vegalite.v5+json"] as {
    title: string;
    data: { values: unknown[] };
  };
  assert.equal(spec.title, "Dense: epoch 3/3, train 0.3333, test 0.4000");
  assert.equal(spec.data.values.length, 6, "train and test points of three epochs");
});

Deno.test("batch updates are throttled by progressIntervalSeconds", async () => {
  const { kernel, messages } = recordingKernel();
  await train(liveTrainingDisplay({ kernel, progressIntervalSeconds: Infinity }), 2);
  const statusTexts = messages.filter((message) => !("image/png" in message.content.data!))
    .map((message) => message.content.data!["text/plain"] as string);
  assert.equal(statusTexts.length, 2 * 2, "only epoch start and end lines");
});
