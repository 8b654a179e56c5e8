/**
 * Charts as Vega-Lite specs, rendered to SVG and PNG without a browser: the generic builders (loss
 * curves, scatter plots and panels, bar and grouped bar charts) and the charts of each use (ROC
 * curve and score histogram, latent scatter panels, the latent-space report, the toy problem).
 * Spec builders take plain data and return plain JSON; the renderer is separate.
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

export { rocCurveSpec, type ScoreHistogramOptions, scoreHistogramSpec } from "./anomaly_charts.ts";
export { type Bar, type BarChartOptions, barChartSpec } from "./bar_chart_spec.ts";
export { type GroupedBar, type GroupedBarOptions, groupedBarSpec } from "./grouped_bar_spec.ts";
export { klPerDimensionChartSpec, type KlPerDimensionSeries } from "./kl_per_dimension_chart.ts";
export {
  featureGapChartSpec,
  gradientNormChartSpec,
  reportChartSpec,
  type ReportPartData,
} from "./latent_report_charts.ts";
export {
  type LatentPanel,
  latentScatterPanelsSpec,
  latentScatterPoints,
} from "./latent_scatter.ts";
export {
  type LossCurveOptions,
  lossCurveSpec,
  type LossPoint,
  type LossReference,
  type LossSeries,
  lossSeriesFromHistory,
} from "./loss_curve_spec.ts";
export { type ScatterOptions, type ScatterPoint, scatterSpec } from "./scatter_spec.ts";
export {
  type ScatterPanel,
  type ScatterPanelsOptions,
  scatterPanelsSpec,
} from "./scatter_panels_spec.ts";
export {
  type ToyChartOptions,
  toyChartSpec,
  type ToyLine,
  type ToyPointSet,
  type ToySegments,
} from "./toy_chart.ts";
export { CHART_FONT, chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
export {
  type RenderedChart,
  type RenderPngOptions,
  renderVegaLiteChart,
  renderVegaLitePng,
  renderVegaLiteSvg,
  svgToPng,
} from "./vega_render.ts";
export { n2dEpochCurveSpec } from "./n2d_epoch_chart.ts";
export { pretrainingSweepSpec } from "./pretraining_sweep_chart.ts";
