import assert from "node:assert/strict";
import { readViewerRun, rocChart } from "../../../lib/presentation/viewer/mod.ts";
import { trapezoidArea } from "../../../lib/uses/anomaly/roc.ts";
import { CAE_RUN, VAE_RUN } from "./fixtures.ts";

const diagonal = [
  { falsePositiveRate: 0, truePositiveRate: 0 },
  { falsePositiveRate: 1, truePositiveRate: 1 },
];

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
