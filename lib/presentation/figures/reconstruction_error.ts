/**
 * Per-image reconstruction error, for captions under reconstructions and for picking the best
 * and worst reconstructed images.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";

/**
 * Mean squared difference per pixel of each image and its reconstruction (both in [0,1], one
 * `pixelsPerImage` image after another). Returns one value per image.
 *
 * @throws {RangeError} When the arrays differ in length or do not hold whole images.
 *
 * @example
 * ```ts
 * const originals = new Float32Array([0, 1, 1, 1]);
 * const reconstructions = new Float32Array([0, 0, 1, 1]);
 * meanSquaredErrorPerImage(originals, reconstructions, 2); // Float64Array [0.5, 0]
 * ```
 */
export function meanSquaredErrorPerImage(
  originals: Float32Array,
  reconstructions: Float32Array,
  pixelsPerImage = PIXELS_PER_IMAGE,
): Float64Array {
  if (originals.length !== reconstructions.length) {
    throw new RangeError(
      `meanSquaredErrorPerImage got ${originals.length} original and ` +
        `${reconstructions.length} reconstructed pixel values; expected the same number. ` +
        `Pass the model's output for exactly the images given.`,
    );
  }
  if (!Number.isInteger(pixelsPerImage) || pixelsPerImage < 1) {
    throw new RangeError(
      `meanSquaredErrorPerImage: pixelsPerImage must be a positive integer, got ${pixelsPerImage}.`,
    );
  }
  if (originals.length % pixelsPerImage !== 0) {
    throw new RangeError(
      `meanSquaredErrorPerImage got ${originals.length} values, which is not a whole number of ` +
        `${pixelsPerImage}-pixel images. Check the image size.`,
    );
  }
  const count = originals.length / pixelsPerImage;
  const errors = new Float64Array(count);
  for (let image = 0; image < count; image++) {
    let total = 0;
    const offset = image * pixelsPerImage;
    for (let pixel = 0; pixel < pixelsPerImage; pixel++) {
      const difference = originals[offset + pixel] - reconstructions[offset + pixel];
      total += difference * difference;
    }
    errors[image] = total / pixelsPerImage;
  }
  return errors;
}

/**
 * Formats an error for a caption with three significant digits: `0.0123`, `1.23e-4`, `268`.
 *
 * @example
 * ```ts
 * formatError(0.012345); // "0.0123"
 * formatError(0.00012345); // "1.23e-4"
 * ```
 */
export function formatError(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.001) {
    const [mantissa, exponent] = value.toExponential(2).split("e");
    return `${mantissa}e${Number(exponent)}`;
  }
  return Number(value.toPrecision(3)).toString();
}
