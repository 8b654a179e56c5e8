/**
 * The one-class protocol's data: the training images of one class (the "normal" class), an
 * optional validation split made only of training images (held-out normals plus other classes'
 * training images as anomalies), and the whole test set labelled normal / anomalous.
 *
 * @module
 */
import { createRandom, shuffleInPlace } from "../../data/random.ts";

/**
 * Data that cannot run the protocol: a class without training images, or an evaluation set without
 * normal or without anomalous images. The CLI reports it with exit code 2.
 *
 * @example
 * ```ts
 * try { oneClassData(tinyData, 3); } catch (error) { if (error instanceof AnomalyDataError) {} }
 * ```
 */
export class AnomalyDataError extends RangeError {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "AnomalyDataError";
  }
}

/**
 * What the protocol needs from a dataset (a `FashionMnist` fits).
 *
 * @example
 * ```ts
 * const data: LabelledImages = await loadFashionMnist();
 * ```
 */
export interface LabelledImages {
  train: { labels: Uint8Array; count: number };
  test: { labels: Uint8Array; count: number };
  pixelsAsFloat(split: "train" | "test", indices: readonly number[]): Float32Array;
}

/**
 * Images with one "is anomaly" flag each, plus where they came from.
 *
 * @example
 * ```ts
 * const { pixels, isAnomaly }: LabelledSet = oneClassData(fashion, 0).test;
 * ```
 */
export interface LabelledSet {
  pixels: Float32Array;
  isAnomaly: boolean[];
  /** Index of each image in its split. */
  indices: number[];
  /** Class label of each image. */
  labels: number[];
}

/**
 * The data of one one-class run.
 *
 * @example
 * ```ts
 * const data: OneClassData = oneClassData(fashion, 0, { validationFraction: 0.2 });
 * ```
 */
export interface OneClassData {
  normalClass: number;
  /** Normal training images the detector is fitted on. */
  fitPixels: Float32Array;
  /** Training-split indices of those images. */
  fitIndices: number[];
  /** Validation (from training images only), or undefined when `validationFraction` is 0. */
  validation?: LabelledSet;
  /** Every test image; anomalies are those of other classes. */
  test: LabelledSet;
}

/**
 * Options of {@link oneClassData}.
 *
 * @example
 * ```ts
 * const options: OneClassDataOptions = { validationFraction: 0.2, seed: 1 };
 * ```
 */
export interface OneClassDataOptions {
  /** Fraction of the normal class's training images held out for validation. Default 0. */
  validationFraction?: number;
  /** Seed of the hold-out and of the choice of validation anomalies. Default 0. */
  seed?: number;
  /** Number of classes (labels 0..classCount-1). Default 10. */
  classCount?: number;
}

function labelledSet(
  data: LabelledImages,
  split: "train" | "test",
  indices: number[],
  normalClass: number,
): LabelledSet {
  const labels = indices.map((index) => data[split].labels[index]);
  return {
    pixels: data.pixelsAsFloat(split, indices),
    isAnomaly: labels.map((label) => label !== normalClass),
    indices,
    labels,
  };
}

/**
 * Splits a dataset for the one-class protocol: fit on class `normalClass` only, test on all.
 * With a validation fraction, that share of the class's training images is held out and as many
 * training images of the other classes are drawn as validation anomalies: settings can be chosen
 * there without looking at the test set.
 *
 * @throws {RangeError} When the class is not an integer label in range, or has no training images.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const data = oneClassData(fashion, 0, { validationFraction: 0.2 });
 * data.fitPixels.length / 784; // 4800
 * data.test.isAnomaly.filter(Boolean).length; // 9000
 * ```
 */
export function oneClassData(
  data: LabelledImages,
  normalClass: number,
  options: OneClassDataOptions = {},
): OneClassData {
  const classCount = options.classCount ?? 10;
  const fraction = options.validationFraction ?? 0;
  if (!Number.isInteger(normalClass) || normalClass < 0 || normalClass >= classCount) {
    throw new RangeError(
      `The normal class must be an integer label from 0 to ${classCount - 1}, got ${normalClass}.`,
    );
  }
  if (!(fraction >= 0 && fraction < 1)) {
    throw new RangeError(`validationFraction must be in [0, 1), got ${fraction}; e.g. 0.2.`);
  }
  const normal: number[] = [];
  const others: number[] = [];
  for (let index = 0; index < data.train.count; index++) {
    (data.train.labels[index] === normalClass ? normal : others).push(index);
  }
  if (normal.length === 0) {
    throw new AnomalyDataError(
      `Class ${normalClass} has no training images (of ${data.train.count}); the detector needs ` +
        `normal images to fit. Use the full dataset or another class.`,
    );
  }
  const random = createRandom(options.seed ?? 0);
  let fitIndices = normal;
  let validation: LabelledSet | undefined;
  if (fraction > 0) {
    const shuffled = [...normal];
    shuffleInPlace(shuffled, random);
    const held = Math.max(1, Math.round(shuffled.length * fraction));
    fitIndices = shuffled.slice(held).sort((a, b) => a - b);
    const shuffledOthers = [...others];
    shuffleInPlace(shuffledOthers, random);
    const anomalies = shuffledOthers.slice(0, held);
    validation = labelledSet(
      data,
      "train",
      [...shuffled.slice(0, held), ...anomalies],
      normalClass,
    );
  }
  const testIndices = Array.from({ length: data.test.count }, (_, index) => index);
  const testNormal = testIndices.filter((index) => data.test.labels[index] === normalClass).length;
  if (testNormal === 0 || testNormal === testIndices.length) {
    throw new AnomalyDataError(
      `The test set (${data.test.count} images) has ${testNormal} images of class ${normalClass} ` +
        `and ${testIndices.length - testNormal} of other classes; AUROC needs both. ` +
        `Use more test images (a larger --limit, or none).`,
    );
  }
  return {
    normalClass,
    fitPixels: data.pixelsAsFloat("train", fitIndices),
    fitIndices,
    validation,
    test: labelledSet(data, "test", testIndices, normalClass),
  };
}
