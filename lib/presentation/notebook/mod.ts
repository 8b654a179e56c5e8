/**
 * Notebook helpers: `show()` for pictures and text (a MIME bundle in Deno's Jupyter kernel, a
 * file and a printed path elsewhere), a live training display as trainer callbacks, and the
 * quick-mode settings (`AE_QUICK`) every notebook reads.
 *
 * @example
 * ```ts
 * import { chartPicture, liveTrainingDisplay, quickModeSettings, show } from "../lib/presentation/notebook/mod.ts";
 * import { lossCurveSpec, lossSeriesFromHistory } from "../lib/presentation/charts/mod.ts";
 *
 * const { limit, epochs } = quickModeSettings({ fullEpochs: 10 });
 * const history = await fit(engine, await loadFashionMnist({ limit }), {
 *   epochs,
 *   callbacks: liveTrainingDisplay(),
 * });
 * await show(await chartPicture(lossCurveSpec(lossSeriesFromHistory(history))));
 * ```
 *
 * @module
 */

export {
  createUpdatableDisplay,
  type DisplayOptions,
  FIGURES_DIRECTORY_VARIABLE,
  findKernel,
  type JupyterBroadcaster,
  show,
  type Showable,
  type UpdatableDisplay,
  type WrittenFigure,
} from "./display.ts";
export {
  chartPicture,
  type DisplayItem,
  markdown,
  type MimeBundle,
  mimeBundle,
  picture,
  type PictureItem,
  type PictureOptions,
  plainText,
  type TextItem,
} from "./display_item.ts";
export { liveTrainingDisplay, type LiveTrainingDisplayOptions } from "./live_training.ts";
export {
  batchLossPoints,
  liveBatchCurveDisplay,
  type LiveBatchCurveOptions,
} from "./live_batch_curve.ts";
export {
  QUICK_MODE_VARIABLE,
  type QuickModeOptions,
  type QuickModeSettings,
  quickModeSettings,
} from "./quick_mode.ts";
export { markdownTable, type TableColumn } from "./markdown_table.ts";
export { layerTable } from "./layer_table.ts";
export { ARTICLE_TRAIN_LOSS, articleComparisonTable } from "./article_table.ts";
export { liveBottleneckUnits, variantResultsTable } from "./variant_table.ts";
export { n2dResultsTable } from "./n2d_results_table.ts";
