import assert from "node:assert/strict";
import {
  colorAt,
  lossCharts,
  lossSeriesTraces,
  lossTermNames,
  lossTermSeries,
  readViewerRun,
  throughputChart,
} from "../../../lib/presentation/viewer/mod.ts";
import { lossSeriesFromHistory } from "../../../lib/presentation/charts/loss_curve_spec.ts";
import type { EpochMetrics } from "../../../lib/training/trainer.ts";
import { CAE_RUN, VAE_RUN } from "./fixtures.ts";

function titleOf(layout: Record<string, unknown>, key?: "xaxis" | "yaxis"): string {
  const owner = key ? layout[key] as Record<string, unknown> : layout;
  return (owner.title as { text: string }).text;
}

Deno.test("the loss traces carry exactly the notebook's loss series", async () => {
  const run = await readViewerRun(CAE_RUN);
  const series = lossSeriesFromHistory(run.history);
  const [chart] = lossCharts([run]);
  assert.deepEqual(
    chart.data.map((trace) => ({ name: trace.name, x: trace.x, y: trace.y })),
    series.map((one) => ({
      name: one.name,
      x: one.points.map((point) => point.epoch),
      y: one.points.map((point) => point.loss),
    })),
  );
  assert.equal(titleOf(chart.layout), "Loss per epoch");
  assert.equal(titleOf(chart.layout, "xaxis"), "epoch");
  assert.equal(titleOf(chart.layout, "yaxis"), "loss per image");
});

Deno.test("a VAE gets one chart per loss term, rc and kl, from its metrics", async () => {
  const run = await readViewerRun(VAE_RUN);
  assert.deepEqual(lossTermNames(run.history), ["rc", "kl"]);
  const charts = lossCharts([run]);
  assert.deepEqual(charts.map((chart) => titleOf(chart.layout)), [
    "Loss per epoch",
    "Reconstruction term (rc) per epoch",
    "KL term (kl) per epoch",
  ]);
  const kl = charts[2];
  assert.deepEqual(kl.data.map((trace) => trace.name), ["train", "test"]);
  assert.deepEqual(kl.data[0].y, run.history.map((metrics) => metrics.train.kl));
  assert.deepEqual(kl.data[1].y, run.history.map((metrics) => metrics.test.kl));
  assert.equal(titleOf(kl.layout, "yaxis"), "kl per image");
});

Deno.test("several runs share the charts, named and coloured per run, test dashed", async () => {
  const runs = [await readViewerRun(CAE_RUN), await readViewerRun(VAE_RUN)];
  const [loss, rc] = lossCharts(runs);
  assert.deepEqual(loss.data.map((trace) => trace.name), [
    "cae-latent2-small train",
    "cae-latent2-small test",
    "vae-latent2-small train",
    "vae-latent2-small test",
  ]);
  const lines = loss.data.map((trace) => trace.line as { color: string; dash: string });
  assert.deepEqual(lines.map((line) => line.color), [
    colorAt(0),
    colorAt(0),
    colorAt(1),
    colorAt(1),
  ]);
  assert.deepEqual(lines.map((line) => line.dash), ["solid", "dash", "solid", "dash"]);
  // Only the VAE has an rc term; it keeps its colour.
  assert.deepEqual(rc.data.map((trace) => trace.name), [
    "vae-latent2-small train",
    "vae-latent2-small test",
  ]);
  assert.equal((rc.data[0].line as { color: string }).color, colorAt(1));
});

Deno.test("a term missing from some epochs is left out there", () => {
  const history: EpochMetrics[] = [
    {
      epoch: 1,
      epochs: 2,
      trainLoss: 5,
      testLoss: 6,
      train: { loss: 5 },
      test: { loss: 6 },
      seconds: 1,
      imagesPerSecond: 1,
    },
    {
      epoch: 2,
      epochs: 2,
      trainLoss: 4,
      testLoss: 5,
      train: { loss: 4, kl: 1 },
      test: { loss: 5 },
      seconds: 1,
      imagesPerSecond: 1,
    },
  ];
  assert.deepEqual(lossTermSeries(history, "kl", { prefix: "p" }), [
    { name: "p train", points: [{ epoch: 2, loss: 1 }] },
  ]);
  const traces = lossSeriesTraces(lossTermSeries(history, "kl"), { color: "#000000" });
  assert.equal(traces.length, 1);
  assert.equal(traces[0].mode, "lines+markers");
});

Deno.test("the throughput chart has images/s per epoch for each run", async () => {
  const runs = [await readViewerRun(CAE_RUN), await readViewerRun(VAE_RUN)];
  const chart = throughputChart(runs);
  assert.deepEqual(chart.data.map((trace) => trace.name), [
    "cae-latent2-small",
    "vae-latent2-small",
  ]);
  assert.deepEqual(chart.data[0].y, runs[0].history.map((metrics) => metrics.imagesPerSecond));
  assert.equal(titleOf(chart.layout, "yaxis"), "images per second");
});
