import assert from "node:assert/strict";
import { join } from "node:path";
import { DEFAULT_RUN_CONFIG } from "../../../lib/training/run_config.ts";
import { readRunConfig, writeRunConfig } from "../../../lib/training/run_folder/config_file.ts";
import { ANOMALY_FILES, RUN_FILES } from "../../../lib/training/run_folder/files.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";
import { readCompletedEpochs } from "../../../lib/training/run_folder/manifest.ts";
import {
  readMetrics,
  readMetricsFile,
  writeMetrics,
} from "../../../lib/training/run_folder/metrics_file.ts";
import { readRunStatus } from "../../../lib/training/run_folder/run_status.ts";
import type { EpochMetrics } from "../../../lib/training/trainer.ts";

const epoch = (number: number, testLoss: number): EpochMetrics => ({
  epoch: number,
  epochs: 3,
  trainLoss: testLoss + 1,
  testLoss,
  train: { loss: testLoss + 1 },
  test: { loss: testLoss },
  seconds: 2,
  imagesPerSecond: 100,
});

async function inTempDir(body: (directory: string) => Promise<void>): Promise<void> {
  const directory = await Deno.makeTempDir();
  try {
    await body(directory);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
}

Deno.test("the run folder's file names are the on-disk format training has always written", () => {
  assert.deepEqual(
    [RUN_FILES.config, RUN_FILES.metrics, RUN_FILES.reconstructions, RUN_FILES.checkpoint],
    ["config.json", "metrics.jsonl", "reconstructions.png", "checkpoint.json"],
  );
  assert.deepEqual(
    [RUN_FILES.model, RUN_FILES.weights, RUN_FILES.optimizer, RUN_FILES.optimizerWeights],
    ["model.json", "weights.bin", "optimizer.json", "optimizer.bin"],
  );
  assert.equal(RUN_FILES.checkpoints, "checkpoints");
  assert.equal(RUN_FILES.roc, `${RUN_FILES.anomaly}/roc.json`);
  assert.equal(ANOMALY_FILES.classFigure(3, "extremes"), "class-3-extremes.png");
  assert.ok(Object.isFrozen(RUN_FILES));
});

Deno.test("config.json is written and read back; a missing one is undefined", async () => {
  await inTempDir(async (directory) => {
    assert.equal(await readRunConfig(directory), undefined);
    const config = { ...DEFAULT_RUN_CONFIG, model: "vae" as const, latentDim: 2 };
    await writeRunConfig(directory, config);
    assert.deepEqual(await readRunConfig(directory), config);
    assert.equal(
      await Deno.readTextFile(join(directory, "config.json")),
      JSON.stringify(config, null, 2) + "\n",
    );
    await Deno.writeTextFile(join(directory, "config.json"), "[1, 2]");
    await assert.rejects(
      readRunConfig(directory),
      /config\.json holds an array; expected an object/,
    );
  });
});

Deno.test("metrics.jsonl is rewritten whole and read line by line", async () => {
  await inTempDir(async (directory) => {
    assert.equal(await readMetricsFile(directory), undefined);
    assert.deepEqual(await readMetrics(directory), []);
    await writeMetrics(directory, [epoch(1, 250)]);
    await writeMetrics(directory, [epoch(1, 250), epoch(2, 240)]);
    assert.deepEqual(await readMetrics(directory), [epoch(1, 250), epoch(2, 240)]);
    const text = await Deno.readTextFile(join(directory, "metrics.jsonl"));
    assert.equal(text.split("\n").length, 3); // two lines and the final newline
    await writeMetrics(directory, []);
    assert.deepEqual(await readMetricsFile(directory), []);
  });
});

Deno.test("a cut or wrong metrics line is an error naming the file and line", async () => {
  await inTempDir(async (directory) => {
    const path = join(directory, "metrics.jsonl");
    await Deno.writeTextFile(path, JSON.stringify(epoch(1, 250)) + '\n{"epoch": 2, "trainL');
    await assert.rejects(readMetrics(directory), (error: unknown) => {
      assert.ok(error instanceof RunFolderError);
      assert.match(error.message, /metrics\.jsonl, line 2 is not valid JSON.*cut line: delete it/s);
      return true;
    });
    await Deno.writeTextFile(path, JSON.stringify({ ...epoch(1, 250), testLoss: "low" }) + "\n");
    await assert.rejects(readMetrics(directory), /line 1, field testLoss is "low"/);
  });
});

Deno.test("a run's status comes from config.json and checkpoint.json", async () => {
  await inTempDir(async (directory) => {
    await assert.rejects(readRunStatus(directory), /is not a run folder: it has no config\.json/);
    await writeRunConfig(directory, { ...DEFAULT_RUN_CONFIG, epochs: 3 });
    assert.equal(await readCompletedEpochs(directory), 0);
    let status = await readRunStatus(directory);
    assert.deepEqual(
      [status.completedEpochs, status.plannedEpochs, status.finished, status.config.model],
      [0, 3, false, "cae"],
    );
    // An older run's manifest (format 1): the four files beside it, each with its SHA-256.
    const sha256 = Object.fromEntries(
      ["model.json", "weights.bin", "optimizer.json", "optimizer.bin"].map((name) => [
        name,
        "0".repeat(64),
      ]),
    );
    await Deno.writeTextFile(
      join(directory, "checkpoint.json"),
      JSON.stringify({ epoch: 3, sha256 }),
    );
    status = await readRunStatus(directory);
    assert.deepEqual([status.completedEpochs, status.finished], [3, true]);
    await Deno.writeTextFile(join(directory, "checkpoint.json"), "{");
    await assert.rejects(readCompletedEpochs(directory), /checkpoint\.json is not valid JSON/);
  });
});
