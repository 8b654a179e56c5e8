/**
 * All charts of the run viewer for one or more runs, in page order: loss (and each further loss
 * term), throughput, then each run's latent scatter, then the ROC curves of all runs.
 *
 * @module
 */
import { lossCharts, throughputChart } from "./epoch_charts.ts";
import { latentScatterChart } from "./latent_scatter_chart.ts";
import type { ViewerChart } from "./plotly_chart.ts";
import { rocChart } from "./roc_chart.ts";
import type { ViewerRun } from "./viewer_runs.ts";

/**
 * The viewer's charts for `runs`: curves of all runs with epochs share a chart; a latent scatter
 * per run that has `latents.json`; one ROC chart if any run has `anomaly/roc.json`.
 *
 * @throws {RangeError} When `runs` is empty.
 *
 * @example
 * ```ts
 * const charts = runViewerCharts(await readViewerRuns(["runs/cae-latent2"]));
 * ```
 */
export function runViewerCharts(runs: readonly ViewerRun[]): ViewerChart[] {
  if (runs.length === 0) {
    throw new RangeError("runViewerCharts got no runs; pass at least one run folder's data.");
  }
  const charts = lossCharts(runs);
  const throughput = throughputChart(runs);
  if (throughput.data.length > 0) charts.push(throughput);
  for (const run of runs) {
    if (run.latents) charts.push(latentScatterChart(run.name, run.latents));
  }
  const withRoc = runs.flatMap((run) => run.roc ? [{ name: run.name, roc: run.roc }] : []);
  if (withRoc.length > 0) charts.push(rocChart(withRoc));
  return charts;
}
