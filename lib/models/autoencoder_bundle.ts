/**
 * What every autoencoder of the project is, whatever its kind: one flat functional model (so it
 * saves and loads as one `model.json`) with an encoder and a decoder view that share its layers
 * and weights, bundled with its {@link ModelKind}; cutting a model into that bundle, running it
 * (`predict`, like the article's) and freeing it.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_SIZE } from "../data/constants.ts";
import { applyChain } from "./conv_blocks.ts";
import { MODEL_KINDS, type ModelKind } from "./kinds.ts";

/**
 * An autoencoder and its two halves; all three share the same layers and weights.
 *
 * @example
 * ```ts
 * const { kind, encoder, decoder, latentDim }: AutoencoderBundle = buildModel("vae", { latentDim: 2 });
 * ```
 */
export interface AutoencoderBundle {
  /** Which of the project's models it is; decides its loss and how it is evaluated. */
  kind: ModelKind;
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

/**
 * Name of the layer whose output is the latent z of a CAE or dense AE; {@link splitAutoencoder}
 * cuts the model there.
 *
 * @example
 * ```ts
 * tf.layers.dense({ units: 20, name: LATENT_LAYER_NAME });
 * ```
 */
export const LATENT_LAYER_NAME = "latent";

/**
 * Layer names of the VAE's two encoder heads and its sampling layer; a VAE's encoder view ends at
 * the mean.
 *
 * @example
 * ```ts
 * vae.autoencoder.getLayer(VAE_LAYER_NAMES.logVar);
 * ```
 */
export const VAE_LAYER_NAMES = { mean: "z_mean", logVar: "z_log_var", sample: "z" } as const;

/**
 * The kind of a model built by this project's factories (or loaded from their `model.json`), told
 * by its layers: the VAE's log-variance head, the CAE's first convolution (with or without its
 * Dense bottleneck), the dense AE's hidden layer, N2D's first of several hidden layers. Used when a run folder's `config.json` is not at hand.
 *
 * @throws {TypeError} When the model is none of them.
 *
 * @example
 * ```ts
 * modelKindOf(await loadModel("runs/results-vae-latent20")); // "vae"
 * ```
 */
export function modelKindOf(autoencoder: tf.LayersModel): ModelKind {
  const names = new Set(autoencoder.layers.map((layer) => layer.name));
  if (names.has(VAE_LAYER_NAMES.logVar)) return "vae";
  if (names.has("encoder_conv1")) {
    return names.has("encoder_bottleneck") ? "cae" : "cae-no-bottleneck";
  }
  if (names.has("encoder_hidden")) return "dense";
  if (names.has("encoder_hidden_1")) return "n2d";
  throw new TypeError(
    `The model "${autoencoder.name}" is none of this project's kinds (${
      MODEL_KINDS.join(", ")
    }): ` +
      `it has no ${VAE_LAYER_NAMES.logVar}, encoder_conv1, encoder_hidden or encoder_hidden_1 layer. Expected an ` +
      `autoencoder built by buildModel or loaded from a run folder.`,
  );
}

/**
 * Cuts a flat autoencoder (built here or loaded from `model.json`) into encoder and decoder views
 * that share its weights. The encoder ends at the layer named {@link LATENT_LAYER_NAME} (or, for a
 * VAE, at the mean `z_mean`); the decoder is the chain of layers whose names start with `decoder_`.
 * The kind is told by the layers ({@link modelKindOf}) unless given, e.g. from `config.json`.
 *
 * @example
 * ```ts
 * const loaded = await loadModel("runs/cae");
 * const { encoder, decoder } = splitAutoencoder(loaded);
 * ```
 */
export function splitAutoencoder(
  autoencoder: tf.LayersModel,
  kind: ModelKind = modelKindOf(autoencoder),
): AutoencoderBundle {
  const names = autoencoder.layers.map((layer) => layer.name);
  const latentName = kind === "vae" ? VAE_LAYER_NAMES.mean : LATENT_LAYER_NAME;
  const decoderLayers = autoencoder.layers.filter((layer) => layer.name.startsWith("decoder_"));
  if (!names.includes(latentName) || decoderLayers.length === 0) {
    throw new TypeError(
      `The model "${autoencoder.name}" (${kind}) has no layer named "${latentName}" and ` +
        `decoder_* layers (layers: ${names.join(", ")}). Expected an autoencoder built by ` +
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
  const bundle: AutoencoderBundle = { kind, autoencoder, encoder, decoder, latentDim };
  if (kind === "vae") {
    bundle.distributionEncoder = tf.model({
      inputs: autoencoder.inputs,
      outputs: [
        latentTensor,
        autoencoder.getLayer(VAE_LAYER_NAMES.logVar).output as tf.SymbolicTensor,
      ],
      name: "distribution_encoder",
    });
  }
  return bundle;
}

/**
 * Runs one image (or a batch) through the autoencoder and returns the latent `z` and the reconstruction
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
        `predict expects images of shape [${IMAGE_SIZE},${IMAGE_SIZE},1] or ` +
          `[N,${IMAGE_SIZE},${IMAGE_SIZE},1], got [${images.shape}].`,
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
