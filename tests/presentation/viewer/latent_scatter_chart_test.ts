import assert from "node:assert/strict";
import {
  colorAt,
  latentScatterChart,
  latentScatterPointsOf,
  readViewerRun,
} from "../../../lib/presentation/viewer/mod.ts";
import { FASHION_MNIST_CLASS_NAMES } from "../../../lib/data/constants.ts";
import { CAE_RUN } from "./fixtures.ts";

Deno.test("latent points become the notebook's scatter points, category = class name", () => {
  assert.deepEqual(latentScatterPointsOf([{ x: 1, y: 2, label: 9, index: 0 }]), [
    { x: 1, y: 2, category: "Ankle boot" },
  ]);
});

Deno.test("the scatter has one trace per class, coloured as in the notebook, hover with index", async () => {
  const run = await readViewerRun(CAE_RUN);
  const latents = run.latents!;
  const chart = latentScatterChart(run.name, latents);
  assert.deepEqual(chart.data.map((trace) => trace.name), [...FASHION_MNIST_CLASS_NAMES]);
  assert.equal(chart.data.reduce((sum, trace) => sum + trace.x.length, 0), latents.points.length);
  const sneakers = latents.points.filter((point) => point.label === 7);
  const trace = chart.data[7];
  assert.deepEqual(trace.x, sneakers.map((point) => point.x));
  assert.deepEqual(trace.y, sneakers.map((point) => point.y));
  assert.deepEqual(trace.customdata, sneakers.map((point) => point.index));
  assert.equal((trace.marker as { color: string }).color, colorAt(7));
  assert.match(
    trace.hovertemplate as string,
    /^class Sneaker \(label 7\)<br>index %\{customdata\}/,
  );
  const layout = chart.layout as { title: { text: string }; xaxis: { title: { text: string } } };
  assert.equal(layout.title.text, "cae-latent2-small: Latent space, first 400 test images");
  assert.equal(layout.xaxis.title.text, "z1");
});

Deno.test("classes absent from the file get no trace; defaults name the run and axes", () => {
  const chart = latentScatterChart("run-a", { points: [{ x: 0, y: 0, label: 3, index: 5 }] });
  assert.deepEqual(chart.data.map((trace) => trace.name), ["Dress"]);
  const layout = chart.layout as { title: { text: string }; yaxis: { title: { text: string } } };
  assert.equal(layout.title.text, "Latent space of run-a (1 images)");
  assert.equal(layout.yaxis.title.text, "z2");
});
