/**
 * Fixed facts about Fashion-MNIST: image geometry and class names.
 *
 * @module
 */

/**
 * Image height in pixels.
 *
 * @example
 * ```ts
 * import { IMAGE_HEIGHT, IMAGE_WIDTH } from "./constants.ts";
 *
 * console.log(`${IMAGE_HEIGHT}x${IMAGE_WIDTH}`); // "28x28"
 * ```
 */
export const IMAGE_HEIGHT = 28;

/**
 * Image width in pixels.
 *
 * @example
 * ```ts
 * import { IMAGE_WIDTH } from "./constants.ts";
 *
 * const row = 3, column = 5;
 * console.log(row * IMAGE_WIDTH + column); // index of pixel (3, 5) in a row-major image
 * ```
 */
export const IMAGE_WIDTH = 28;

/**
 * Channels per pixel (grayscale).
 *
 * @example
 * ```ts
 * import { IMAGE_CHANNELS, IMAGE_HEIGHT, IMAGE_WIDTH } from "./constants.ts";
 *
 * const shape = [32, IMAGE_HEIGHT, IMAGE_WIDTH, IMAGE_CHANNELS]; // a batch of 32, NHWC
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
export const PIXELS_PER_IMAGE = IMAGE_HEIGHT * IMAGE_WIDTH;

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
