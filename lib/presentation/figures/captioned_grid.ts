/**
 * A grid of cells, each a column of greyscale images with caption lines under it, as PNG: the
 * layout behind the labelled dataset grid and the originals-over-reconstructions grid. Images are
 * painted pixel by pixel (nearest neighbour, so they stay sharp); the captions are an SVG overlay
 * that sharp composites on top, so text needs a font on the system (Debian: fonts-dejavu-core).
 *
 * @module
 */
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { Buffer } from "node:buffer";
import sharp from "sharp";

/**
 * One cell of a {@link captionedGridPng}: images stacked top to bottom, then caption lines.
 *
 * @example
 * ```ts
 * const cell: GridCell = { images: [new Float32Array(784)], caption: ["Ankle boot"] };
 * ```
 */
export interface GridCell {
  /** Greyscale images, values in [0,1], `imageSize²` values each, drawn top to bottom. */
  images: Float32Array[];
  /** Text lines under the images; fewer lines than the tallest cell leave blank space. */
  caption?: string[];
}

/**
 * Layout options of {@link captionedGridPng}.
 *
 * @example
 * ```ts
 * const options: CaptionedGridOptions = { columns: 5, scale: 3, fontSize: 12 };
 * ```
 */
export interface CaptionedGridOptions {
  /** Cells per row. Default: all cells in one row. */
  columns?: number;
  /** Side of one image in pixels. Default 28. */
  imageSize?: number;
  /** Upscaling factor (nearest neighbour). Default 4. */
  scale?: number;
  /** Space between cells and around the grid, in output pixels. Default 8. */
  gap?: number;
  /** Space between the images of one cell, in output pixels. Default 2. */
  imageGap?: number;
  /** Largest caption font size in pixels; a long line is set smaller to fit its cell. Default 14. */
  fontSize?: number;
  /** Grey level 0..255 of the background. Default 255 (white). */
  background?: number;
}

const FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
/** Average advance of a DejaVu Sans character as a fraction of the font size (a safe upper bound). */
const CHARACTER_WIDTH = 0.62;

/**
 * Escapes text for use inside SVG/XML content.
 *
 * @example
 * ```ts
 * escapeXml("T-shirt & <top>"); // "T-shirt &amp; &lt;top&gt;"
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function checkPositiveInteger(name: string, value: number, minimum = 1): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(
      `captionedGridPng: ${name} must be an integer >= ${minimum}, got ${value}. ` +
        `Pass a whole number such as ${Math.max(minimum, 1)}.`,
    );
  }
}

/**
 * Lays out cells of stacked images with captions in a grid and returns PNG bytes (greyscale
 * images, black text on the background).
 *
 * @throws {RangeError} When there are no cells, a cell has no images, an image has the wrong
 *   number of values, or an option is not a positive integer.
 *
 * @example
 * ```ts
 * const shirt = new Float32Array(784).fill(0.5);
 * const png = await captionedGridPng([{ images: [shirt], caption: ["Shirt"] }], { scale: 2 });
 * await Deno.writeFile("shirt.png", png);
 * ```
 */
export async function captionedGridPng(
  cells: GridCell[],
  options: CaptionedGridOptions = {},
): Promise<Uint8Array> {
  const imageSize = options.imageSize ?? IMAGE_SIZE;
  const scale = options.scale ?? 4;
  const gap = options.gap ?? 8;
  const imageGap = options.imageGap ?? 2;
  const fontSize = options.fontSize ?? 14;
  const background = options.background ?? 255;
  const columns = options.columns ?? cells.length;
  if (cells.length === 0) {
    throw new RangeError("captionedGridPng needs at least one cell, got none.");
  }
  checkPositiveInteger("imageSize", imageSize);
  checkPositiveInteger("scale", scale);
  checkPositiveInteger("columns", columns);
  checkPositiveInteger("gap", gap, 0);
  checkPositiveInteger("imageGap", imageGap, 0);
  const imagesPerCell = Math.max(...cells.map((cell) => cell.images.length));
  const captionLines = Math.max(...cells.map((cell) => cell.caption?.length ?? 0));
  cells.forEach((cell, index) => {
    if (cell.images.length === 0) {
      throw new RangeError(`captionedGridPng: cell ${index} has no images; give it at least one.`);
    }
    cell.images.forEach((image, position) => {
      if (image.length !== imageSize * imageSize) {
        throw new RangeError(
          `captionedGridPng: image ${position} of cell ${index} has ${image.length} values, ` +
            `expected ${imageSize * imageSize} (${imageSize}x${imageSize}). ` +
            `Slice one image per entry, e.g. pixels.subarray(i * ${PIXELS_PER_IMAGE}, (i + 1) * ${PIXELS_PER_IMAGE}).`,
        );
      }
    });
  });

  const side = imageSize * scale;
  const lineHeight = Math.ceil(fontSize * 1.3);
  const captionHeight = captionLines > 0 ? captionLines * lineHeight + 4 : 0;
  const cellWidth = side;
  const cellHeight = imagesPerCell * side + (imagesPerCell - 1) * imageGap + captionHeight;
  const rows = Math.ceil(cells.length / columns);
  const width = columns * cellWidth + (columns + 1) * gap;
  const height = rows * cellHeight + (rows + 1) * gap;
  const canvas = new Uint8Array(width * height).fill(background);
  const texts: string[] = [];

  cells.forEach((cell, index) => {
    const left = gap + (index % columns) * (cellWidth + gap);
    const top = gap + Math.floor(index / columns) * (cellHeight + gap);
    cell.images.forEach((image, position) => {
      const imageTop = top + position * (side + imageGap);
      for (let y = 0; y < side; y++) {
        const sourceRow = Math.floor(y / scale) * imageSize;
        const targetRow = (imageTop + y) * width + left;
        for (let x = 0; x < side; x++) {
          const value = image[sourceRow + Math.floor(x / scale)];
          canvas[targetRow + x] = Math.round(Math.min(1, Math.max(0, value)) * 255);
        }
      }
    });
    const captionTop = top + imagesPerCell * side + (imagesPerCell - 1) * imageGap + 2;
    (cell.caption ?? []).forEach((line, lineIndex) => {
      const size = Math.min(
        fontSize,
        (cellWidth - 2) / (Math.max(line.length, 1) * CHARACTER_WIDTH),
      );
      const baseline = captionTop + lineIndex * lineHeight + Math.round(lineHeight * 0.75);
      texts.push(
        `<text x="${left + cellWidth / 2}" y="${baseline}" font-size="${size.toFixed(2)}">` +
          `${escapeXml(line)}</text>`,
      );
    });
  });

  const image = sharp(canvas, { raw: { width, height, channels: 1 } });
  if (texts.length > 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g font-family="${FONT_FAMILY}" fill="black" text-anchor="middle">${texts.join("")}</g>` +
      `</svg>`;
    image.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  return new Uint8Array(await image.toColourspace("b-w").removeAlpha().png().toBuffer());
}
