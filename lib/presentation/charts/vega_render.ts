/**
 * Renders Vega-Lite specs without a browser or DOM: Vega-Lite compiles to Vega, Vega's headless
 * view (renderer "none") writes SVG, sharp turns the SVG into PNG. PNG is what every notebook
 * front end, nbconvert's HTML export and GitHub show; SVG text needs system fonts
 * (Debian: fonts-dejavu-core).
 *
 * @module
 */
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import sharp from "sharp";
import type { VegaLiteSpec } from "./vega_lite_spec.ts";

/**
 * Options of {@link renderVegaLitePng}.
 *
 * @example
 * ```ts
 * const options: RenderPngOptions = { scale: 2 };
 * ```
 */
export interface RenderPngOptions {
  /** Pixels per SVG unit; 2 gives crisp text on high-density screens. Default 2. */
  scale?: number;
}

/**
 * A rendered chart: PNG bytes, its size in pixels, and the size to show it at (`width / scale`).
 *
 * @example
 * ```ts
 * const chart: RenderedChart = await renderVegaLiteChart(spec);
 * console.log(chart.width, chart.displayWidth);
 * ```
 */
export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
  displayWidth: number;
  displayHeight: number;
}

/**
 * Compiles a Vega-Lite spec and renders it to an SVG document string.
 *
 * @throws {Error} When Vega-Lite cannot compile the spec (the message names the spec's problem).
 *
 * @example
 * ```ts
 * const svg = await renderVegaLiteSvg(lossCurveSpec(series));
 * await Deno.writeTextFile("loss.svg", svg);
 * ```
 */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  let compiled: ReturnType<typeof vegaLite.compile>;
  try {
    // Vega marks the data rows it reads; compile a copy so the caller's spec stays as it was.
    compiled = vegaLite.compile(structuredClone(spec) as unknown as vegaLite.TopLevelSpec);
  } catch (error) {
    throw new Error(
      `Vega-Lite could not compile the chart spec: ${(error as Error).message}. ` +
        `Check the spec against https://vega.github.io/vega-lite/docs/ (built by a *Spec helper?).`,
    );
  }
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders an SVG document to PNG with sharp at `scale` pixels per SVG unit.
 *
 * @example
 * ```ts
 * const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
 * ```
 */
export async function svgToPng(svg: string, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(scale > 0) || scale > 8) {
    throw new RangeError(`svgToPng: scale must be in (0, 8], got ${scale}. Use 1 or 2.`);
  }
  const png = await sharp(new TextEncoder().encode(svg), { density: 72 * scale }).png().toBuffer();
  return new Uint8Array(png);
}

/**
 * Renders a Vega-Lite spec to PNG and reports its pixel size and display size.
 *
 * @example
 * ```ts
 * const chart = await renderVegaLiteChart(scatterSpec(points), { scale: 2 });
 * await Deno.writeFile("latent.png", chart.png);
 * ```
 */
export async function renderVegaLiteChart(
  spec: VegaLiteSpec,
  options: RenderPngOptions = {},
): Promise<RenderedChart> {
  const scale = options.scale ?? 2;
  const png = await svgToPng(await renderVegaLiteSvg(spec), { scale });
  const { width = 0, height = 0 } = await sharp(png).metadata();
  return {
    png,
    width,
    height,
    displayWidth: Math.round(width / scale),
    displayHeight: Math.round(height / scale),
  };
}

/**
 * Renders a Vega-Lite spec to PNG bytes.
 *
 * @example
 * ```ts
 * const png = await renderVegaLitePng(lossCurveSpec(lossSeriesFromHistory(history)));
 * await Deno.writeFile("loss.png", png);
 * ```
 */
export async function renderVegaLitePng(
  spec: VegaLiteSpec,
  options: RenderPngOptions = {},
): Promise<Uint8Array> {
  return (await renderVegaLiteChart(spec, options)).png;
}
