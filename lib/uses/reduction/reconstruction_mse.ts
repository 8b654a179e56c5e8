/**
 * Reconstruction error as mean squared error per pixel (pixels in [0, 1]) on a set of images,
 * for PCA with k components and for autoencoders with a k-dimensional latent, so the two can sit
 * in one table. Autoencoders reconstruct deterministically: decoder(encoder(x)), which for a VAE
 * is the decoded mean of q(z|x).
 *
 * @module
 */
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import type { PcaModel } from "./pca.ts";
import { pcaInverseTransform, pcaTransform } from "./pca.ts";

function checkPixels(name: string, pixels: Float32Array): number {
  if (pixels.length === 0 || pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `${name} got ${pixels.length} pixel values; expected whole ${IMAGE_SIZE}x${IMAGE_SIZE} images (a multiple of ${PIXELS_PER_IMAGE}).`,
    );
  }
  return pixels.length / PIXELS_PER_IMAGE;
}

function squaredError(pixels: Float32Array, reconstruction: Float32Array, offset: number): number {
  let total = 0;
  for (let index = 0; index < reconstruction.length; index++) {
    const difference = pixels[offset + index] - reconstruction[index];
    total += difference * difference;
  }
  return total;
}

/**
 * Keeps the first `components` principal components of a fitted PCA (components are nested, so
 * one fit with the largest k serves every smaller k).
 *
 * @throws {RangeError} When `components` is not between 1 and the fitted count.
 *
 * @example
 * ```ts
 * const pca64 = fitPca(trainPixels, { dimension: 784, components: 64 });
 * const pca10 = truncatePca(pca64, 10);
 * ```
 */
export function truncatePca(pca: PcaModel, components: number): PcaModel {
  if (!Number.isInteger(components) || components < 1 || components > pca.componentCount) {
    throw new RangeError(
      `truncatePca: components must be an integer from 1 to ${pca.componentCount}, got ` +
        `${components}; fit the PCA with more components.`,
    );
  }
  return {
    ...pca,
    componentCount: components,
    components: pca.components.slice(0, components * pca.dimension),
    explainedVariance: pca.explainedVariance.slice(0, components),
  };
}

/**
 * Mean squared error per pixel of PCA's reconstruction (transform, then inverse transform).
 *
 * @example
 * ```ts
 * pcaReconstructionMse(truncatePca(pca, 64), fashion.pixelsAsFloat("test", testIndices)); // ≈ 0.009
 * ```
 */
export function pcaReconstructionMse(
  pca: PcaModel,
  pixels: Float32Array,
  batchSize = 1000,
): number {
  const count = checkPixels("pcaReconstructionMse", pixels);
  let total = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const batch = pixels.subarray(start * PIXELS_PER_IMAGE, end * PIXELS_PER_IMAGE);
    total += squaredError(
      pixels,
      pcaInverseTransform(pca, pcaTransform(pca, batch).values),
      start * PIXELS_PER_IMAGE,
    );
  }
  return total / (count * PIXELS_PER_IMAGE);
}

/**
 * Mean squared error per pixel of decoder(encoder(x)), `batchSize` images at a time; every
 * tensor is freed.
 *
 * @example
 * ```ts
 * const { encoder, decoder } = splitAutoencoder(await loadModel("runs/results-cae-latent20"));
 * autoencoderReconstructionMse(encoder, decoder, fashion.pixelsAsFloat("test", testIndices));
 * ```
 */
export function autoencoderReconstructionMse(
  encoder: tf.LayersModel,
  decoder: tf.LayersModel,
  pixels: Float32Array,
  batchSize = 500,
): number {
  const count = checkPixels("autoencoderReconstructionMse", pixels);
  let total = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const reconstruction = tf.tidy(() => {
      const images = tf.tensor4d(
        pixels.subarray(start * PIXELS_PER_IMAGE, end * PIXELS_PER_IMAGE),
        [
          end - start,
          IMAGE_SIZE,
          IMAGE_SIZE,
          1,
        ],
      );
      const latent = encoder.predict(images) as tf.Tensor;
      return (decoder.predict(latent) as tf.Tensor).dataSync() as Float32Array;
    });
    total += squaredError(pixels, reconstruction, start * PIXELS_PER_IMAGE);
  }
  return total / (count * PIXELS_PER_IMAGE);
}
