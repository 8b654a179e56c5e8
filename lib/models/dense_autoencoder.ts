/**
 * A dense (fully connected) autoencoder: 784 → hidden layers → latent → mirrored hidden layers →
 * 784. It takes and returns [N,28,28,1] images like the CAE, so the same trainer and pictures work.
 * The defaults are the project's small dense AE (one 256-unit layer, sigmoid output);
 * {@link N2D_DENSE_OPTIONS} is the deeper 784-500-500-2000-10 autoencoder of N2D and DEC.
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
  /** Width of the single hidden layer on each side (ignored when `hiddenLayers` is given). Default 256. */
  hiddenUnits?: number;
  /** Widths of the encoder's hidden layers, input side first; the decoder mirrors them. */
  hiddenLayers?: readonly number[];
  /** Activation of the output pixels: sigmoid (for the BCE loss) or linear (for MSE). Default sigmoid. */
  outputActivation?: "sigmoid" | "linear";
  /** Seed for the weight initialisers. */
  seed?: number;
}

/**
 * The autoencoder of N2D (McConville et al., 2020) and DEC (Xie et al., 2016): 784-500-500-2000-10
 * with ReLU hidden layers, a linear latent and a linear output, trained on MSE. 3,330,794 parameters.
 *
 * @example
 * ```ts
 * const { encoder } = buildDenseAutoencoder({ ...N2D_DENSE_OPTIONS, seed: 0 });
 * ```
 */
export const N2D_DENSE_OPTIONS: Readonly<DenseAutoencoderOptions> = Object.freeze({
  latentDim: 10,
  hiddenLayers: Object.freeze([500, 500, 2000]),
  outputActivation: "linear",
});

/** Layer names: the one-hidden-layer model keeps its original names, so old runs still load. */
function hiddenName(side: "encoder" | "decoder", index: number, layers: number): string {
  return layers === 1 ? `${side}_hidden` : `${side}_hidden_${index + 1}`;
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
  const hiddenLayers = options.hiddenLayers ?? [options.hiddenUnits ?? 256];
  checkPositiveInteger("latentDim", latentDim);
  if (hiddenLayers.length === 0) {
    throw new RangeError("buildDenseAutoencoder: hiddenLayers must list at least one width.");
  }
  hiddenLayers.forEach((units) => checkPositiveInteger("hiddenLayers", units));
  const init = seededInitializers(options.seed);
  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS], name: "image" });
  const dense = (units: number, activation: "relu" | "linear" | "sigmoid", name: string) =>
    tf.layers.dense({ units, activation, kernelInitializer: init(), name });
  const count = hiddenLayers.length;
  const layers: tf.layers.Layer[] = [
    tf.layers.flatten({ name: "encoder_flatten" }),
    ...hiddenLayers.map((units, index) =>
      dense(units, "relu", hiddenName("encoder", index, count))
    ),
    dense(latentDim, "linear", LATENT_LAYER_NAME),
    ...hiddenLayers.map((_, index) => count - 1 - index).map((index) =>
      dense(hiddenLayers[index], "relu", hiddenName("decoder", index, count))
    ),
    dense(PIXELS_PER_IMAGE, options.outputActivation ?? "sigmoid", "decoder_pixels"),
    tf.layers.reshape({
      targetShape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS],
      name: "decoder_output",
    }),
  ];
  let output: tf.SymbolicTensor = image;
  for (const layer of layers) output = layer.apply(output) as tf.SymbolicTensor;
  // One hidden layer: the project's dense AE; several: N2D's (told apart by the layer names).
  return splitAutoencoder(
    tf.model({ inputs: image, outputs: output, name: "dense_autoencoder" }),
    count === 1 ? "dense" : "n2d",
  );
}
