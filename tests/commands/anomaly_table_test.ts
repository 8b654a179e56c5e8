import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { runAnomalyTable } from "../../lib/commands/anomaly_table.ts";
import { runOneClassExperiment } from "../../lib/uses/anomaly/one_class_experiment.ts";
import { AnomalyDataError } from "../../lib/uses/anomaly/one_class_data.ts";
import { parseScoresCsv } from "../../lib/uses/anomaly/report.ts";
import { areaUnderRoc, trapezoidArea } from "../../lib/uses/anomaly/roc.ts";
import { parseRocJson } from "../../lib/training/run_folder/roc_file.ts";
import { useBackend } from "../helpers/backend.ts";
import { syntheticDataset } from "../uses/anomaly/synthetic.ts";

const small = { latentDim: 4, bottleneckUnits: 8, filters: [4, 8] as [number, number] };
const labels = (count: number) => Array.from({ length: count }, (_, index) => index % 2);

Deno.test("the table run writes report.json, scores.csv and the PNGs of each class", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const before = tf.memory().numTensors;
  const progress: string[] = [];
  try {
    const report = await runAnomalyTable(syntheticDataset(labels(32), labels(12)), {
      directory,
      classes: [0, 1],
      seeds: [0, 1],
      epochs: 1,
      batchSize: 8,
      model: small,
      extremes: 3,
      describe: { model: "tiny cae", backend: "wasm" },
      onProgress: (event) => progress.push(`${event.seed}/${event.normalClass}/${event.total}`),
    });
    assert.equal(tf.memory().numTensors, before);
    assert.equal(report.complete, true);
    // Seed-major: every class with seed 0, then every class with seed 1.
    assert.deepEqual(
      report.classes.map((line) => `${line.seed}/${line.normalClass}`),
      ["0/0", "0/1", "1/0", "1/1"],
    );
    assert.deepEqual(report.settings.seeds, [0, 1]);
    assert.equal(report.summary.classes[0].auroc.count, 2);
    assert.deepEqual(Object.keys(report.summary.meanAurocBySeed), ["0", "1"]);
    const saved = JSON.parse(await Deno.readTextFile(`${directory}/report.json`));
    assert.equal(saved.classes[1].normalClass, 1);
    assert.equal(saved.settings.epochs, 1);
    const rows = parseScoresCsv(await Deno.readTextFile(`${directory}/scores.csv`));
    assert.equal(rows.length, 48);
    for (const line of report.classes) {
      const mine = rows.filter((row) =>
        row.normalClass === line.normalClass && row.seed === line.seed
      );
      const auroc = areaUnderRoc(mine.map((row) => row.score), mine.map((row) => row.isAnomaly));
      assert.equal(auroc, line.auroc);
      for (const figure of ["roc", "histogram", "extremes"]) {
        const png = await Deno.readFile(`${directory}/class-${line.normalClass}-${figure}.png`);
        assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
      }
    }
    assert.ok(progress.includes("0/0/4") && progress.includes("1/1/4"));
    // roc.json: the first seed's curve of each class, for the viewer; its area is the AUROC.
    const rocPath = `${directory}/roc.json`;
    const roc = parseRocJson(JSON.parse(await Deno.readTextFile(rocPath)), rocPath);
    assert.equal(roc.title, "Anomaly score mse, one class normal vs the rest (test set)");
    assert.deepEqual(roc.curves.map((curve) => curve.name), [
      "dark vs the rest",
      "bright vs the rest",
    ]);
    for (const [position, curve] of roc.curves.entries()) {
      assert.equal(curve.auc, report.classes[position].auroc);
      assert.ok(Math.abs(trapezoidArea(curve.points) - curve.auc!) < 1e-6);
    }
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("a run folder is resumed: finished (seed, class) pairs are kept, not run again", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const data = syntheticDataset(labels(32), labels(12));
  const options = {
    directory,
    classes: [0, 1],
    epochs: 1,
    batchSize: 8,
    model: small,
    extremes: 2,
    describe: { model: "tiny cae", backend: "wasm" },
  };
  try {
    const first = await runAnomalyTable(data, { ...options, seeds: [0] });
    const trained: string[] = [];
    const second = await runAnomalyTable(data, {
      ...options,
      seeds: [0, 1],
      onProgress: (event) => {
        trained.push(`${event.seed}/${event.normalClass}`);
        assert.equal(event.skipped, 2);
      },
    });
    assert.ok(trained.every((pair) => pair.startsWith("1/")), trained.join(" "));
    assert.equal(second.classes.length, 4);
    assert.deepEqual(second.classes.slice(0, 2), first.classes);
    const rows = parseScoresCsv(await Deno.readTextFile(`${directory}/scores.csv`));
    assert.equal(rows.length, 48);
    // Nothing left to do: the report comes back as it is.
    const third = await runAnomalyTable(data, { ...options, seeds: [1, 0] });
    assert.deepEqual(third.classes, second.classes);
    await assert.rejects(
      runAnomalyTable(data, { ...options, seeds: [0], epochs: 2 }),
      (error: Error) => error instanceof AnomalyDataError && /other settings/.test(error.message),
    );
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("validation mode scores training images only and records AUROC per epoch", async () => {
  await useBackend();
  const result = await runOneClassExperiment(syntheticDataset(labels(40), labels(6)), 0, {
    mode: "validation",
    validationFraction: 0.25,
    epochs: 2,
    batchSize: 8,
    model: small,
  });
  assert.equal(result.mode, "validation");
  assert.equal(result.fitCount, 15);
  assert.equal(result.evaluated.indices.length, 10);
  assert.equal(result.aurocByEpoch!.length, 2);
  assert.equal(result.detector, undefined);
});
