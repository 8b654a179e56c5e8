/**
 * How blurry reconstructions are, as a number: the edge energy of an image, the mean squared
 * difference between neighbouring pixels (each pixel against its right and its lower neighbour).
 * Smoothing an image lowers it; a flat image has none. Comparing the edge energy of
 * reconstructions with that of their originals says how much of the fine detail survives.
 *
 * @module
 */
import { IMAGE_SIZE } from "../../data/constants.ts";

/**
 * The edge energy of each image: the mean of (x[r][c] − x[r][c+1])² and (x[r][c] − x[r+1][c])²
 * over all horizontally and vertically neighbouring pairs, for pixels in [0, 1].
 *
 * @throws {RangeError} When `pixels` is not a whole number of `imageSize`² images.
 *
 * @example
 * ```ts
 * edgeEnergy(new Float32Array([0, 1, 1, 0]), 2); // [1]: every pair differs by 1
 * edgeEnergy(fashion.pixelsAsFloat("test", [0, 1])); // two values, one per image
 * ```
 */
export function edgeEnergy(pixels: Float32Array, imageSize = IMAGE_SIZE): Float64Array {
  const length = imageSize * imageSize;
  if (!Number.isInteger(imageSize) || imageSize < 2 || pixels.length % length !== 0) {
    throw new RangeError(
      `edgeEnergy got ${pixels.length} pixel values for ${imageSize}×${imageSize} images; ` +
        `expected whole images (a multiple of ${length}) and a size of at least 2.`,
    );
  }
  const count = pixels.length / length;
  const pairs = 2 * imageSize * (imageSize - 1);
  const energies = new Float64Array(count);
  for (let image = 0; image < count; image++) {
    const offset = image * length;
    let sum = 0;
    for (let row = 0; row < imageSize; row++) {
      for (let column = 0; column < imageSize; column++) {
        const here = pixels[offset + row * imageSize + column];
        if (column + 1 < imageSize) {
          sum += (here - pixels[offset + row * imageSize + column + 1]) ** 2;
        }
        if (row + 1 < imageSize) {
          sum += (here - pixels[offset + (row + 1) * imageSize + column]) ** 2;
        }
      }
    }
    energies[image] = sum / pairs;
  }
  return energies;
}

/**
 * What {@link compareSharpness} returns.
 *
 * @example
 * ```ts
 * const { keptShare }: SharpnessComparison = compareSharpness(originals, images);
 * ```
 */
export interface SharpnessComparison {
  /** Mean edge energy of the originals. */
  originals: number;
  /** Mean edge energy of the reconstructions. */
  reconstructions: number;
  /** reconstructions / originals: the share of the originals' edge energy that survives. */
  keptShare: number;
}

/**
 * The mean edge energy of originals and of their reconstructions, and the share kept.
 *
 * @throws {RangeError} When the arrays differ in length, are not whole images, or the originals
 *   have no edges at all.
 *
 * @example
 * ```ts
 * const originals = fashion.pixelsAsFloat("test", indices);
 * const sharpness = compareSharpness(originals, reconstructImages(bundle, originals).images);
 * console.log(`${(100 * sharpness.keptShare).toFixed(0)}% of the edge energy kept`);
 * ```
 */
export function compareSharpness(
  originals: Float32Array,
  reconstructions: Float32Array,
  imageSize = IMAGE_SIZE,
): SharpnessComparison {
  if (originals.length !== reconstructions.length) {
    throw new RangeError(
      `compareSharpness got ${originals.length} original and ${reconstructions.length} ` +
        `reconstructed pixel values; expected one reconstruction per original.`,
    );
  }
  const mean = (values: Float64Array) =>
    values.reduce((sum, value) => sum + value, 0) / values.length;
  const original = mean(edgeEnergy(originals, imageSize));
  const reconstructed = mean(edgeEnergy(reconstructions, imageSize));
  if (!(original > 0)) {
    throw new RangeError(
      "compareSharpness: the originals are flat (no edge energy), so no share can be kept. " +
        "Pass real images.",
    );
  }
  return {
    originals: original,
    reconstructions: reconstructed,
    keptShare: reconstructed / original,
  };
}
