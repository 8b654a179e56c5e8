/**
 * A dense (fully connected) autoencoder: 784 → hidden → latent → hidden → 784, sigmoid output.
 * It takes and returns [N,28,28,1] images like the CAE, so the same loss, trainer and pictures work.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_CHANNELS, IMAGE_SIZE, PIXELS_PER_IMAGE } from "../data/constants.ts";
import {
  type AutoencoderBundle,
  LATENT_LAYER_NAME,
  splitAutoencoder,
} from "./autoencoder_bundle.ts";
import { checkPositiveInteger, seededInitializers } from "./layer_helpers.ts";

/** Options of {@link buildDenseAutoencoder}. */
export interface DenseAutoencoderOptions {
  /** Size of the latent vector. Default 20. */
  latentDim?: number;
  /** Width of the hidden layer on each side. Default 256. */
  hiddenUnits?: number;
  /** Seed for the weight initialisers. */
  seed?: number;
}

/**
 * Builds the dense autoencoder. With the defaults it has 784·256+256 + 256·20+20 + 20·256+256 +
 * 256·784+784 = 412,964 parameters.
 *
 * @example
 * ```ts
 * const { autoencoder, encoder } = buildDenseAutoencoder({ latentDim: 2 });
 * ```
 */
export function buildDenseAutoencoder(options: DenseAutoencoderOptions = {}): AutoencoderBundle {
  const latentDim = options.latentDim ?? 20;
  const hiddenUnits = options.hiddenUnits ?? 256;
  checkPositiveInteger("latentDim", latentDim);
  checkPositiveInteger("hiddenUnits", hiddenUnits);
  const init = seededInitializers(options.seed);
  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS], name: "image" });
  const layers: tf.layers.Layer[] = [
    tf.layers.flatten({ name: "encoder_flatten" }),
    tf.layers.dense({
      units: hiddenUnits,
      activation: "relu",
      kernelInitializer: init(),
      name: "encoder_hidden",
    }),
    tf.layers.dense({ units: latentDim, kernelInitializer: init(), name: LATENT_LAYER_NAME }),
    tf.layers.dense({
      units: hiddenUnits,
      activation: "relu",
      kernelInitializer: init(),
      name: "decoder_hidden",
    }),
    tf.layers.dense({
      units: PIXELS_PER_IMAGE,
      activation: "sigmoid",
      kernelInitializer: init(),
      name: "decoder_pixels",
    }),
    tf.layers.reshape({
      targetShape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS],
      name: "decoder_output",
    }),
  ];
  let output: tf.SymbolicTensor = image;
  for (const layer of layers) output = layer.apply(output) as tf.SymbolicTensor;
  return splitAutoencoder(
    tf.model({ inputs: image, outputs: output, name: "dense_autoencoder" }),
    "dense",
  );
}
