import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadFashionMnist } from "../../../lib/data/fashion_mnist.ts";
import { evaluateRunFolder, type RunResult } from "../../../lib/uses/evaluation/run_results.ts";
import { readRunStatus } from "../../../lib/training/run_folder/run_status.ts";
import { resultsMarkdownTable } from "../../../lib/uses/evaluation/results_table.ts";
import { trainRun } from "../../../lib/commands/train_run.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("a finished VAE run folder is evaluated on the test set; an unfinished one is refused", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const config = { model: "vae" as const, limit: 64, epochs: 1, latentDim: 2, beta: 0.5 };
  const { model } = await trainRun({ directory, config, log: () => {}, progress: false });
  model.dispose();
  const status = await readRunStatus(directory);
  assert.deepEqual([status.completedEpochs, status.plannedEpochs, status.finished], [1, 1, true]);
  const before = tf.memory().numTensors;
  const data = await loadFashionMnist({ limit: 64 });
  const result = await evaluateRunFolder(directory, data, { samples: 2 });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual([result.model, result.latentDim, result.beta, result.epochs], [
    "vae",
    2,
    0.5,
    1,
  ]);
  assert.equal(result.test.kind, "vae");
  assert.equal(result.test.count, 64);
  assert.ok(Math.abs(result.test.loss - (result.test.rc! + result.test.kl!)) < 1e-3);
  // Training recorded rc + β·kl with one draw; the evaluation reports rc + kl.
  assert.ok(Number.isFinite(result.recordedTestLoss));

  await Deno.writeTextFile(
    join(directory, "config.json"),
    JSON.stringify({ ...config, epochs: 3 }),
  );
  assert.equal((await readRunStatus(directory)).finished, false);
  await assert.rejects(() => evaluateRunFolder(directory, data), /1 of 3 epochs completed/);
  await assert.rejects(() => readRunStatus(join(directory, "nothing")), /is not a run folder/);
});

Deno.test("the results table sorts runs and compares each with the floor and the CAE", () => {
  const result = (model: "cae" | "dense" | "vae", latentDim: number, loss: number): RunResult => ({
    name: `${model}-${latentDim}`,
    directory: `runs/${model}-${latentDim}`,
    model,
    latentDim,
    beta: 1,
    epochs: 3,
    recordedTestLoss: loss,
    test: model === "vae"
      ? {
        kind: "vae",
        loss,
        rc: loss - 10,
        kl: 10,
        meanDecodedBce: loss - 12,
        count: 10,
        samples: 5,
      }
      : { kind: "autoencoder", loss, count: 10, samples: 1 },
  });
  const table = resultsMarkdownTable(
    [result("vae", 2, 270), result("cae", 20, 240), result("vae", 20, 250), result("cae", 2, 265)],
    190,
  );
  const rows = table.split("\n").filter((line) =>
    line.startsWith("| ") && !line.startsWith("| model") && !line.startsWith("| ---")
  );
  assert.deepEqual(rows.map((row) => row.split("|")[1].trim() + row.split("|")[2].trim()), [
    "CAE (article)20",
    "VAE20",
    "CAE (article)2",
    "VAE2",
  ]);
  assert.match(rows[1], /\| 250\.0 \(−ELBO\) \| 240\.0 \| 10\.0 \| 238\.0 \| 60\.0 \| 240\.0 \|$/);
  assert.match(rows[0], /\| 240\.0 \(BCE\) \| – \| – \| – \| 50\.0 \| – \|$/);
  assert.match(table, /BCE floor .*: 190\.0 nats/);
  assert.match(table, /averaged over 5 draws of z/);
});
