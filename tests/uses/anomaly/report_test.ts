import assert from "node:assert/strict";
import { join } from "node:path";
import { areaUnderRoc } from "../../../lib/uses/anomaly/roc.ts";
import {
  anomalyReport,
  anomalyReportMarkdown,
  type AnomalySettings,
  classReport,
  parseScoresCsv,
  readAnomalyReport,
  roundScore,
  SCORES_CSV_HEADER,
  scoresCsvLines,
} from "../../../lib/uses/anomaly/report.ts";
import type { OneClassResult } from "../../../lib/uses/anomaly/one_class_experiment.ts";
import { classificationMetrics } from "../../../lib/uses/anomaly/classification_metrics.ts";

function fakeResult(normalClass: number, scores: number[], isAnomaly: boolean[]): OneClassResult {
  const auroc = areaUnderRoc(scores, isAnomaly);
  return {
    normalClass,
    seed: 0,
    mode: "test",
    score: "mse",
    auroc,
    aurocByScore: { "bce": 0.5, "mse": auroc } as OneClassResult["aurocByScore"],
    threshold: 0.5,
    atThreshold: classificationMetrics(scores, isAnomaly, 0.5),
    evaluated: {
      indices: scores.map((_, index) => index),
      labels: isAnomaly.map((flag) => (flag ? 3 : normalClass)),
      isAnomaly,
      scores: Float32Array.from(scores),
    },
    trainingScores: new Float32Array([0.1, 0.2]),
    trainLoss: 1,
    fitCount: 2,
    seconds: 1,
  };
}

const settings: AnomalySettings = {
  score: "mse",
  epochs: 1,
  batchSize: 32,
  seeds: [0],
  thresholdRule: { kind: "contamination", fraction: 0.05 },
  mode: "test",
  model: "cae",
  backend: "wasm",
};

Deno.test("scores.csv round-trips and recomputes each class's AUROC", () => {
  const results = [
    fakeResult(0, [0.1, 0.75, 0.5, 0.5], [false, true, false, true]),
    fakeResult(1, [0.25, 0.625], [false, true]),
  ];
  const text = [SCORES_CSV_HEADER, ...results.flatMap(scoresCsvLines)].join("\n") + "\n";
  const rows = parseScoresCsv(text);
  assert.equal(rows.length, 6);
  for (const result of results) {
    const mine = rows.filter((row) => row.normalClass === result.normalClass);
    const recomputed = areaUnderRoc(mine.map((row) => row.score), mine.map((row) => row.isAnomaly));
    assert.equal(recomputed, result.auroc);
  }
  assert.throws(() => parseScoresCsv("a,b\n"), /should start with/);
  assert.throws(
    () => parseScoresCsv(`${SCORES_CSV_HEADER}\n0,0,valid,1,2,1,0.5\n`),
    /line 2 is malformed/,
  );
});

Deno.test("scores are written with six significant digits; the older header without seed is read", () => {
  const result = fakeResult(2, [Math.PI, 1234.56789], [false, true]);
  result.seed = 7;
  assert.deepEqual(scoresCsvLines(result), ["2,7,test,0,2,0,3.14159", "2,7,test,1,3,1,1234.57"]);
  assert.equal(roundScore(0.000123456789), 0.000123457);
  const old = parseScoresCsv(
    "normal_class,split,index,label,is_anomaly,score\n4,test,9,4,0,0.25\n",
  );
  assert.deepEqual(old, [{
    normalClass: 4,
    seed: 0,
    split: "test",
    index: 9,
    label: 4,
    isAnomaly: false,
    score: 0.25,
  }]);
});

Deno.test("the report holds per-class lines and the means", () => {
  const lines = [
    classReport(fakeResult(0, [0.1, 0.9], [false, true]), "T-shirt/top"),
    classReport(fakeResult(1, [0.9, 0.1], [false, true]), "Trouser"),
  ];
  assert.equal(lines[0].normalCount, 1);
  assert.equal(lines[0].anomalousCount, 1);
  assert.equal(lines[0].recall, 1);
  const report = anomalyReport(settings, lines, { totalSeconds: 3, complete: true });
  assert.equal(report.meanAuroc, 0.5);
  assert.equal(report.meanAurocByScore.bce, 0.5);
  assert.match(report.protocol, /one-class/);
  assert.ok(
    Number.isNaN(anomalyReport(settings, [], { totalSeconds: 0, complete: false }).meanAuroc),
  );
});

Deno.test("a report is read back from DIR/anomaly/report.json and described in Markdown", async () => {
  const directory = await Deno.makeTempDir();
  try {
    assert.equal(await readAnomalyReport(directory), undefined);
    const lines = [classReport(fakeResult(0, [0.1, 0.9], [false, true]), "T-shirt/top")];
    const report = anomalyReport(settings, lines, {
      totalSeconds: 90,
      complete: true,
      createdAt: new Date("2026-11-30T12:00:00Z"),
    });
    await Deno.mkdir(join(directory, "anomaly"));
    await Deno.writeTextFile(join(directory, "anomaly", "report.json"), JSON.stringify(report));
    const read = await readAnomalyReport(directory);
    assert.deepEqual(read, JSON.parse(JSON.stringify(report)));
    const text = anomalyReportMarkdown(read!, ["bce"]);
    assert.match(
      text,
      /^Made 2026-11-30 with score `mse`, 1 epoch per class, batch 32, seed 0, on the `wasm` backend; it took 1\.5 minutes for 1 class\. AUROC in percent:\n\n\| class \| AUROC \(mse\) \| bce \|/,
    );
    assert.match(text, /\| 0 T-shirt\/top \| 100\.0 \| 50\.0 \|/);
    await Deno.writeTextFile(join(directory, "anomaly", "report.json"), '{"meanAuroc": 1}');
    await assert.rejects(
      readAnomalyReport(directory),
      /report\.json holds an object without "classes" and "settings".*--out /s,
    );
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
