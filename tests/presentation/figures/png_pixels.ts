/**
 * Test helper: decodes PNG bytes to greyscale pixels with sharp, to check what was drawn.
 *
 * @module
 */
import sharp from "sharp";

/**
 * Decoded greyscale picture: `pixels[y * width + x]` in 0..255.
 *
 * @example
 * ```ts
 * const picture: GreyPicture = await decodeGrey(png);
 * ```
 */
export interface GreyPicture {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
  at(x: number, y: number): number;
  /** Number of pixels darker than `threshold` in the rectangle [left, right) x [top, bottom). */
  darkPixels(left: number, top: number, right: number, bottom: number, threshold?: number): number;
}

/**
 * Decodes PNG bytes to greyscale, keeping the channel count of the file for checks.
 *
 * @example
 * ```ts
 * const picture = await decodeGrey(await imageGridPng(pixels, 1));
 * console.log(picture.at(0, 0));
 * ```
 */
export async function decodeGrey(png: Uint8Array): Promise<GreyPicture> {
  const metadata = await sharp(png).metadata();
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const width = info.width;
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const step = info.channels;
  const at = (x: number, y: number) => pixels[(y * width + x) * step];
  return {
    width,
    height: info.height,
    channels: metadata.channels ?? 0,
    pixels,
    at,
    darkPixels(left, top, right, bottom, threshold = 128) {
      let count = 0;
      for (let y = top; y < bottom; y++) {
        for (let x = left; x < right; x++) if (at(x, y) < threshold) count++;
      }
      return count;
    },
  };
}
