/**
 * Where a model's loss above the BCE floor lies: summed over the pixels whose target is black
 * background (t = 0), a shade of grey (0 < t < 1) or white (t = 1). Per pixel the excess is
 * BCE(t, p) − H(t) = t·ln(t/p) + (1 − t)·ln((1 − t)/(1 − p)) ≥ 0, the Kullback–Leibler divergence
 * between the target and the prediction; summed over the groups it is the test loss minus the
 * floor. Plain arrays in, numbers out (double precision).
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { EPSILON } from "../../training/binary_cross_entropy.ts";

/**
 * One group of pixels in {@link excessLossByTarget}.
 *
 * @example
 * ```ts
 * const grey: ExcessLossGroup = {
 *   group: "grey (0 < t < 1)",
 *   pixelShare: 0.49,
 *   natsPerImage: 30.1,
 *   natsPerPixel: 0.078,
 * };
 * ```
 */
export interface ExcessLossGroup {
  group: "background (t = 0)" | "grey (0 < t < 1)" | "white (t = 1)";
  /** Share of all pixels of the images that are in this group. */
  pixelShare: number;
  /** Excess loss summed over the group's pixels of an image, averaged over the images. */
  natsPerImage: number;
  /** Mean excess loss of one pixel of the group (0 when the group is empty). */
  natsPerPixel: number;
}

const GROUPS = ["background (t = 0)", "grey (0 < t < 1)", "white (t = 1)"] as const;

/** BCE(t, p) = −(t·ln p + (1 − t)·ln(1 − p)), p clipped as the training loss clips it. */
function crossEntropy(target: number, prediction: number): number {
  const p = Math.min(Math.max(prediction, EPSILON), 1 - EPSILON);
  return -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
}

/**
 * Splits the loss above the floor of `count` images (`originals`, targets in [0, 1]) and their
 * reconstructions by the target of each pixel: background, grey, white. Predictions are clipped
 * to [1e-7, 1 − 1e-7] as in the training loss, and so is the target in the floor, so the three
 * `natsPerImage` add up to the mean summed BCE minus `datasetEntropyFloor` of the same images.
 *
 * @throws {RangeError} When the arrays differ in length or are not whole 28×28 images.
 *
 * @example
 * ```ts
 * const originals = fashion.pixelsAsFloat("test", indices);
 * const { images } = reconstructImages(bundle, originals);
 * for (const group of excessLossByTarget(originals, images)) {
 *   console.log(group.group, group.natsPerImage.toFixed(1));
 * }
 * ```
 */
export function excessLossByTarget(
  originals: Float32Array,
  reconstructions: Float32Array,
): ExcessLossGroup[] {
  if (
    originals.length !== reconstructions.length || originals.length === 0 ||
    originals.length % PIXELS_PER_IMAGE !== 0
  ) {
    throw new RangeError(
      `excessLossByTarget got ${originals.length} original and ${reconstructions.length} ` +
        `reconstructed pixel values; expected the same positive multiple of ${PIXELS_PER_IMAGE} ` +
        `(whole 28×28 images, one reconstruction per original).`,
    );
  }
  const sums = [0, 0, 0];
  const pixels = [0, 0, 0];
  for (let index = 0; index < originals.length; index++) {
    const target = originals[index];
    const group = target <= 0 ? 0 : target >= 1 ? 2 : 1;
    sums[group] += crossEntropy(target, reconstructions[index]) - crossEntropy(target, target);
    pixels[group]++;
  }
  const images = originals.length / PIXELS_PER_IMAGE;
  return GROUPS.map((group, index) => ({
    group,
    pixelShare: pixels[index] / originals.length,
    natsPerImage: sums[index] / images,
    natsPerPixel: pixels[index] === 0 ? 0 : sums[index] / pixels[index],
  }));
}
