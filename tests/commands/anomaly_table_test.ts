import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { runAnomalyTable } from "../../lib/commands/anomaly_table.ts";
import { runOneClassExperiment } from "../../lib/uses/anomaly/one_class_experiment.ts";
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
  const progress: number[] = [];
  try {
    const report = await runAnomalyTable(syntheticDataset(labels(32), labels(12)), {
      directory,
      classes: [0, 1],
      epochs: 1,
      batchSize: 8,
      model: small,
      extremes: 3,
      describe: { model: "tiny cae", backend: "wasm" },
      onProgress: (event) => progress.push(event.classPosition),
    });
    assert.equal(tf.memory().numTensors, before);
    assert.equal(report.complete, true);
    assert.equal(report.classes.length, 2);
    const saved = JSON.parse(await Deno.readTextFile(`${directory}/report.json`));
    assert.equal(saved.classes[1].normalClass, 1);
    assert.equal(saved.settings.epochs, 1);
    const rows = parseScoresCsv(await Deno.readTextFile(`${directory}/scores.csv`));
    assert.equal(rows.length, 24);
    for (const line of report.classes) {
      const mine = rows.filter((row) => row.normalClass === line.normalClass);
      const auroc = areaUnderRoc(mine.map((row) => row.score), mine.map((row) => row.isAnomaly));
      assert.ok(Math.abs(auroc - line.auroc) < 1e-12);
      for (const figure of ["roc", "histogram", "extremes"]) {
        const png = await Deno.readFile(`${directory}/class-${line.normalClass}-${figure}.png`);
        assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
      }
    }
    assert.ok(progress.includes(0) && progress.includes(1));
    // roc.json: each class's curve of the chosen score, for the viewer; its area is the AUROC.
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
