/**
 * The article's convolutional autoencoder (CAE), built by a factory.
 *
 * Encoder: Conv2D(32,3,s2,same,relu) → Conv2D(64,3,s2,same,relu) → Flatten → Dense(16,relu)
 * → Dense(latentDim). Decoder: Dense(7·7·64,relu) → Reshape(7,7,64) → Conv2DTranspose(64,3,s2,same,relu)
 * → Conv2DTranspose(32,3,s2,same,relu) → Conv2DTranspose(1,3,same,sigmoid).
 *
 * The whole autoencoder is one flat functional model (so it saves and loads as one `model.json`);
 * the encoder and decoder are views that share its layers and weights.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { applyChain, convDecoderLayers, convEncoderTrunk, IMAGE_SIZE } from "./conv_blocks.ts";
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

/** An autoencoder and its two halves; all three share the same layers and weights. */
export interface AutoencoderBundle {
  /**
   * Image [N,28,28,1] → reconstruction [N,28,28,1] (a VAE: → [reconstruction, mean, logVar]).
   * This is the model to train and save.
   */
  autoencoder: tf.LayersModel;
  /** Image [N,28,28,1] → latent [N,latentDim] (for a VAE: the mean of q(z|x)). */
  encoder: tf.LayersModel;
  /** VAE only: image → [mean, logVar] of q(z|x). */
  distributionEncoder?: tf.LayersModel;
  /** Latent [N,latentDim] → image [N,28,28,1]. */
  decoder: tf.LayersModel;
  /** Size of the latent vector. */
  latentDim: number;
}

/** Name of the layer whose output is the latent z; {@link splitAutoencoder} cuts the model there. */
export const LATENT_LAYER_NAME = "latent";

export { IMAGE_SIZE };

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

  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, 1], name: "image" });
  const latent = applyChain(encoderLayers, image);
  const reconstruction = applyChain(decoderLayers, latent);
  const autoencoder = tf.model({
    inputs: image,
    outputs: reconstruction,
    name: "conv_autoencoder",
  });
  return splitAutoencoder(autoencoder);
}

/**
 * Cuts a flat autoencoder (built here or loaded from `model.json`) into encoder and decoder views
 * that share its weights. The encoder ends at the layer named {@link LATENT_LAYER_NAME} (or, for a
 * VAE, at the mean `z_mean`); the decoder is the chain of layers whose names start with `decoder_`.
 *
 * @example
 * ```ts
 * const loaded = await loadModel("runs/cae");
 * const { encoder, decoder } = splitAutoencoder(loaded);
 * ```
 */
export function splitAutoencoder(autoencoder: tf.LayersModel): AutoencoderBundle {
  const names = autoencoder.layers.map((layer) => layer.name);
  const latentName = [LATENT_LAYER_NAME, "z_mean"].find((name) => names.includes(name));
  const decoderLayers = autoencoder.layers.filter((layer) => layer.name.startsWith("decoder_"));
  if (latentName === undefined || decoderLayers.length === 0) {
    throw new TypeError(
      `The model "${autoencoder.name}" has no layer named "${LATENT_LAYER_NAME}" (or "z_mean") ` +
        `and decoder_* layers (layers: ${names.join(", ")}). Expected an autoencoder built by ` +
        `this project's factories.`,
    );
  }
  const latentTensor = autoencoder.getLayer(latentName).output as tf.SymbolicTensor;
  const latentDim = latentTensor.shape[1] as number;
  const encoder = tf.model({ inputs: autoencoder.inputs, outputs: latentTensor, name: "encoder" });
  const latentInput = tf.input({ shape: [latentDim], name: "latent_input" });
  const decoder = tf.model({
    inputs: latentInput,
    outputs: applyChain(decoderLayers, latentInput),
    name: "decoder",
  });
  const bundle: AutoencoderBundle = { autoencoder, encoder, decoder, latentDim };
  if (names.includes("z_log_var")) {
    bundle.distributionEncoder = tf.model({
      inputs: autoencoder.inputs,
      outputs: [latentTensor, autoencoder.getLayer("z_log_var").output as tf.SymbolicTensor],
      name: "distribution_encoder",
    });
  }
  return bundle;
}

/**
 * Runs one image (or a batch) through the CAE and returns the latent `z` and the reconstruction
 * `y`, like the article's `predict`. The caller owns (and must dispose) the returned tensors.
 *
 * @example
 * ```ts
 * const bundle = buildConvAutoencoder();
 * const { z, y } = predict(bundle, tf.zeros([1, 28, 28, 1]));
 * z.shape; // [1, 20]
 * tf.dispose([z, y]);
 * ```
 */
export function predict(
  bundle: AutoencoderBundle,
  images: tf.Tensor,
): { z: tf.Tensor2D; y: tf.Tensor4D } {
  return tf.tidy(() => {
    const batch = images.rank === 3 ? images.expandDims(0) : images;
    if (batch.rank !== 4 || batch.shape[1] !== IMAGE_SIZE || batch.shape[2] !== IMAGE_SIZE) {
      throw new TypeError(
        `predict expects images of shape [28,28,1] or [N,28,28,1], got [${images.shape}].`,
      );
    }
    const z = bundle.encoder.predict(batch) as tf.Tensor2D;
    const y = bundle.decoder.predict(z) as tf.Tensor4D;
    return { z, y };
  });
}

/**
 * Frees the weights of an autoencoder bundle. Dispose through this, not `autoencoder.dispose()`
 * alone: the decoder layers were applied twice (in the autoencoder and in the decoder view), so
 * TensorFlow.js frees them only when both containers are disposed. The encoder view adds no
 * reference of its own.
 *
 * @example
 * ```ts
 * const bundle = buildConvAutoencoder();
 * disposeAutoencoder(bundle);
 * ```
 */
export function disposeAutoencoder(bundle: AutoencoderBundle): void {
  bundle.autoencoder.dispose();
  bundle.decoder.dispose();
}
