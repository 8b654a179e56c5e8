/**
 * A grid of images with a caption (usually the class name) under each: e.g. a 5x5 sample of
 * Fashion-MNIST with "Ankle boot", "T-shirt/top", ... under the pictures.
 *
 * @module
 */
import { IMAGE_SIZE } from "../../data/constants.ts";
import { type CaptionedGridOptions, captionedGridPng } from "./captioned_grid.ts";

/**
 * Options of {@link labelledImageGridPng}: the grid layout plus how many images to draw.
 *
 * @example
 * ```ts
 * const options: LabelledImageGridOptions = { columns: 5, scale: 3 };
 * ```
 */
export interface LabelledImageGridOptions extends CaptionedGridOptions {
  /** Number of images to draw. Default: one per label. */
  count?: number;
}

/**
 * Draws `count` images (one `imageSize²` image after another in `pixels`, values in [0,1]) in a
 * grid with `labels[i]` under image `i`, and returns PNG bytes.
 *
 * @throws {RangeError} When there are fewer labels or pixel values than images to draw.
 *
 * @example
 * ```ts
 * import { loadFashionMnist } from "../../data/mod.ts";
 *
 * const fashion = await loadFashionMnist({ limit: 100 });
 * const indices = Array.from({ length: 25 }, (_, i) => i);
 * const png = await labelledImageGridPng(
 *   fashion.pixelsAsFloat("test", indices),
 *   indices.map((i) => fashion.labelName(i, "test")),
 *   { columns: 5 },
 * );
 * await Deno.writeFile("sample.png", png);
 * ```
 */
export async function labelledImageGridPng(
  pixels: Float32Array,
  labels: readonly string[],
  options: LabelledImageGridOptions = {},
): Promise<Uint8Array> {
  const imageSize = options.imageSize ?? IMAGE_SIZE;
  const imageLength = imageSize * imageSize;
  const count = options.count ?? labels.length;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `labelledImageGridPng needs at least one image, got count ${count}. ` +
        `Pass one label per image to draw.`,
    );
  }
  if (labels.length < count) {
    throw new RangeError(
      `labelledImageGridPng got ${labels.length} labels for ${count} images; ` +
        `expected one label per image.`,
    );
  }
  if (pixels.length < count * imageLength) {
    throw new RangeError(
      `labelledImageGridPng got ${pixels.length} pixel values for ${count} images of ` +
        `${imageSize}x${imageSize}; expected ${count * imageLength}. ` +
        `Pass pixels from pixelsAsFloat(split, indices) with one index per label.`,
    );
  }
  const cells = Array.from({ length: count }, (_, index) => ({
    images: [pixels.subarray(index * imageLength, (index + 1) * imageLength)],
    caption: [labels[index]],
  }));
  return await captionedGridPng(cells, options);
}
