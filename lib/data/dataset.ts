/**
 * The in-memory Fashion-MNIST dataset: raw bytes of both splits plus accessors
 * that scale pixels to [0, 1]. Pure TypeScript on typed arrays; turning
 * batches into tensors is the trainer's job.
 *
 * @module
 */

import {
  FASHION_MNIST_CLASS_NAMES,
  IMAGE_CHANNELS,
  IMAGE_SIZE,
  PIXELS_PER_IMAGE,
} from "./constants.ts";

/**
 * Which split: the 60,000 training images or the 10,000 test images.
 *
 * @example
 * ```ts
 * import type { FashionMnistSplitName } from "./dataset.ts";
 *
 * const split: FashionMnistSplitName = "train";
 * console.log(split);
 * ```
 */
export type FashionMnistSplitName = "train" | "test";

/**
 * One split's raw data.
 *
 * @example
 * ```ts
 * import type { FashionMnistSplit } from "./dataset.ts";
 *
 * const blank: FashionMnistSplit = { images: new Uint8Array(784), labels: new Uint8Array([0]), count: 1 };
 * console.log(blank.count);
 * ```
 */
export interface FashionMnistSplit {
  /** Pixels 0..255, row-major, image after image: `count * 784` bytes. */
  images: Uint8Array;
  /** Labels 0..9, one per image. */
  labels: Uint8Array;
  /** Number of images. */
  count: number;
}

/**
 * Summary returned by {@link FashionMnist.info}.
 *
 * @example
 * ```ts
 * import { FashionMnist, type FashionMnistInfo } from "./dataset.ts";
 *
 * const split = { images: new Uint8Array(784), labels: new Uint8Array([0]), count: 1 };
 * const info: FashionMnistInfo = new FashionMnist({ train: split, test: split, source: "synthetic" }).info();
 * console.log(info.train.shape); // [1, 28, 28, 1]
 * ```
 */
export interface FashionMnistInfo {
  /** Training split: count and NHWC shape `[count, 28, 28, 1]`. */
  train: { count: number; shape: [number, number, number, number] };
  /** Test split: count and NHWC shape `[count, 28, 28, 1]`. */
  test: { count: number; shape: [number, number, number, number] };
  /** Class names indexed by label. */
  classNames: readonly string[];
  /** The directory the files were read from. */
  source: string;
}

/**
 * Fashion-MNIST in memory. Usually made by `loadFashionMnist`; construct it
 * directly to test code with a handful of synthetic images.
 *
 * @example
 * ```ts
 * import { loadFashionMnist } from "./mod.ts";
 *
 * const fashion = await loadFashionMnist({ limit: 100 });
 * console.log(fashion.info().train.shape); // [100, 28, 28, 1]
 * console.log(fashion.labelName(0, "train")); // "Ankle boot"
 * const batch = fashion.pixelsAsFloat("train", [0, 1, 2]); // Float32Array of 3 * 784 in [0, 1]
 * console.log(batch.length);
 * ```
 */
export class FashionMnist {
  /** The training split. */
  readonly train: FashionMnistSplit;
  /** The test split. */
  readonly test: FashionMnistSplit;
  /** The directory the files were read from. */
  readonly source: string;
  /** Class names indexed by label. */
  readonly classNames: readonly string[] = FASHION_MNIST_CLASS_NAMES;

  /**
   * @param parts Both splits and the source directory. Each split's `images`
   *   must hold `count * 784` bytes and `labels` `count` bytes.
   * @throws {RangeError} When a split's arrays do not match its count.
   *
   * @example
   * ```ts
   * import { FashionMnist } from "./dataset.ts";
   *
   * const split = { images: new Uint8Array(2 * 784), labels: new Uint8Array([9, 0]), count: 2 };
   * const tiny = new FashionMnist({ train: split, test: split, source: "synthetic" });
   * console.log(tiny.labelName(0)); // "Ankle boot"
   * ```
   */
  constructor(parts: { train: FashionMnistSplit; test: FashionMnistSplit; source: string }) {
    for (const splitName of ["train", "test"] as const) {
      const { images, labels, count } = parts[splitName];
      if (
        !Number.isInteger(count) || count < 0 || images.length !== count * PIXELS_PER_IMAGE ||
        labels.length !== count
      ) {
        throw new RangeError(
          `FashionMnist ${splitName} split is inconsistent: expected count * ${PIXELS_PER_IMAGE} image bytes ` +
            `and count labels for count ${count}, got ${images.length} image bytes and ` +
            `${labels.length} labels. Build splits with images.length === count * ${PIXELS_PER_IMAGE}.`,
        );
      }
    }
    this.train = parts.train;
    this.test = parts.test;
    this.source = parts.source;
  }

