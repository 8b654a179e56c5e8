import assert from "node:assert/strict";
import { join } from "node:path";
import {
  describeViewerRun,
  readViewerRun,
  readViewerRuns,
} from "../../../lib/presentation/viewer/mod.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";
import { CAE_RUN, metricsLine, VAE_RUN, writeRunFolder } from "./fixtures.ts";

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof RunFolderError, `expected RunFolderError, got ${error}`);
    assert.match(error.message, pattern);
    return true;
  });
}

Deno.test("a fixture run is read with its metrics, config, latents and ROC curves", async () => {
  const run = await readViewerRun(VAE_RUN);
  assert.equal(run.name, "vae-latent2-small");
  assert.equal(run.directory, VAE_RUN);
  assert.equal(run.config?.model, "vae");
  assert.deepEqual(run.history.map((metrics) => metrics.epoch), [1, 2, 3, 4]);
  assert.ok(run.history[0].train.rc > 0 && run.history[0].train.kl > 0);
  assert.equal(run.latents?.points.length, 400);
  assert.deepEqual(run.latents?.points[0] && Object.keys(run.latents.points[0]), [
    "x",
    "y",
    "label",
    "index",
  ]);
  assert.equal(run.roc?.curves.length, 3);
  assert.match(
    describeViewerRun(run),
    /^vae-latent2-small: vae, latent 2, 4 epochs, test loss \d+\.\d\d; latents\.json \(400 points\), anomaly\/roc\.json \(3 curves\)$/,
  );
});

Deno.test("a run without the optional files has only metrics (and config)", async () => {
  const directory = await writeRunFolder({ "metrics.jsonl": metricsLine(1) + "\n" });
  const run = await readViewerRun(directory);
  assert.equal(run.history.length, 1);
  assert.equal(run.config, undefined);
  assert.equal(run.latents, undefined);
  assert.equal(run.roc, undefined);
  assert.match(describeViewerRun(run), /: 1 epoch, test loss 300\.00$/);
});

Deno.test("runs are named by base name, or by path where base names repeat", async () => {
  const first = await writeRunFolder({ "same/metrics.jsonl": metricsLine(1) });
  const second = await writeRunFolder({ "same/metrics.jsonl": metricsLine(1) });
  const runs = await readViewerRuns([CAE_RUN, join(first, "same"), join(second, "same/")]);
  assert.deepEqual(runs.map((run) => run.name), [
    "cae-latent2-small",
    join(first, "same"),
    join(second, "same/"),
  ]);
});

Deno.test("a missing folder, a file, or a folder without metrics is a clear error", async () => {
  await rejectsWith(
    readViewerRun("runs/does-not-exist-42"),
    /runs\/does-not-exist-42 does not exist\. Give the folder of a run/,
  );
  const directory = await writeRunFolder({ "notes.txt": "hello" });
  await rejectsWith(readViewerRun(join(directory, "notes.txt")), /is a file, not a run folder/);
  await rejectsWith(
    readViewerRun(directory),
    /has no metrics\.jsonl, latents\.json or anomaly\/roc\.json, so it is not a run folder/,
  );
  const empty = await writeRunFolder({ "metrics.jsonl": "\n" });
  await rejectsWith(readViewerRun(empty), /is empty: the run has not completed an epoch yet/);
});

Deno.test("a malformed metrics line names the file and line", async () => {
  const cut = await writeRunFolder({
    "metrics.jsonl": `${metricsLine(1)}\n${metricsLine(2).slice(0, 30)}\n`,
  });
  await rejectsWith(readViewerRun(cut), /metrics\.jsonl, line 2 is not valid JSON .*delete it/);
  const wrong = await writeRunFolder({
    "metrics.jsonl": `${metricsLine(1)}\n${
      metricsLine(2).replace('"trainLoss":298', '"trainLoss":"x"')
    }\n`,
  });
  await rejectsWith(
    readViewerRun(wrong),
    /line 2, field trainLoss is "x"; expected a finite number/,
  );
  const noEpoch = await writeRunFolder({ "metrics.jsonl": `{"trainLoss": 1}\n` });
  await rejectsWith(
    readViewerRun(noEpoch),
    /line 1, field epoch is nothing; expected an integer >= 1/,
  );
});

Deno.test("a NaN loss written as null is accepted and left out of the series", async () => {
  const directory = await writeRunFolder({
    "metrics.jsonl":
      JSON.stringify(JSON.parse(metricsLine(1).replace('"testLoss":300', '"testLoss":null'))) +
      "\n",
  });
  const run = await readViewerRun(directory);
  assert.equal(run.history[0].testLoss, null);
  assert.doesNotMatch(describeViewerRun(run), /test loss/);
});

Deno.test("malformed config, latents and ROC files are clear errors", async () => {
  const metrics = metricsLine(1);
  await rejectsWith(
    readViewerRun(await writeRunFolder({ "metrics.jsonl": metrics, "config.json": "{" })),
    /config\.json is not valid JSON/,
  );
  await rejectsWith(
    readViewerRun(
      await writeRunFolder({
        "metrics.jsonl": metrics,
        "latents.json": JSON.stringify([{ x: 0, y: 1, label: 12, index: 0 }]),
      }),
    ),
    /latents\.json, point 0, field label is 12; expected an integer 0–9/,
  );
  await rejectsWith(
    readViewerRun(
      await writeRunFolder({
        "metrics.jsonl": metrics,
        "anomaly/roc.json": JSON.stringify({
          curves: [{
            name: "a",
            points: [{ falsePositiveRate: 0, truePositiveRate: 0 }, {
              falsePositiveRate: 1.5,
              truePositiveRate: 1,
            }],
          }],
        }),
      }),
    ),
    /roc\.json, curve 0, point 1, field falsePositiveRate is 1\.5; expected a rate from 0 to 1/,
  );
});
