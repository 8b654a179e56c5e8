import assert from "node:assert/strict";
import {
  readViewerRun,
  readViewerRuns,
  runViewerCharts,
} from "../../../lib/presentation/viewer/mod.ts";
import { CAE_RUN, metricsLine, VAE_RUN, writeRunFolder } from "./fixtures.ts";

function titles(charts: ReturnType<typeof runViewerCharts>): string[] {
  return charts.map((chart) => (chart.layout.title as { text: string }).text);
}

Deno.test("the viewer's charts for two fixture runs, in page order", async () => {
  const charts = runViewerCharts(await readViewerRuns([CAE_RUN, VAE_RUN]));
  assert.deepEqual(titles(charts), [
    "Loss per epoch",
    "Reconstruction term (rc) per epoch",
    "KL term (kl) per epoch",
    "Training throughput per epoch",
    "cae-latent2-small: Latent space, first 400 test images",
    "vae-latent2-small: Latent means, first 400 test images",
    "Fixture: reconstruction error as anomaly score, one class vs the rest",
  ]);
  // Everything is plain JSON: it travels to the page over a socket.
  assert.deepEqual(JSON.parse(JSON.stringify(charts)), charts);
});

Deno.test("a run with metrics only gets the loss and throughput charts", async () => {
  const directory = await writeRunFolder({
    "metrics.jsonl": `${metricsLine(1)}\n${metricsLine(2)}\n`,
  });
  assert.deepEqual(titles(runViewerCharts([await readViewerRun(directory)])), [
    "Loss per epoch",
    "Training throughput per epoch",
  ]);
});

Deno.test("a folder with only anomaly/roc.json (an anomaly report) gets the ROC chart", async () => {
  const roc = await Deno.readTextFile(`${CAE_RUN}/anomaly/roc.json`);
  const reportOnly = await writeRunFolder({ "anomaly/roc.json": roc });
  const runs = await readViewerRuns([reportOnly, VAE_RUN]);
  assert.equal(runs[0].history.length, 0);
  const charts = runViewerCharts(runs);
  assert.deepEqual(titles(charts).slice(0, 4), [
    "Loss per epoch",
    "Reconstruction term (rc) per epoch",
    "KL term (kl) per epoch",
    "Training throughput per epoch",
  ]);
  // The VAE keeps its colour (position 1) in the curve charts.
  assert.deepEqual(charts[3].data.map((trace) => trace.name), ["vae-latent2-small"]);
  assert.equal((charts[3].data[0].line as { color: string }).color, "#f58518");
  assert.equal(charts.at(-1)!.data.length, 7);
  assert.deepEqual(titles(runViewerCharts([runs[0]])), [runs[0].roc!.title]);
});

Deno.test("no runs is an error", () => {
  assert.throws(() => runViewerCharts([]), /got no runs/);
});
