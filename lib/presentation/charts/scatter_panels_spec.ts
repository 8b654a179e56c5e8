/**
 * Scatter plots side by side with one shared colour legend: e.g. the 2-D latent codes of the
 * same test images under a VAE, a plain autoencoder and PCA, coloured by class, so the three
 * layouts can be compared at a glance. Each panel is a {@link scatterSpec}; this concatenates them.
 *
 * @module
 */
import { type ScatterOptions, type ScatterPoint, scatterSpec } from "./scatter_spec.ts";
import { chartConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * One panel of a {@link scatterPanelsSpec}.
 *
 * @example
 * ```ts
 * const panel: ScatterPanel = { title: "VAE means", points, xTitle: "z1", yTitle: "z2" };
 * ```
 */
export interface ScatterPanel {
  title: string;
  points: readonly ScatterPoint[];
  /** Axis titles. Default "x" and "y". */
  xTitle?: string;
  yTitle?: string;
}

/**
 * Options of {@link scatterPanelsSpec}: those of every panel plus an overall title.
 *
 * @example
 * ```ts
 * const options: ScatterPanelsOptions = { width: 260, height: 260, categoryTitle: "class" };
 * ```
 */
export interface ScatterPanelsOptions
  extends Omit<ScatterOptions, "title" | "xTitle" | "yTitle" | "width" | "height"> {
  /** Title over all panels. Default: none. */
  title?: string;
  /** Plot size of each panel in pixels. Default 260 × 260. */
  width?: number;
  height?: number;
}

/**
 * A Vega-Lite chart of scatter panels in a row. Axes are independent (each panel keeps its own
 * scale: latent codes, PCA scores and so on live on different ranges); the colour scale and
 * legend are shared, so a class has the same colour in every panel.
 *
 * @throws {RangeError} When there are no panels, or a panel has no points or a non-finite one.
 *
 * @example
 * ```ts
 * const spec = scatterPanelsSpec([
 *   { title: "VAE means", points: vaePoints, xTitle: "z1", yTitle: "z2" },
 *   { title: "PCA", points: pcaPoints, xTitle: "PC1", yTitle: "PC2" },
 * ], { categoryTitle: "class", categoryOrder: FASHION_MNIST_CLASS_NAMES });
 * const png = await renderVegaLitePng(spec);
 * ```
 */
export function scatterPanelsSpec(
  panels: readonly ScatterPanel[],
  options: ScatterPanelsOptions = {},
): VegaLiteSpec {
  if (panels.length === 0) {
    throw new RangeError("scatterPanelsSpec got no panels: pass at least one { title, points }.");
  }
  const categoryOrder = options.categoryOrder ?? [
    ...new Set(panels.flatMap((panel) => panel.points.map((point) => point.category))),
  ];
  const charts = panels.map((panel) => {
    const { $schema: _schema, config: _config, ...chart } = scatterSpec(panel.points, {
      ...options,
      categoryOrder,
      title: panel.title,
      xTitle: panel.xTitle,
      yTitle: panel.yTitle,
      width: options.width ?? 260,
      height: options.height ?? 260,
    });
    return chart;
  });
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    hconcat: charts,
    resolve: { scale: { x: "independent", y: "independent", color: "shared" } },
    config: chartConfig(),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
