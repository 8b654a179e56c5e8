/**
 * Fixed facts about Fashion-MNIST: image geometry and class names.
 *
 * @module
 */

/**
 * Side of an image in pixels: Fashion-MNIST images are 28 × 28, so this one number is the image
 * size everywhere (tensor shapes, pixel offsets, model inputs).
 *
 * @example
 * ```ts
 * import { IMAGE_SIZE } from "./constants.ts";
 *
 * const row = 3, column = 5;
 * console.log(row * IMAGE_SIZE + column); // index of pixel (3, 5) in a row-major image
 * ```
 */
export const IMAGE_SIZE = 28;

/**
 * Channels per pixel (grayscale).
 *
 * @example
 * ```ts
 * import { IMAGE_CHANNELS, IMAGE_SIZE } from "./constants.ts";
 *
 * const shape = [32, IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS]; // a batch of 32, NHWC
 * console.log(shape);
 * ```
 */
export const IMAGE_CHANNELS = 1;

/**
 * Pixels (bytes) per image: 28 × 28 = 784.
 *
 * @example
 * ```ts
 * import { PIXELS_PER_IMAGE } from "./constants.ts";
 *
 * const imageIndex = 2;
 * const start = imageIndex * PIXELS_PER_IMAGE; // offset of image 2 in a split's `images`
 * console.log(start); // 1568
 * ```
 */
export const PIXELS_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;

/**
 * Class names, indexed by label (0–9).
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_CLASS_NAMES } from "./constants.ts";
 *
 * console.log(FASHION_MNIST_CLASS_NAMES[9]); // "Ankle boot"
 * ```
 */
export const FASHION_MNIST_CLASS_NAMES: readonly string[] = Object.freeze([
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
]);
