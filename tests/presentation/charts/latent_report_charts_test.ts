import assert from "node:assert/strict";
import {
  featureGapChartSpec,
  reportChartSpec,
} from "../../../lib/presentation/charts/latent_report_charts.ts";
import { renderVegaLitePng } from "../../../lib/presentation/charts/vega_render.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";

type Bar = { group: string; series: string; value: number; error?: number };
const barsOf = (spec: Record<string, unknown>) =>
  (spec.data as { values: Bar[] }).values.map(({ group, series, value, error }) => ({
    group,
    series,
    value,
    ...(error === undefined ? {} : { error }),
  }));

Deno.test("the reconstruction chart has one bar per method and code size", () => {
  const spec = reportChartSpec("reconstruction", {
    rows: [
      { method: "PCA", k: 2, testMse: 0.0461, source: "fit" },
      { method: "CAE", k: 2, testMse: 0.0313, source: "runs/x" },
      { method: "PCA", k: 64, testMse: 0.0104, source: "fit" },
    ],
  });
  assert.deepEqual(barsOf(spec), [
    { group: "k = 2", series: "PCA", value: 0.0461 },
    { group: "k = 2", series: "CAE", value: 0.0313 },
    { group: "k = 64", series: "PCA", value: 0.0104 },
  ]);
  assert.equal(spec.title, "Test reconstruction MSE per pixel");
});

Deno.test("the clustering chart shows ACC, NMI and ARI of each feature type", () => {
  const spec = reportChartSpec("clustering", {
    rows: [{ features: "PCA (20)", accuracy: 0.486, nmi: 0.514, ari: 0.351, seconds: 1 }],
  });
  assert.deepEqual(barsOf(spec), [
    { group: "PCA (20)", series: "ACC", value: 0.486 },
    { group: "PCA (20)", series: "NMI", value: 0.514 },
    { group: "PCA (20)", series: "ARI", value: 0.351 },
  ]);
});

Deno.test("accuracy charts carry the spread as error bars, budgets named in words", () => {
  const features = reportChartSpec("features", {
    rows: [{ features: "PCA (20)", budget: 100, testMean: 0.764, testStd: 0.002 }],
  });
  assert.deepEqual(barsOf(features), [
    { group: "100 labels/class", series: "PCA (20)", value: 0.764, error: 0.002 },
  ]);
  const pretraining = reportChartSpec("pretraining", {
    summary: [{ kind: "random", budget: "all", runs: 1, mean: 0.866, std: 0 }],
  });
  assert.deepEqual(barsOf(pretraining), [
    { group: "all labels", series: "random", value: 0.866, error: 0 },
  ]);
});

Deno.test("the gradient chart averages log10 norms over seeds, with their spread", () => {
  const spec = reportChartSpec("gradients", {
    results: [
      {
        initialisation: "random",
        seed: 0,
        layerNames: ["sigmoid_hidden1", "classifier_head"],
        earlyNorms: [1e-4, 0.1],
      },
      {
        initialisation: "random",
        seed: 1,
        layerNames: ["sigmoid_hidden1", "classifier_head"],
        earlyNorms: [1e-2, 0.1],
      },
    ],
  });
  const bars = barsOf(spec);
  assert.deepEqual(bars.map(({ group, series, value }) => ({ group, series, value })), [
    { group: "hidden 1", series: "random", value: -3 },
    { group: "head", series: "random", value: -1 },
  ]);
  // Sample standard deviation of log10 norms -4 and -2.
  assert.ok(Math.abs((bars[0].error ?? 0) - Math.SQRT2) < 1e-12);
  assert.equal(bars[1].error, 0);
  assert.match(String(spec.title), /mean ± std of 2 seeds/);
});

Deno.test("the gap chart puts accuracy on the labels beside test accuracy for one budget", () => {
  const row = { features: "PCA (20)", dimension: 20, draws: 3, gap: 0.04 };
  const spec = featureGapChartSpec([
    { ...row, budget: 100, trainMean: 0.8, testMean: 0.76, testStd: 0.01 },
    { ...row, budget: "all", trainMean: 0.79, testMean: 0.78, testStd: 0.001 },
  ], 100);
  assert.deepEqual(barsOf(spec), [
    { group: "PCA (20)", series: "its labelled images", value: 0.8 },
    { group: "PCA (20)", series: "test images", value: 0.76, error: 0.01 },
  ]);
  assert.throws(() => featureGapChartSpec([], 10), /no row has the budget 10/);
});

Deno.test("a saved part without its list is a clear error, and a chart renders", async () => {
  assert.throws(
    () => reportChartSpec("pretraining", { rows: [] }),
    /The saved pretraining part has no "summary" list; rerun that part/,
  );
  const png = await renderVegaLitePng(
    reportChartSpec("clustering", {
      rows: [{ features: "raw pixels (784)", accuracy: 0.484, nmi: 0.516, ari: 0.351 }],
    }),
  );
  assert.ok(readPngSize(png).width > 640);
});
