/**
 * What the chart spec builders share: the Vega-Lite spec type they return and the look common to
 * all charts (white background, DejaVu Sans, Vega-Lite 5 schema so JupyterLab and VS Code render
 * the spec with their built-in Vega-Lite 5).
 *
 * @module
 */

/**
 * A Vega-Lite specification as plain JSON (what `application/vnd.vegalite.v5+json` carries).
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, mark: "point", data: { values: [] } };
 * ```
 */
export interface VegaLiteSpec {
  $schema: string;
  [key: string]: unknown;
}

/**
 * The schema URL the builders put in `$schema`: Vega-Lite 5, which Jupyter front ends render.
 *
 * @example
 * ```ts
 * console.log(VEGA_LITE_SCHEMA); // "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The font charts use; installed by Debian's fonts-dejavu-core, with generic fallbacks.
 *
 * @example
 * ```ts
 * console.log(CHART_FONT); // "DejaVu Sans, Liberation Sans, Arial, sans-serif"
 * ```
 */
export const CHART_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

/**
 * The `config` block every builder adds: white background and the chart font throughout.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, config: chartConfig(), mark: "point" };
 * ```
 */
export function chartConfig(): Record<string, unknown> {
  return {
    background: "white",
    font: CHART_FONT,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12 },
    legend: { labelFontSize: 11, titleFontSize: 12 },
    title: { fontSize: 13, anchor: "start" },
  };
}
