/**
 * The chart shape the run viewer hands to nodeplotlib: Plotly traces and a layout, plain JSON (it
 * travels to the page over a socket), plus the look all viewer charts share (font, margins, the
 * Tableau 10 colours that the notebook's Vega-Lite charts use too).
 *
 * @module
 */
import { CHART_FONT } from "../charts/vega_lite_spec.ts";

/**
 * One Plotly trace (`scatter` lines or markers), as plain JSON.
 *
 * @example
 * ```ts
 * const trace: PlotlyTrace = { type: "scatter", mode: "lines", name: "train", x: [1, 2], y: [3, 2] };
 * ```
 */
export interface PlotlyTrace {
  type: "scatter";
  mode: "lines" | "markers" | "lines+markers";
  name: string;
  x: number[];
  y: number[];
  [key: string]: unknown;
}

/**
 * A Plotly layout, as plain JSON.
 *
 * @example
 * ```ts
 * const layout: PlotlyLayout = { title: { text: "Loss" }, xaxis: { title: { text: "epoch" } } };
 * ```
 */
export type PlotlyLayout = Record<string, unknown>;

/**
 * One chart of the viewer: what nodeplotlib's `plot(data, layout)` takes.
 *
 * @example
 * ```ts
 * const chart: ViewerChart = {
 *   data: [{ type: "scatter", mode: "lines", name: "train", x: [1, 2], y: [3, 2] }],
 *   layout: chartLayout({ title: "Loss", xTitle: "epoch", yTitle: "loss per image" }),
 * };
 * ```
 */
export interface ViewerChart {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
}

/**
 * Tableau 10 as Vega defines it, the scheme of the notebook's charts (`scheme: "tableau10"`):
 * class `label` of Fashion-MNIST gets colour `label`, run `i` of a comparison colour `i mod 10`.
 *
 * @example
 * ```ts
 * console.log(TABLEAU_10[7]); // "#ff9da6", the colour of class 7 (Sneaker)
 * ```
 */
export const TABLEAU_10: readonly string[] = Object.freeze([
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
]);

/**
 * Colour number `index` of {@link TABLEAU_10}, wrapping around after ten.
 *
 * @example
 * ```ts
 * colorAt(11); // "#f58518", the same as colorAt(1)
 * ```
 */
export function colorAt(index: number): string {
  return TABLEAU_10[((index % TABLEAU_10.length) + TABLEAU_10.length) % TABLEAU_10.length];
}

/**
 * Options of {@link chartLayout}.
 *
 * @example
 * ```ts
 * const options: ChartLayoutOptions = { title: "ROC", xTitle: "FPR", yTitle: "TPR" };
 * ```
 */
export interface ChartLayoutOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  /** Extra settings of the x and y axes (e.g. `{ range: [0, 1] }`). */
  xAxis?: Record<string, unknown>;
  yAxis?: Record<string, unknown>;
  /** Where the legend goes: "right" of the plot (default) or "below" it, for long names. */
  legend?: "right" | "below";
  /** Height of the chart in pixels. Default: Plotly's (450). */
  height?: number;
}

/**
 * The layout every viewer chart uses: title, axis titles, the notebook charts' font, the legend
 * (right or below), hover labels of the nearest point.
 *
 * @example
 * ```ts
 * const layout = chartLayout({ title: "Loss per epoch", xTitle: "epoch", yTitle: "loss" });
 * ```
 */
export function chartLayout(options: ChartLayoutOptions): PlotlyLayout {
  return {
    title: { text: options.title },
    font: { family: CHART_FONT, size: 12 },
    xaxis: { title: { text: options.xTitle }, zeroline: false, ...options.xAxis },
    yaxis: { title: { text: options.yTitle }, zeroline: false, ...options.yAxis },
    hovermode: "closest",
    margin: { l: 70, r: 20, t: 50, b: 55 },
    showlegend: true,
    ...(options.legend === "below"
      ? { legend: { orientation: "h", x: 0, xanchor: "left", y: -0.16, yanchor: "top" } }
      : {}),
    ...(options.height === undefined ? {} : { height: options.height }),
  };
}
