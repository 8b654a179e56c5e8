import assert from "node:assert/strict";
import {
  n2dEpochCurve,
  n2dEpochCurveSpec,
  n2dResultsTable,
  PUBLISHED_N2D_ANCHORS,
} from "../../../lib/presentation/charts/n2d_views.ts";
import {
  N2D_SETTINGS,
  type N2dReport,
  type N2dScore,
} from "../../../lib/uses/clustering/n2d_experiment.ts";

function score(seed: number, epoch: number, accuracy: number): N2dScore {
  return {
    seed,
    epoch,
    accuracy,
    nmi: accuracy + 0.02,
    ari: accuracy - 0.2,
    testLoss: 0.01,
    umapSeconds: 20,
    mixtureSeconds: 1,
    mixtureIterations: 10,
    mixtureConverged: true,
    mixtureLogLikelihood: 5,
  };
}

const scores = [score(0, 1, 0.6), score(1, 1, 0.62), score(0, 5, 0.66), score(1, 5, 0.7)];
const report: N2dReport = {
  date: "2026-12-01T00:00:00.000Z",
  settings: { ...N2D_SETTINGS },
  seeds: [0, 1],
  epochs: 5,
  scoreEpochs: [1, 5],
  indexMeaning: "position in the test split",
  scores,
  final: scores.filter((entry) => entry.epoch === 5),
  summary: {
    accuracy: { mean: 0.68, std: Math.sqrt(0.0008) },
    nmi: { mean: 0.7, std: Math.sqrt(0.0008) },
    ari: { mean: 0.48, std: Math.sqrt(0.0008) },
  },
  complete: true,
  seconds: {},
};

Deno.test("the epoch curve averages the seeds at each epoch", () => {
  const curve = n2dEpochCurve(report);
  assert.deepEqual(curve.map((point) => [point.epoch, point.seeds]), [[1, 2], [5, 2]]);
  assert.ok(Math.abs(curve[0].accuracy.mean - 0.61) < 1e-12);
  assert.ok(Math.abs(curve[1].accuracy.std - Math.sqrt(0.0008)) < 1e-12);
});

Deno.test("the results table puts mean ± std beside every published anchor", () => {
  const lines = n2dResultsTable(report).split("\n");
  assert.equal(lines.length, 2 + 1 + PUBLISHED_N2D_ANCHORS.length);
  assert.match(lines[2], /AE 5 epochs.*10,000 test \| 0\.680 ± 0\.028 \| 0\.700 ± 0\.028/);
  assert.match(lines.at(-1)!, /N2D .* \| 0\.672 \| 0\.684 \|/);
  assert.throws(() => n2dResultsTable({ ...report, summary: null }), /no final scores yet/);
});

Deno.test("the epoch chart has a line and error bars per score and N2D's rules", () => {
  const spec = n2dEpochCurveSpec(report);
  const layers = spec.layer as { data: { values: Record<string, number | string>[] } }[];
  assert.equal(layers[0].data.values.length, 2 * 3);
  const acc5 = layers[1].data.values.find((value) => value.epoch === 5 && value.score === "ACC")!;
  assert.ok(Math.abs((acc5.high as number) - (0.68 + Math.sqrt(0.0008))) < 1e-12);
  assert.deepEqual(layers[2].data.values.map((value) => value.value), [0.672, 0.684]);
  assert.throws(() => n2dEpochCurveSpec({ ...report, scores: [] }), /no scores yet/);
});
