/**
 * The project's autoencoders: the article's CAE, a dense AE and a convolutional VAE, built by
 * factories, plus helpers to split, run and dispose them.
 *
 * @example
 * ```ts
 * import { buildConvAutoencoder, predict } from "./mod.ts";
 *
 * const bundle = buildConvAutoencoder({ latentDim: 20, seed: 0 });
 * const { z, y } = predict(bundle, images);
 * ```
 *
 * @module
 */
export { buildModel } from "./build_model.ts";
export {
  type AutoencoderBundle,
  buildConvAutoencoder,
  type ConvAutoencoderOptions,
  disposeAutoencoder,
  IMAGE_SIZE,
  LATENT_LAYER_NAME,
  predict,
  splitAutoencoder,
} from "./conv_autoencoder.ts";
export { buildDenseAutoencoder, type DenseAutoencoderOptions } from "./dense_autoencoder.ts";
export { GaussianSampling, registerCustomLayers } from "./gaussian_sampling.ts";
export { MODEL_KINDS, type ModelKind } from "./kinds.ts";
export {
  buildVariationalAutoencoder,
  VAE_LAYER_NAMES,
  type VariationalAutoencoderOptions,
} from "./variational_autoencoder.ts";
