/**
 * Originals over their reconstructions: each cell shows an input image, the autoencoder's output
 * under it, and the reconstruction error (plus, optionally, the class name) printed below.
 *
 * @module
 */
import { IMAGE_SIZE } from "../../data/constants.ts";
import { type CaptionedGridOptions, captionedGridPng } from "./captioned_grid.ts";
import { formatError, meanSquaredErrorPerImage } from "./reconstruction_error.ts";

/**
 * Options of {@link reconstructionGridPng}.
 *
 * @example
 * ```ts
 * const options: ReconstructionGridOptions = { columns: 10, labels: ["Ankle boot"] };
 * ```
 */
export interface ReconstructionGridOptions extends CaptionedGridOptions {
  /** Number of pairs to draw. Default: all images in `originals`. */
  count?: number;
  /** Class names, printed above the error. Default: none. */
  labels?: readonly string[];
  /** Error per pair to print. Default: mean squared error per pixel of each pair. */
  errors?: ArrayLike<number>;
  /** What the error is called in the caption. Default "mse" (or "error" when `errors` given). */
  errorName?: string;
}

/**
 * Draws each original image with its reconstruction under it and the per-image error below the
 * pair; returns PNG bytes. Both arrays hold one `imageSize²` image after another, values in [0,1].
 *
 * @throws {RangeError} When the arrays differ in length, hold fewer than `count` images, or
 *   `labels`/`errors` are shorter than `count`.
 *
 * @example
 * ```ts
 * const originals = fashion.pixelsAsFloat("test", [0, 1, 2, 3, 4]);
 * const reconstructions = await reconstruct(originals); // the model's output, same length
 * const png = await reconstructionGridPng(originals, reconstructions, { columns: 5 });
 * await Deno.writeFile("reconstructions.png", png);
 * ```
 */
export async function reconstructionGridPng(
  originals: Float32Array,
  reconstructions: Float32Array,
  options: ReconstructionGridOptions = {},
): Promise<Uint8Array> {
  const imageSize = options.imageSize ?? IMAGE_SIZE;
  const imageLength = imageSize * imageSize;
  if (originals.length !== reconstructions.length) {
    throw new RangeError(
      `reconstructionGridPng got ${originals.length} original and ${reconstructions.length} ` +
        `reconstructed pixel values; expected the same number (one reconstruction per image).`,
    );
  }
  const available = Math.floor(originals.length / imageLength);
  const count = options.count ?? available;
  if (!Number.isInteger(count) || count < 1 || count > available) {
    throw new RangeError(
      `reconstructionGridPng: count must be between 1 and ${available} (the whole ` +
        `${imageSize}x${imageSize} images given), got ${count}.`,
    );
  }
  const labels = options.labels;
  if (labels !== undefined && labels.length < count) {
    throw new RangeError(
      `reconstructionGridPng got ${labels.length} labels for ${count} pairs; pass one per pair.`,
    );
  }
  if (options.errors !== undefined && options.errors.length < count) {
    throw new RangeError(
      `reconstructionGridPng got ${options.errors.length} errors for ${count} pairs; ` +
        `pass one per pair or leave errors out to use the mean squared error.`,
    );
  }
  const errors = options.errors ?? meanSquaredErrorPerImage(
    originals.subarray(0, count * imageLength),
    reconstructions.subarray(0, count * imageLength),
    imageLength,
  );
  const errorName = options.errorName ?? (options.errors === undefined ? "mse" : "error");
  const cells = Array.from({ length: count }, (_, index) => {
    const start = index * imageLength;
    const caption = [`${errorName} ${formatError(errors[index])}`];
    if (labels !== undefined) caption.unshift(labels[index]);
    return {
      images: [
        originals.subarray(start, start + imageLength),
        reconstructions.subarray(start, start + imageLength),
      ],
      caption,
    };
  });
  return await captionedGridPng(cells, options);
}
