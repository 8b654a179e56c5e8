/**
 * Raw per-image anomaly scores of an autoencoder, computed in batches: reconstruction errors
 * (binary cross-entropy, squared error, squared error of the Gaussian-blurred difference) and the
 * latent codes (for a latent-space score). Higher means "less like the training data".
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type AutoencoderBundle, predict } from "../../models/autoencoder_bundle.ts";
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { perImageBinaryCrossEntropy } from "../../training/binary_cross_entropy.ts";

/**
 * The raw scores of a set of images, one value per image (latents: `latentDim` per image).
 *
 * @example
 * ```ts
 * const { mse, latents }: RawScores = computeRawScores(bundle, pixels);
 * ```
 */
export interface RawScores {
  /** Summed binary cross-entropy between image and reconstruction (the training loss). */
  bce: Float32Array;
  /** Summed squared error between image and reconstruction. */
  mse: Float32Array;
  /** Summed squared error after blurring the difference with a Gaussian (σ = 1 pixel). */
  blurredMse: Float32Array;
  /** Latent codes, `count × latentDim`, image after image. */
  latents: Float32Array;
  /**
   * Mean distance to the 5 nearest normal training images in blurred pixel space (no model
   * involved; see `pixel_neighbours.ts`). Filled in by the detector when a score needs it.
   */
  pixelKnn?: Float32Array;
  /** Number of images. */
  count: number;
}

/**
 * A normalised 5×5 Gaussian kernel (σ = 1 pixel) shaped for `tf.conv2d`: [5, 5, 1, 1].
 * The caller owns the tensor.
 *
 * @example
 * ```ts
 * const kernel = gaussianKernel();
 * kernel.shape; // [5, 5, 1, 1]
 * kernel.dispose();
 * ```
 */
export function gaussianKernel(sigma = 1, radius = 2): tf.Tensor4D {
  const size = 2 * radius + 1;
  const values = new Float32Array(size * size);
  let total = 0;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const value = Math.exp(-((row - radius) ** 2 + (column - radius) ** 2) / (2 * sigma ** 2));
      values[row * size + column] = value;
      total += value;
    }
  }
  for (let index = 0; index < values.length; index++) values[index] /= total;
  return tf.tensor4d(values, [size, size, 1, 1]);
}

/**
 * Runs images through the autoencoder in batches and returns every raw score.
 *
 * @throws {RangeError} When `pixels` does not hold whole 28×28 images.
 *
 * @example
 * ```ts
 * const bundle = buildConvAutoencoder({ seed: 1 });
 * const raw = computeRawScores(bundle, new Float32Array(2 * 784));
 * raw.mse.length; // 2
 * ```
 */
export function computeRawScores(
  bundle: AutoencoderBundle,
  pixels: Float32Array,
  batchSize = 500,
): RawScores {
  if (pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `computeRawScores got ${pixels.length} pixel values, not a whole number of ${IMAGE_SIZE}×${IMAGE_SIZE} images ` +
        `(${PIXELS_PER_IMAGE} values each). Pass images flattened one after another.`,
    );
  }
  const count = pixels.length / PIXELS_PER_IMAGE;
  const scores: RawScores = {
    bce: new Float32Array(count),
    mse: new Float32Array(count),
    blurredMse: new Float32Array(count),
    latents: new Float32Array(count * bundle.latentDim),
    count,
  };
  const kernel = gaussianKernel();
  try {
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      const batch = pixels.subarray(start * PIXELS_PER_IMAGE, (start + size) * PIXELS_PER_IMAGE);
      const [bce, mse, blurred, latents] = tf.tidy(() => {
        const images = tf.tensor4d(batch, [size, IMAGE_SIZE, IMAGE_SIZE, 1]);
        const { z, y } = predict(bundle, images);
        const difference = tf.sub(images, y);
        const smoothed = tf.conv2d(difference as tf.Tensor4D, kernel, 1, "same");
        return [
          perImageBinaryCrossEntropy(images, y),
          tf.sum(tf.square(difference), [1, 2, 3]),
          tf.sum(tf.square(smoothed), [1, 2, 3]),
          z,
        ];
      });
      scores.bce.set(bce.dataSync() as Float32Array, start);
      scores.mse.set(mse.dataSync() as Float32Array, start);
      scores.blurredMse.set(blurred.dataSync() as Float32Array, start);
      scores.latents.set(latents.dataSync() as Float32Array, start * bundle.latentDim);
      tf.dispose([bce, mse, blurred, latents]);
    }
  } finally {
    kernel.dispose();
  }
  return scores;
}
