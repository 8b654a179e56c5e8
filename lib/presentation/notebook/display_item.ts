/**
 * What `show()` can display: a PNG picture (optionally with the Vega-Lite spec it was drawn
 * from), plain text or Markdown; and how each becomes a Jupyter MIME bundle. Pure data: nothing
 * here talks to a kernel.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { readPngSize } from "../figures/png_size.ts";
import { type RenderPngOptions, renderVegaLiteChart } from "../charts/vega_render.ts";
import type { VegaLiteSpec } from "../charts/vega_lite_spec.ts";

/**
 * A PNG picture to show, e.g. an image grid or a rendered chart.
 *
 * @example
 * ```ts
 * const item: PictureItem = { kind: "picture", png, name: "samples" };
 * ```
 */
export interface PictureItem {
  kind: "picture";
  png: Uint8Array;
  /** The Vega-Lite spec the PNG was rendered from; JupyterLab and VS Code can draw it live. */
  vegaLite?: VegaLiteSpec;
  /** File name (without extension) when written outside a notebook. */
  name?: string;
  /** Alternative text, also the `text/plain` of the bundle. */
  description?: string;
  /** Size to show the picture at, e.g. half the pixels of a chart rendered at scale 2. */
  displayWidth?: number;
  displayHeight?: number;
}

/**
 * Plain text or Markdown to show.
 *
 * @example
 * ```ts
 * const item: TextItem = { kind: "markdown", text: "**Epoch 3**: loss 0.031" };
 * ```
 */
export interface TextItem {
  kind: "text" | "markdown";
  text: string;
}

/**
 * Anything {@link mimeBundle} (and so `show()`) accepts.
 *
 * @example
 * ```ts
 * const items: DisplayItem[] = [markdown("# Samples"), picture(png)];
 * ```
 */
export type DisplayItem = PictureItem | TextItem;

/**
 * Options of {@link picture}: everything of a {@link PictureItem} but the bytes.
 *
 * @example
 * ```ts
 * const options: PictureOptions = { name: "samples", description: "25 training images" };
 * ```
 */
export type PictureOptions = Omit<PictureItem, "kind" | "png">;

/**
 * Wraps PNG bytes as a picture to show; checks they are a PNG.
 *
 * @throws {TypeError} When the bytes are not a PNG.
 *
 * @example
 * ```ts
 * await show(picture(await labelledImageGridPng(pixels, labels), { name: "samples" }));
 * ```
 */
export function picture(png: Uint8Array, options: PictureOptions = {}): PictureItem {
  readPngSize(png);
  return { kind: "picture", png, ...options };
}

/**
 * Markdown text to show (printed as is outside a notebook).
 *
 * @example
 * ```ts
 * await show(markdown(`**Test loss** ${loss.toFixed(4)}`));
 * ```
 */
export function markdown(text: string): TextItem {
  return { kind: "markdown", text };
}

/**
 * Plain text to show.
 *
 * @example
 * ```ts
 * await show(plainText("done"));
 * ```
 */
export function plainText(text: string): TextItem {
  return { kind: "text", text };
}

/**
 * Renders a Vega-Lite spec to a picture that carries the spec too (PNG at `scale`, shown at
 * the spec's natural size).
 *
 * @example
 * ```ts
 * await show(await chartPicture(lossCurveSpec(lossSeriesFromHistory(history)), { name: "loss" }));
 * ```
 */
export async function chartPicture(
  spec: VegaLiteSpec,
  options: RenderPngOptions & Pick<PictureOptions, "name" | "description"> = {},
): Promise<PictureItem> {
  const chart = await renderVegaLiteChart(spec, { scale: options.scale });
  const title = typeof spec.title === "string" ? spec.title : "chart";
  return {
    kind: "picture",
    png: chart.png,
    vegaLite: spec,
    name: options.name,
    description: options.description ?? `${title} (Vega-Lite chart)`,
    displayWidth: chart.displayWidth,
    displayHeight: chart.displayHeight,
  };
}

/**
 * A Jupyter MIME bundle: `data` by MIME type and its `metadata`, as sent in `display_data`.
 *
 * @example
 * ```ts
 * const bundle: MimeBundle = { data: { "text/plain": "hi" }, metadata: {} };
 * ```
 */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/**
 * The MIME bundle of an item: a picture gives `image/png` (base64), `text/plain` and, with a
 * spec, `application/vnd.vegalite.v5+json`; Markdown gives `text/markdown` and `text/plain`.
 *
 * @example
 * ```ts
 * const { data } = mimeBundle(markdown("# Hello"));
 * console.log(data["text/markdown"]); // "# Hello"
 * ```
 */
export function mimeBundle(item: DisplayItem): MimeBundle {
  if (item.kind !== "picture") {
    const data: Record<string, unknown> = { "text/plain": item.text };
    if (item.kind === "markdown") data["text/markdown"] = item.text;
    return { data, metadata: {} };
  }
  const { width, height } = readPngSize(item.png);
  const data: Record<string, unknown> = {
    "image/png": Buffer.from(item.png.buffer, item.png.byteOffset, item.png.byteLength)
      .toString("base64"),
    "text/plain": item.description ?? `${item.name ?? "picture"} (${width}x${height} PNG)`,
  };
  if (item.vegaLite !== undefined) data["application/vnd.vegalite.v5+json"] = item.vegaLite;
  const metadata: Record<string, unknown> = {};
  if (item.displayWidth !== undefined || item.displayHeight !== undefined) {
    metadata["image/png"] = {
      width: item.displayWidth ?? width,
      height: item.displayHeight ?? height,
    };
  }
  return { data, metadata };
}
