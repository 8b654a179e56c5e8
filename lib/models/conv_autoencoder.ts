/**
 * The article's convolutional autoencoder (CAE), built by a factory. What every autoencoder of the
 * project shares (the bundle, `splitAutoencoder`, `predict`) is in `autoencoder_bundle.ts`.
 *
 * Encoder: Conv2D(32,3,s2,same,relu) → Conv2D(64,3,s2,same,relu) → Flatten → Dense(16,relu)
 * → Dense(latentDim). Decoder: Dense(7·7·64,relu) → Reshape(7,7,64) → Conv2DTranspose(64,3,s2,same,relu)
 * → Conv2DTranspose(32,3,s2,same,relu) → Conv2DTranspose(1,3,same,sigmoid).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_CHANNELS, IMAGE_SIZE } from "../data/constants.ts";
import {
  type AutoencoderBundle,
  LATENT_LAYER_NAME,
  splitAutoencoder,
} from "./autoencoder_bundle.ts";
import { applyChain, convDecoderLayers, convEncoderTrunk } from "./conv_blocks.ts";
import { checkPositiveInteger, seededInitializers } from "./layer_helpers.ts";

/** Options of {@link buildConvAutoencoder}. All have the article's values as defaults. */
export interface ConvAutoencoderOptions {
  /** Size of the latent vector z. Default 20. */
  latentDim?: number;
  /** Width of the Dense bottleneck before the latent; `null` removes it. Default 16. */
  bottleneckUnits?: number | null;
  /** Filters of the two encoder convolutions (the decoder mirrors them). Default [32, 64]. */
  filters?: [number, number];
  /** Seed for the weight initialisers, so the same seed gives the same initial weights. */
  seed?: number;
}

/**
 * Builds the article's CAE. With default options it has 190,885 parameters, as Keras counts it.
 *
 * @example
 * ```ts
 * const { autoencoder, encoder, decoder } = buildConvAutoencoder({ latentDim: 20, seed: 1 });
 * autoencoder.countParams(); // 190885
 * ```
 */
export function buildConvAutoencoder(options: ConvAutoencoderOptions = {}): AutoencoderBundle {
  const latentDim = options.latentDim ?? 20;
  const bottleneckUnits = options.bottleneckUnits === undefined ? 16 : options.bottleneckUnits;
  const [filters1, filters2] = options.filters ?? [32, 64];
  checkPositiveInteger("latentDim", latentDim);
  checkPositiveInteger("filters[0]", filters1);
  checkPositiveInteger("filters[1]", filters2);
  if (bottleneckUnits !== null) checkPositiveInteger("bottleneckUnits", bottleneckUnits);
  const init = seededInitializers(options.seed);
  const filters: [number, number] = [filters1, filters2];
  const encoderLayers = [
    ...convEncoderTrunk(init, { filters, bottleneckUnits }),
    tf.layers.dense({ units: latentDim, kernelInitializer: init(), name: LATENT_LAYER_NAME }),
  ];
  const decoderLayers = convDecoderLayers(init, { filters });

  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS], name: "image" });
  const latent = applyChain(encoderLayers, image);
  const reconstruction = applyChain(decoderLayers, latent);
  const autoencoder = tf.model({
    inputs: image,
    outputs: reconstruction,
    name: "conv_autoencoder",
  });
  return splitAutoencoder(autoencoder, bottleneckUnits === null ? "cae-no-bottleneck" : "cae");
}
