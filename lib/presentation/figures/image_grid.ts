/**
 * Greyscale image grids as PNG, made with sharp: e.g. the first ten test images over their
 * reconstructions.
 *
 * @module
 */
import { IMAGE_SIZE } from "../../data/constants.ts";
import sharp from "sharp";

/**
 * Options of {@link imageGridPng}.
 *
 * @example
 * ```ts
 * const options: ImageGridOptions = { columns: 10, scale: 2 };
 * ```
 */
export interface ImageGridOptions {
  /** Images per row. Default: all images in one row. */
  columns?: number;
  /** Side of one image in pixels. Default 28. */
  imageSize?: number;
  /** Upscaling factor (nearest neighbour, so pixels stay sharp). Default 4. */
  scale?: number;
  /** Gap between images in output pixels (drawn in mid grey). Default 4. */
  gap?: number;
}

/**
 * Lays out greyscale images (values in [0,1], one `imageSize²` image after another) in a grid
 * and returns PNG bytes.
 *
 * @example
 * ```ts
 * const png = await imageGridPng(pixels, 20, { columns: 10 });
 * await Deno.writeFile("grid.png", png);
 * ```
 */
export async function imageGridPng(
  pixels: Float32Array,
  count: number,
  options: ImageGridOptions = {},
): Promise<Uint8Array> {
  const imageSize = options.imageSize ?? IMAGE_SIZE;
  const columns = options.columns ?? count;
  const scale = options.scale ?? 4;
  const gap = options.gap ?? 4;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`imageGridPng needs at least one image, got count ${count}.`);
  }
  if (pixels.length < count * imageSize * imageSize) {
    throw new RangeError(
      `imageGridPng got ${pixels.length} pixel values for ${count} images of ` +
        `${imageSize}x${imageSize}; expected ${count * imageSize * imageSize}.`,
    );
  }
  if (!Number.isInteger(columns) || columns < 1 || !Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`columns and scale must be positive integers, got ${columns}, ${scale}.`);
  }
  const rows = Math.ceil(count / columns);
  const cell = imageSize * scale;
  const width = columns * cell + (columns + 1) * gap;
  const height = rows * cell + (rows + 1) * gap;
  const canvas = new Uint8Array(width * height).fill(128);
  for (let image = 0; image < count; image++) {
    const left = gap + (image % columns) * (cell + gap);
    const top = gap + Math.floor(image / columns) * (cell + gap);
    const offset = image * imageSize * imageSize;
    for (let y = 0; y < cell; y++) {
      const sourceRow = offset + Math.floor(y / scale) * imageSize;
      const targetRow = (top + y) * width + left;
      for (let x = 0; x < cell; x++) {
        const value = pixels[sourceRow + Math.floor(x / scale)];
        canvas[targetRow + x] = Math.round(Math.min(1, Math.max(0, value)) * 255);
      }
    }
  }
  const png = await sharp(canvas, { raw: { width, height, channels: 1 } }).png().toBuffer();
  return new Uint8Array(png);
}
