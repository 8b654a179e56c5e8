/**
 * Describing a Fashion-MNIST split with numbers: images per class (class balance), pixel value
 * statistics (how many pixels are pure black, pure white, or a shade of grey), a histogram of
 * pixel values and the mean image of each class. Pure TypeScript on the raw bytes.
 *
 * @module
 */
import { FASHION_MNIST_CLASS_NAMES, PIXELS_PER_IMAGE } from "./constants.ts";
import type { FashionMnistSplit } from "./dataset.ts";

/**
 * Summary of pixel values, on the [0, 1] scale the models see (byte / 255).
 *
 * @example
 * ```ts
 * const stats: PixelStatistics = pixelStatistics(fashion.train);
 * console.log(stats.mean.toFixed(3), stats.greyFraction.toFixed(2));
 * ```
 */
export interface PixelStatistics {
  /** Images counted. */
  imageCount: number;
  /** Pixels counted (images × 784). */
  pixelCount: number;
  /** Mean pixel value in [0, 1]. */
  mean: number;
  /** Standard deviation of the pixel values (population, over all pixels). */
  standardDeviation: number;
  /** Fraction of pixels that are exactly 0 (black background). */
  zeroFraction: number;
  /** Fraction of pixels that are exactly 1 (byte 255). */
  oneFraction: number;
  /** Fraction strictly between 0 and 1: shades of grey, which a 0/1 target would not have. */
  greyFraction: number;
}

/**
 * One bar of a {@link pixelHistogram}: byte values `from` to `to` (inclusive) and how many
 * pixels have them.
 *
 * @example
 * ```ts
 * const bin: HistogramBin = { from: 0, to: 15, count: 28_000_000 };
 * ```
 */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Images per class, indexed by label (0 = T-shirt/top … 9 = Ankle boot).
 *
 * @param split A split, e.g. `fashion.train`.
 * @returns One count per class.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * console.log(classCounts(fashion.train)); // [6000, 6000, …, 6000]
 * ```
 */
export function classCounts(split: Pick<FashionMnistSplit, "labels" | "count">): number[] {
  const counts = new Array<number>(FASHION_MNIST_CLASS_NAMES.length).fill(0);
  for (let index = 0; index < split.count; index++) {
    const label = split.labels[index];
    if (label >= counts.length) {
      throw new RangeError(
        `classCounts: image ${index} has label ${label}; expected 0 to ${counts.length - 1}. ` +
          `The labels do not belong to Fashion-MNIST.`,
      );
    }
    counts[label] += 1;
  }
  return counts;
}

/**
 * Pixel statistics of a split, or of the images of one class in it.
 *
 * @param split A split, e.g. `fashion.train`.
 * @param options `label`: count only the images with this label.
 * @throws {RangeError} When no image is counted (an empty split or a label with no images).
 *
 * @example
 * ```ts
 * const all = pixelStatistics(fashion.train);
 * const sandals = pixelStatistics(fashion.train, { label: 5 });
 * console.log(all.zeroFraction, sandals.mean);
 * ```
 */
export function pixelStatistics(
  split: FashionMnistSplit,
  options: { label?: number } = {},
): PixelStatistics {
  let imageCount = 0;
  let sum = 0;
  let sumOfSquares = 0;
  let zeros = 0;
  let ones = 0;
  forEachSelectedImage(split, options.label, (start) => {
    imageCount += 1;
    for (let pixel = start; pixel < start + PIXELS_PER_IMAGE; pixel++) {
      const value = split.images[pixel];
      sum += value;
      sumOfSquares += value * value;
      if (value === 0) zeros += 1;
      else if (value === 255) ones += 1;
    }
  });
  if (imageCount === 0) {
    throw new RangeError(
      `pixelStatistics counted no images` +
        (options.label === undefined ? " (the split is empty)" : ` with label ${options.label}`) +
        `. Pass a split that holds images` +
        (options.label === undefined ? "." : " of that class, or leave out the label."),
    );
  }
  const pixelCount = imageCount * PIXELS_PER_IMAGE;
  const mean = sum / pixelCount;
  const variance = Math.max(0, sumOfSquares / pixelCount - mean * mean);
  return {
    imageCount,
    pixelCount,
    mean: mean / 255,
    standardDeviation: Math.sqrt(variance) / 255,
    zeroFraction: zeros / pixelCount,
    oneFraction: ones / pixelCount,
    greyFraction: (pixelCount - zeros - ones) / pixelCount,
  };
}

/**
 * Histogram of the byte values 0..255 of all pixels in a split, in `binCount` equal bins.
 *
 * @param split A split, e.g. `fashion.test`.
 * @param binCount Number of bins; must divide 256. Default 16 (bins 0–15, 16–31, …, 240–255).
 * @throws {RangeError} When `binCount` does not divide 256.
 *
 * @example
 * ```ts
 * const bins = pixelHistogram(fashion.test, 8);
 * console.log(bins[0]); // { from: 0, to: 31, count: … }
 * ```
 */
export function pixelHistogram(split: FashionMnistSplit, binCount = 16): HistogramBin[] {
  if (!Number.isInteger(binCount) || binCount < 1 || 256 % binCount !== 0) {
    throw new RangeError(
      `pixelHistogram: binCount must divide 256 (1, 2, 4, …, 256), got ${binCount}.`,
    );
  }
  const byValue = new Float64Array(256);
  const length = split.count * PIXELS_PER_IMAGE;
  for (let pixel = 0; pixel < length; pixel++) byValue[split.images[pixel]] += 1;
  const width = 256 / binCount;
  return Array.from({ length: binCount }, (_, bin) => {
    let count = 0;
    for (let value = bin * width; value < (bin + 1) * width; value++) count += byValue[value];
    return { from: bin * width, to: (bin + 1) * width - 1, count };
  });
}

/**
 * The mean image of each class: pixel by pixel, the average over that class's images, in [0, 1].
 * A class with no images gets an all-zero image.
 *
 * @param split A split, e.g. `fashion.train`.
 * @returns Ten 784-value images one after another (label 0 first), ready for an image grid.
 *
 * @example
 * ```ts
 * const means = classMeanImages(fashion.train);
 * await show(picture(await labelledImageGridPng(means, fashion.classNames, { columns: 5 })));
 * ```
 */
export function classMeanImages(split: FashionMnistSplit): Float32Array {
  const classCount = FASHION_MNIST_CLASS_NAMES.length;
  const sums = new Float64Array(classCount * PIXELS_PER_IMAGE);
  const counts = classCounts(split);
  for (let index = 0; index < split.count; index++) {
    const target = split.labels[index] * PIXELS_PER_IMAGE;
    const source = index * PIXELS_PER_IMAGE;
    for (let pixel = 0; pixel < PIXELS_PER_IMAGE; pixel++) {
      sums[target + pixel] += split.images[source + pixel];
    }
  }
  const means = new Float32Array(sums.length);
  for (let label = 0; label < classCount; label++) {
    if (counts[label] === 0) continue;
    for (let pixel = 0; pixel < PIXELS_PER_IMAGE; pixel++) {
      const position = label * PIXELS_PER_IMAGE + pixel;
      means[position] = sums[position] / counts[label] / 255;
    }
  }
  return means;
}

function forEachSelectedImage(
  split: FashionMnistSplit,
  label: number | undefined,
  visit: (start: number) => void,
): void {
  for (let index = 0; index < split.count; index++) {
    if (label === undefined || split.labels[index] === label) visit(index * PIXELS_PER_IMAGE);
  }
}
