/**
 * Pictures of images and training: greyscale image grids (plain, labelled, originals over
 * reconstructions) as PNG, and Vega-Lite charts (loss curves, scatter plots) rendered to SVG and
 * PNG without a browser. Spec builders return plain JSON; the renderer is separate.
 *
 * @example
 * ```ts
 * import { lossCurveSpec, lossSeriesFromHistory, renderVegaLitePng } from "./mod.ts";
 *
 * const png = await renderVegaLitePng(lossCurveSpec(lossSeriesFromHistory(history)));
 * await Deno.writeFile("loss.png", png);
 * ```
 *
 * @module
 */

export {
  type CaptionedGridOptions,
  captionedGridPng,
  escapeXml,
  type GridCell,
} from "../figures/captioned_grid.ts";
export { type ImageGridOptions, imageGridPng } from "../figures/image_grid.ts";
export { type LabelledImageGridOptions, labelledImageGridPng } from "../figures/labelled_grid.ts";
export {
  type LossCurveOptions,
  lossCurveSpec,
  type LossPoint,
  type LossSeries,
  lossSeriesFromHistory,
} from "./loss_curve_spec.ts";
export { readPngSize } from "../figures/png_size.ts";
export { formatError, meanSquaredErrorPerImage } from "../figures/reconstruction_error.ts";
export {
  type ReconstructionGridOptions,
  reconstructionGridPng,
} from "../figures/reconstruction_grid.ts";
export { type ScatterOptions, type ScatterPoint, scatterSpec } from "./scatter_spec.ts";
export { CHART_FONT, chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
export {
  type RenderedChart,
  type RenderPngOptions,
  renderVegaLiteChart,
  renderVegaLitePng,
  renderVegaLiteSvg,
  svgToPng,
} from "./vega_render.ts";
export { type Bar, type BarChartOptions, barChartSpec } from "./bar_chart_spec.ts";
export { type GroupedBar, type GroupedBarOptions, groupedBarSpec } from "./grouped_bar_spec.ts";
export {
  type ImageRow,
  type LabelledRowsGridOptions,
  labelledRowsGridPng,
} from "../figures/labelled_rows_grid.ts";
export {
  type ScatterPanel,
  type ScatterPanelsOptions,
  scatterPanelsSpec,
} from "./scatter_panels_spec.ts";
