/**
 * Per-epoch charts of one or more runs: train and test loss (and, for a VAE, each loss term such
 * as `rc` and `kl` on its own chart) and training throughput. The loss series come from
 * `lossSeriesFromHistory`, the builder that feeds the notebook's Vega-Lite loss curves, so both
 * renderers draw the same numbers.
 *
 * @module
 */
import type { EpochMetrics } from "../../training/trainer.ts";
import { type LossSeries, lossSeriesFromHistory } from "../charts/loss_curve_spec.ts";
import { chartLayout, colorAt, type PlotlyTrace, type ViewerChart } from "./plotly_chart.ts";

/**
 * A run's name and its `metrics.jsonl` lines (a loss that was NaN is `null` after JSON).
 *
 * @example
 * ```ts
 * const run: RunHistory = { name: "cae-latent20", history: await readMetrics("runs/cae-latent20") };
 * ```
 */
export interface RunHistory {
  name: string;
  history: readonly EpochMetrics[];
}

/** Titles of the loss terms the trainer writes; other names are shown as they are. */
const TERM_TITLES: Readonly<Record<string, string>> = {
  loss: "Loss per epoch",
  rc: "Reconstruction term (rc) per epoch",
  kl: "KL term (kl) per epoch",
};

/**
 * The loss terms in a history besides the total `loss`, in order of first appearance, e.g.
 * `["rc", "kl"]` for a VAE and `[]` for the CAE.
 *
 * @example
 * ```ts
 * lossTermNames([{ train: { loss: 30, rc: 25, kl: 5 }, test: { loss: 31, rc: 26, kl: 5 } }]);
 * // ["rc", "kl"]
 * ```
 */
export function lossTermNames(
  history: readonly Partial<Pick<EpochMetrics, "train" | "test">>[],
): string[] {
  const names = new Set<string>();
  for (const metrics of history) {
    for (const name of [...Object.keys(metrics.train ?? {}), ...Object.keys(metrics.test ?? {})]) {
      if (name !== "loss") names.add(name);
    }
  }
  return [...names];
}

/**
 * Train and test series of one loss term (`"loss"` is the total, as in `lossSeriesFromHistory`),
 * named `train`/`test` or `<prefix> train`/`<prefix> test`; epochs without the term are left out.
 *
 * @example
 * ```ts
 * lossTermSeries(history, "kl", { prefix: "vae" }); // [{ name: "vae train", points }, { name: "vae test", points }]
 * ```
 */
export function lossTermSeries(
  history: readonly EpochMetrics[],
  term: string,
  options: { prefix?: string } = {},
): LossSeries[] {
  if (term === "loss") return lossSeriesFromHistory(history, options);
  const termHistory = history.map((metrics) => ({
    epoch: metrics.epoch,
    trainLoss: metrics.train?.[term] ?? NaN,
    testLoss: metrics.test?.[term] ?? NaN,
  }));
  return lossSeriesFromHistory(termHistory, options);
}

/**
 * Plotly line traces of loss series: all in `color`, the test series dashed; hover shows the
 * epoch and value beside the series name.
 *
 * @example
 * ```ts
 * const traces = lossSeriesTraces(lossSeriesFromHistory(history), { color: colorAt(0) });
 * ```
 */
export function lossSeriesTraces(
  series: readonly LossSeries[],
  options: { color: string },
): PlotlyTrace[] {
  return series.map((one) => ({
    type: "scatter",
    mode: "lines+markers",
    name: one.name,
    x: one.points.map((point) => point.epoch),
    y: one.points.map((point) => point.loss),
    line: { color: options.color, width: 2, dash: /(^| )test$/.test(one.name) ? "dash" : "solid" },
    marker: { color: options.color, size: 7 },
    hovertemplate: "epoch %{x}<br>%{y:.4g}",
  }));
}

/**
 * One loss chart per term: first the total loss, then each further term (e.g. `rc`, `kl` of a
 * VAE) found in any run. Runs are coloured in order; with several runs series names carry the run
 * name. Terms with no point at all are skipped.
 *
 * @example
 * ```ts
 * const charts = lossCharts([{ name: "vae", history }]); // loss, rc and kl charts
 * ```
 */
export function lossCharts(runs: readonly RunHistory[]): ViewerChart[] {
  const terms = ["loss", ...new Set(runs.flatMap((run) => lossTermNames(run.history)))];
  const charts: ViewerChart[] = [];
  for (const term of terms) {
    const data = runs.flatMap((run, index) =>
      lossSeriesTraces(
        lossTermSeries(run.history, term, { prefix: runs.length > 1 ? run.name : undefined }),
        { color: colorAt(index) },
      )
    );
    if (data.length === 0) continue;
    charts.push({
      data,
      layout: chartLayout({
        title: TERM_TITLES[term] ?? `${term} per epoch`,
        xTitle: "epoch",
        yTitle: `${term === "loss" ? "loss" : term} per image`,
        xAxis: { dtick: 1 },
      }),
    });
  }
  return charts;
}

/**
 * Training images per second of each epoch (evaluation excluded), one line per run that has
 * epochs (each keeps the colour of its position in `runs`).
 *
 * @example
 * ```ts
 * const chart = throughputChart([{ name: "cae", history }]);
 * ```
 */
export function throughputChart(runs: readonly RunHistory[]): ViewerChart {
  const data: PlotlyTrace[] = runs.flatMap((run, index): PlotlyTrace[] => {
    const epochs = run.history.filter((metrics) => Number.isFinite(metrics.imagesPerSecond));
    if (epochs.length === 0) return [];
    return [{
      type: "scatter",
      mode: "lines+markers",
      name: run.name,
      x: epochs.map((metrics) => metrics.epoch),
      y: epochs.map((metrics) => metrics.imagesPerSecond),
      line: { color: colorAt(index), width: 2 },
      marker: { color: colorAt(index), size: 7 },
      hovertemplate: "epoch %{x}<br>%{y:.0f} images/s",
    }];
  });
  return {
    data,
    layout: chartLayout({
      title: "Training throughput per epoch",
      xTitle: "epoch",
      yTitle: "images per second",
      xAxis: { dtick: 1 },
      yAxis: { rangemode: "tozero" },
    }),
  };
}
