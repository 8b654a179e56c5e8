/**
 * A convolutional variational autoencoder with the article's encoder and decoder shapes: the
 * encoder ends in two Dense layers, the mean and the log-variance of a diagonal Gaussian q(z|x);
 * z is sampled with the reparameterisation trick; the decoder is the CAE's.
 *
 * The flat model maps an image to `[reconstruction, mean, logVar]`, which the VAE loss needs.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_CHANNELS, IMAGE_SIZE } from "../data/constants.ts";
import { type AutoencoderBundle, splitAutoencoder, VAE_LAYER_NAMES } from "./autoencoder_bundle.ts";
import { applyChain, convDecoderLayers, convEncoderTrunk } from "./conv_blocks.ts";
import { GaussianSampling, registerCustomLayers } from "./gaussian_sampling.ts";
import { checkPositiveInteger, seededInitializers } from "./layer_helpers.ts";

/** Options of {@link buildVariationalAutoencoder}. */
export interface VariationalAutoencoderOptions {
  /** Size of z. Default 20. */
  latentDim?: number;
  /**
   * Width of a Dense ReLU layer between the convolutions and the mean and log-variance heads,
   * as the article's CAE has (16); null (the default) connects the heads to the flattened
   * convolution features.
   */
  bottleneckUnits?: number | null;
  /** Seed of the initial weights and of the sampling noise. */
  seed?: number;
}

/**
 * Builds the convolutional VAE. `encoder` maps an image to the mean of q(z|x), and
 * `distributionEncoder` to `[mean, logVar]`.
 *
 * @example
 * ```ts
 * const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 0 });
 * const samples = vae.decoder.predict(tf.randomNormal([16, 2])) as tf.Tensor;
 * ```
 */
export function buildVariationalAutoencoder(
  options: VariationalAutoencoderOptions = {},
): AutoencoderBundle {
  registerCustomLayers();
  const latentDim = options.latentDim ?? 20;
  const bottleneckUnits = options.bottleneckUnits ?? null;
  checkPositiveInteger("latentDim", latentDim);
  if (bottleneckUnits !== null) checkPositiveInteger("bottleneckUnits", bottleneckUnits);
  const init = seededInitializers(options.seed);
  const filters: [number, number] = [32, 64];
  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS], name: "image" });
  const features = applyChain(convEncoderTrunk(init, { filters, bottleneckUnits }), image);
  const mean = tf.layers.dense({
    units: latentDim,
    kernelInitializer: init(),
    name: VAE_LAYER_NAMES.mean,
  }).apply(features) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({
    units: latentDim,
    // Start near logVar = 0 (unit variance) so the first steps do not explode exp(logVar).
    kernelInitializer: tf.initializers.zeros(),
    name: VAE_LAYER_NAMES.logVar,
  }).apply(features) as tf.SymbolicTensor;
  const sample = new GaussianSampling({ name: VAE_LAYER_NAMES.sample, seed: options.seed ?? null })
    .apply([mean, logVar]) as tf.SymbolicTensor;
  const reconstruction = applyChain(convDecoderLayers(init, { filters }), sample);
  return splitAutoencoder(
    tf.model({
      inputs: image,
      outputs: [reconstruction, mean, logVar],
      name: "variational_autoencoder",
    }),
    "vae",
  );
}
