/**
 * The project's autoencoders: the article's CAE, a dense AE and a convolutional VAE, built by
 * factories (`buildModel(kind)` picks one by its {@link ModelKind}), the bundle every one of them
 * is (autoencoder, encoder, decoder, kind) with helpers to split, run and dispose it, and the unit
 * activity of a layer.
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
export {
  type AutoencoderBundle,
  disposeAutoencoder,
  LATENT_LAYER_NAME,
  modelKindOf,
  predict,
  splitAutoencoder,
  VAE_LAYER_NAMES,
} from "./autoencoder_bundle.ts";
export { buildModel } from "./build_model.ts";
export { buildConvAutoencoder, type ConvAutoencoderOptions } from "./conv_autoencoder.ts";
export { buildDenseAutoencoder, type DenseAutoencoderOptions } from "./dense_autoencoder.ts";
export {
  GaussianSampling,
  registerCustomLayers,
  REPLICA_SAMPLING_STREAM,
  replicaSamplingStream,
  samplingSeed,
  samplingStreamOf,
  startSamplingStreams,
} from "./gaussian_sampling.ts";
export { MODEL_KINDS, type ModelKind } from "./kinds.ts";
export {
  buildVariationalAutoencoder,
  type VariationalAutoencoderOptions,
} from "./variational_autoencoder.ts";
export { layerUnitActivity, type UnitActivity } from "./unit_activity.ts";
export { layerSummary, type LayerSummaryRow } from "./layer_summary.ts";