  /**
   * Counts, NHWC shapes, class names and source directory.
   *
   * @returns A fresh summary object.
   *
   * @example
   * ```ts
   * import { loadFashionMnist } from "./mod.ts";
   *
   * const { train, test, source } = (await loadFashionMnist()).info();
   * console.log(train.count, test.count, source); // 60000 10000 "/usr/share/datasets/fashion-mnist"
   * ```
   */
  info(): FashionMnistInfo {
    const shapeOf = (count: number): [number, number, number, number] => [
      count,
      IMAGE_SIZE,
      IMAGE_SIZE,
      IMAGE_CHANNELS,
    ];
    return {
      train: { count: this.train.count, shape: shapeOf(this.train.count) },
      test: { count: this.test.count, shape: shapeOf(this.test.count) },
      classNames: this.classNames,
      source: this.source,
    };
  }

  /**
   * One image as 784 floats in [0, 1] (pixel / 255), row-major.
   *
   * @param index The image's index in the split.
   * @param split Which split; defaults to `"test"`.
   * @returns A new Float32Array of length 784.
   * @throws {RangeError} When the index is not an integer in range.
   *
   * @example
   * ```ts
   * import { loadFashionMnist } from "./mod.ts";
   *
   * const pixels = (await loadFashionMnist({ limit: 10 })).image(0);
   * console.log(pixels.length, Math.max(...pixels) <= 1); // 784 true
   * ```
   */
  image(index: number, split: FashionMnistSplitName = "test"): Float32Array {
    return this.pixelsAsFloat(split, [index]);
  }

  /**
   * One label, 0..9.
   *
   * @param index The image's index in the split.
   * @param split Which split; defaults to `"test"`.
   * @returns The label.
   * @throws {RangeError} When the index is not an integer in range.
   *
   * @example
   * ```ts
   * import { loadFashionMnist } from "./mod.ts";
   *
   * console.log((await loadFashionMnist({ limit: 1 })).label(0, "train")); // 9
   * ```
   */
  label(index: number, split: FashionMnistSplitName = "test"): number {
    const data = this.split(split);
    checkIndex(index, data.count, split);
    return data.labels[index];
  }

  /**
   * One label's class name.
   *
   * @param index The image's index in the split.
   * @param split Which split; defaults to `"test"`.
   * @returns The class name, e.g. `"Ankle boot"`.
   * @throws {RangeError} When the index is not an integer in range.
   *
   * @example
   * ```ts
   * import { loadFashionMnist } from "./mod.ts";
   *
   * console.log((await loadFashionMnist({ limit: 1 })).labelName(0, "train")); // "Ankle boot"
   * ```
   */
  labelName(index: number, split: FashionMnistSplitName = "test"): string {
    return this.classNames[this.label(index, split)];
  }

  /**
   * A batch of images as floats in [0, 1] (pixel / 255), image after image,
   * ready for `tf.tensor4d(pixels, [indices.length, 28, 28, 1])`.
   *
   * @param split Which split.
   * @param indices Image indices, e.g. a batch from `batchIndices`.
   * @returns A new Float32Array of length `indices.length * 784`.
   * @throws {RangeError} When an index is not an integer in range.
   *
   * @example
   * ```ts
   * import { batchIndices, loadFashionMnist } from "./mod.ts";
   *
   * const fashion = await loadFashionMnist({ limit: 256 });
   * for (const batch of batchIndices(fashion.train.count, { batchSize: 64, seed: 1 })) {
   *   const pixels = fashion.pixelsAsFloat("train", batch);
   *   console.log(pixels.length); // 64 * 784
   * }
   * ```
   */
  pixelsAsFloat(split: FashionMnistSplitName, indices: ArrayLike<number>): Float32Array {
    const { images, count } = this.split(split);
    const pixels = new Float32Array(indices.length * PIXELS_PER_IMAGE);
    for (let position = 0; position < indices.length; position++) {
      const index = indices[position];
      checkIndex(index, count, split);
      const source = index * PIXELS_PER_IMAGE;
      const target = position * PIXELS_PER_IMAGE;
      for (let pixel = 0; pixel < PIXELS_PER_IMAGE; pixel++) {
        pixels[target + pixel] = images[source + pixel] / 255;
      }
    }
    return pixels;
  }

  private split(split: FashionMnistSplitName): FashionMnistSplit {
    if (split === "train") return this.train;
    if (split === "test") return this.test;
    throw new TypeError(
      `Unknown Fashion-MNIST split ${JSON.stringify(split)}: expected "train" or "test".`,
    );
  }
}

function checkIndex(index: number, count: number, split: FashionMnistSplitName): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(
      `Image index ${index} is out of range for the ${split} split: expected an integer from 0 ` +
        `to ${count - 1}. Use an index below the split's count (${count}).`,
    );
  }
}
