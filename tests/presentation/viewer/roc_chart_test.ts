import assert from "node:assert/strict";
import {
  parseRocJson,
  readViewerRun,
  rocChart,
  RunFolderError,
  trapezoidArea,
} from "../../../lib/presentation/viewer/mod.ts";
import { CAE_RUN, VAE_RUN } from "./fixtures.ts";

const diagonal = [
  { falsePositiveRate: 0, truePositiveRate: 0 },
  { falsePositiveRate: 1, truePositiveRate: 1 },
];

Deno.test("the trapezoid area of a ROC curve", () => {
  assert.equal(trapezoidArea(diagonal), 0.5);
  assert.equal(
    trapezoidArea([
      { falsePositiveRate: 0, truePositiveRate: 0 },
      { falsePositiveRate: 0, truePositiveRate: 1 },
      { falsePositiveRate: 1, truePositiveRate: 1 },
    ]),
    1,
  );
});

Deno.test("roc.json accepts rocCurve's points, a null threshold included", () => {
  const roc = parseRocJson({
    title: "T",
    curves: [{
      name: "Bag",
      auc: 0.75,
      points: [{ falsePositiveRate: 0, truePositiveRate: 0, threshold: null }, {
        falsePositiveRate: 1,
        truePositiveRate: 1,
        threshold: 0.1,
      }],
    }],
  }, "r.json");
  assert.deepEqual(roc, { title: "T", curves: [{ name: "Bag", auc: 0.75, points: diagonal }] });
});

Deno.test("bad roc.json content names the curve, point and field", () => {
  const cases: [unknown, RegExp][] = [
    [[], /r\.json holds an array without a non-empty "curves" array/],
    [{ curves: [{ points: diagonal }] }, /curve 0 is an object without a "name" string/],
    [{ curves: [{ name: "a", points: [diagonal[0]] }] }, /curve 0 \("a"\) has fewer than 2 points/],
    [
      { curves: [{ name: "a", points: diagonal, auc: 2 }] },
      /curve 0, field auc is 2; expected a rate/,
    ],
    [
      { curves: [{ name: "a", points: [diagonal[0], { falsePositiveRate: 1 }] }] },
      /curve 0, point 1, field truePositiveRate is nothing; expected a finite number/,
    ],
  ];
  for (const [value, pattern] of cases) {
    assert.throws(() => parseRocJson(value, "r.json"), (error: unknown) => {
      assert.ok(error instanceof RunFolderError);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("one ROC chart holds every run's curves with AUROC in the legend, and chance", async () => {
  const runs = [await readViewerRun(CAE_RUN), await readViewerRun(VAE_RUN)];
  const chart = rocChart(runs.map((run) => ({ name: run.name, roc: run.roc! })));
  const names = chart.data.map((trace) => trace.name);
  assert.equal(names.length, 7);
  assert.match(names[0], /^cae-latent2-small: Trouser vs the rest \(AUROC 0\.\d{3}\)$/);
  assert.match(names[5], /^vae-latent2-small: Bag vs the rest \(AUROC 0\.\d{3}\)$/);
  assert.equal(names[6], "chance");
  const curve = runs[0].roc!.curves[2];
  assert.deepEqual(chart.data[2].x, curve.points.map((point) => point.falsePositiveRate));
  assert.ok(Math.abs(trapezoidArea(curve.points) - curve.auc!) < 1e-3);
  const layout = chart.layout as Record<string, { text?: string; title?: { text: string } }>;
  assert.equal(layout.title.text, runs[0].roc!.title);
  assert.equal(layout.xaxis.title!.text, "false positive rate");
  assert.equal(layout.yaxis.title!.text, "true positive rate");
});

Deno.test("a single run's curves are not prefixed; a missing auc is computed", () => {
  const chart = rocChart([{ name: "r", roc: { curves: [{ name: "Bag", points: diagonal }] } }]);
  assert.equal(chart.data[0].name, "Bag (AUROC 0.500)");
  assert.equal((chart.layout.title as { text: string }).text, "Anomaly ROC curves");
});
