/**
 * The run viewer behind `deno task plot`: reads run folders (metrics, config, and the optional
 * `latents.json` and `anomaly/roc.json`, through `lib/training/run_folder/`), turns them into
 * Plotly charts with the same series builders as the notebook's Vega-Lite plots, and serves them
 * on nodeplotlib's page on 127.0.0.1, with a latent explorer page per run that has a checkpoint
 * and a latent map (its model runs in the browser with TensorFlow.js).
 *
 * @example
 * ```ts
 * import { readViewerRuns, runViewerCharts, startRunViewer } from "./mod.ts";
 *
 * const runs = await readViewerRuns(["runs/cae-latent2", "runs/vae-latent2"]);
 * const viewer = await startRunViewer({ charts: runViewerCharts(runs) });
 * console.log(`open ${viewer.url}`);
 * await viewer.close();
 * ```
 *
 * @module
 */

export {
  lossCharts,
  lossSeriesTraces,
  lossTermNames,
  lossTermSeries,
  type RunHistory,
  throughputChart,
} from "./epoch_charts.ts";
export { latentScatterChart, latentScatterPointsOf } from "./latent_scatter_chart.ts";
export { createExplorerSite, type ExplorerReply, type ExplorerSite } from "./explorer_routes.ts";
export {
  createImageSource,
  type ExplorerRun,
  explorerRunDescription,
  type ImageSource,
  type ImageSplits,
  readExplorerRun,
  readExplorerRuns,
  type UnexplorableRun,
} from "./explorer_runs.ts";
export { browserOpenCommand, openInBrowser, type OpenResult } from "./open_browser.ts";
export {
  chartLayout,
  type ChartLayoutOptions,
  colorAt,
  type PlotlyLayout,
  type PlotlyTrace,
  TABLEAU_10,
  type ViewerChart,
} from "./plotly_chart.ts";
export { rocChart } from "./roc_chart.ts";
export { describeViewerRun, readViewerRun, readViewerRuns, type ViewerRun } from "./viewer_runs.ts";
export { runViewerCharts } from "./viewer_charts.ts";
export { guardServer, refusalReason } from "./request_guard.ts";
export {
  escapeHtml,
  LOCAL_PLOTLY_PATH,
  NODEPLOTLIB_PLOTLY_URL,
  offlineViewerPage,
  type ViewerLink,
} from "./viewer_page.ts";
export {
  type RunViewer,
  type RunViewerOptions,
  startRunViewer,
  ViewerServerError,
} from "./viewer_server.ts";
