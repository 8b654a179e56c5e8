/**
 * Rows of images with a label on the left of each row (and optional captions under the
 * columns): e.g. the same interpolation decoded by a VAE (top row) and a plain autoencoder
 * (bottom row), or samples of several models one row each.
 *
 * @module
 */
import { IMAGE_SIZE } from "../../data/constants.ts";
import { Buffer } from "node:buffer";
import sharp from "sharp";
import { escapeXml } from "./captioned_grid.ts";

/**
 * One row of a {@link labelledRowsGridPng}.
 *
 * @example
 * ```ts
 * const row: ImageRow = { label: "VAE", images: decodedPixels }; // 10 images · 784 values
 * ```
 */
export interface ImageRow {
  /** Text on the left of the row. */
  label: string;
  /** Greyscale images in [0,1], `imageSize²` values each, one after another. */
  images: Float32Array;
}

/**
 * Options of {@link labelledRowsGridPng}.
 *
 * @example
 * ```ts
 * const options: LabelledRowsGridOptions = { scale: 2, columnCaptions: ["0", "0.5", "1"] };
 * ```
 */
export interface LabelledRowsGridOptions {
  /** Side of one image in pixels. Default 28. */
  imageSize?: number;
  /** Upscaling factor (nearest neighbour). Default 3. */
  scale?: number;
  /** Space between images and around the grid, in output pixels. Default 4. */
  gap?: number;
  /** Width of the label column in output pixels. Default: enough for the longest label. */
  labelWidth?: number;
  /** Font size of labels and captions in pixels. Default 14. */
  fontSize?: number;
  /** Text under each column (at most one per column). Default: none. */
  columnCaptions?: readonly string[];
}

const FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
/** Average advance of a DejaVu Sans character as a fraction of the font size (an upper bound). */
const CHARACTER_WIDTH = 0.62;

function checkInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(
      `labelledRowsGridPng: ${name} must be an integer >= ${minimum}, got ${value}.`,
    );
  }
}

/**
 * Draws each row's images left to right after its label, on white, and returns PNG bytes. Rows
 * may hold different numbers of images; the grid is as wide as the longest row.
 *
 * @throws {RangeError} When there are no rows, a row holds no whole image, or an option is bad.
 *
 * @example
 * ```ts
 * const png = await labelledRowsGridPng([
 *   { label: "VAE", images: vaeWalk.images },
 *   { label: "CAE", images: caeWalk.images },
 * ], { columnCaptions: ["t=0", "", "", "t=1"] });
 * await Deno.writeFile("interpolation.png", png);
 * ```
 */
export async function labelledRowsGridPng(
  rows: readonly ImageRow[],
  options: LabelledRowsGridOptions = {},
): Promise<Uint8Array> {
  const imageSize = options.imageSize ?? IMAGE_SIZE;
  const scale = options.scale ?? 3;
  const gap = options.gap ?? 4;
  const fontSize = options.fontSize ?? 14;
  const captions = options.columnCaptions ?? [];
  checkInteger("imageSize", imageSize, 1);
  checkInteger("scale", scale, 1);
  checkInteger("gap", gap, 0);
  if (rows.length === 0) {
    throw new RangeError("labelledRowsGridPng got no rows: pass at least one { label, images }.");
  }
  const imageLength = imageSize * imageSize;
  const counts = rows.map((row, index) => {
    if (row.images.length === 0 || row.images.length % imageLength !== 0) {
      throw new RangeError(
        `labelledRowsGridPng: row ${index} ("${row.label}") has ${row.images.length} values; ` +
          `expected a positive multiple of ${imageLength} (${imageSize}x${imageSize} images).`,
      );
    }
    return row.images.length / imageLength;
  });
  const columns = Math.max(...counts);
  const side = imageSize * scale;
  const longest = Math.max(...rows.map((row) => row.label.length));
  const labelWidth = options.labelWidth ??
    (longest === 0 ? 0 : Math.ceil(longest * fontSize * CHARACTER_WIDTH) + gap);
  checkInteger("labelWidth", labelWidth, 0);
  const captionHeight = captions.some((caption) => caption !== "") ? Math.ceil(fontSize * 1.4) : 0;
  const left = gap + labelWidth;
  const width = left + columns * (side + gap);
  const height = gap + rows.length * (side + gap) + captionHeight;
  const canvas = new Uint8Array(width * height).fill(255);
  const texts: string[] = [];
  rows.forEach((row, rowIndex) => {
    const top = gap + rowIndex * (side + gap);
    for (let column = 0; column < counts[rowIndex]; column++) {
      const offset = column * imageLength;
      const imageLeft = left + column * (side + gap);
      for (let y = 0; y < side; y++) {
        const sourceRow = offset + Math.floor(y / scale) * imageSize;
        const targetRow = (top + y) * width + imageLeft;
        for (let x = 0; x < side; x++) {
          const value = row.images[sourceRow + Math.floor(x / scale)];
          canvas[targetRow + x] = Math.round(Math.min(1, Math.max(0, value)) * 255);
        }
      }
    }
    if (row.label !== "") {
      texts.push(
        `<text x="${labelWidth}" y="${top + side / 2 + fontSize * 0.35}" ` +
          `text-anchor="end">${escapeXml(row.label)}</text>`,
      );
    }
  });
  captions.slice(0, columns).forEach((caption, column) => {
    if (caption === "") return;
    const size = Math.min(fontSize, (side + gap) / (caption.length * CHARACTER_WIDTH));
    texts.push(
      `<text x="${left + column * (side + gap) + side / 2}" y="${height - captionHeight * 0.3}" ` +
        `text-anchor="middle" font-size="${size.toFixed(2)}">${escapeXml(caption)}</text>`,
    );
  });
  const image = sharp(canvas, { raw: { width, height, channels: 1 } });
  if (texts.length > 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g font-family="${FONT_FAMILY}" font-size="${fontSize}" fill="black">${texts.join("")}</g>` +
      `</svg>`;
    image.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  return new Uint8Array(await image.toColourspace("b-w").removeAlpha().png().toBuffer());
}
