/**
 * A classifier made of the CAE's encoder plus a softmax head, and the weight transfer that makes
 * it start from a trained autoencoder: the encoder layers carry the autoencoder's layer names, so
 * weights are copied layer by layer by name (a VAE's posterior mean `z_mean` goes into the
 * classifier's `latent`); freezing stops them from training.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { applyChain, convEncoderTrunk } from "../../models/conv_blocks.ts";
import { IMAGE_SIZE } from "../../data/constants.ts";
import { LATENT_LAYER_NAME, VAE_LAYER_NAMES } from "../../models/autoencoder_bundle.ts";
import { checkPositiveInteger, seededInitializers } from "../../models/layer_helpers.ts";

/**
 * Name of the classifier's softmax layer (it outputs logits; the loss applies the softmax).
 *
 * @example
 * ```ts
 * classifier.getLayer(CLASSIFIER_HEAD_NAME).getWeights(); // [kernel, bias]
 * ```
 */
export const CLASSIFIER_HEAD_NAME = "classifier_head";

/**
 * Options of {@link buildEncoderClassifier}; the defaults are the article's CAE encoder.
 *
 * @example
 * ```ts
 * const options: EncoderClassifierOptions = { latentDim: 20, classes: 10, seed: 0 };
 * ```
 */
export interface EncoderClassifierOptions {
  /** Width of the encoder's latent layer. Default 20. */
  latentDim?: number;
  /** Classes of the head. Default 10. */
  classes?: number;
  /** Width of the Dense bottleneck before the latent; null: none (the no-bottleneck CAE). Default 16. */
  bottleneckUnits?: number | null;
  /** Filters of the two convolutions. Default [32, 64]. */
  filters?: [number, number];
  /** Seed of the weight initialisers. */
  seed?: number;
}

/**
 * Builds image → CAE encoder (Conv2D → Conv2D → Flatten → Dense(16, relu) → Dense(latentDim))
 * → Dense(classes) logits. Layer names equal the CAE's, so {@link transferEncoderWeights} can
 * copy a trained encoder in.
 *
 * @example
 * ```ts
 * const classifier = buildEncoderClassifier({ latentDim: 20, seed: 1 });
 * classifier.outputs[0].shape; // [null, 10]
 * ```
 */
export function buildEncoderClassifier(options: EncoderClassifierOptions = {}): tf.LayersModel {
  const latentDim = options.latentDim ?? 20;
  const classes = options.classes ?? 10;
  const bottleneckUnits = options.bottleneckUnits === undefined ? 16 : options.bottleneckUnits;
  checkPositiveInteger("latentDim", latentDim);
  checkPositiveInteger("classes", classes);
  const init = seededInitializers(options.seed);
  const layers = [
    ...convEncoderTrunk(init, { filters: options.filters ?? [32, 64], bottleneckUnits }),
    tf.layers.dense({ units: latentDim, kernelInitializer: init(), name: LATENT_LAYER_NAME }),
    tf.layers.dense({ units: classes, kernelInitializer: init(), name: CLASSIFIER_HEAD_NAME }),
  ];
  const image = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, 1], name: "image" });
  return tf.model({
    inputs: image,
    outputs: applyChain(layers, image),
    name: "encoder_classifier",
  });
}

/**
 * The encoder shape of a convolutional autoencoder (the article's CAE, the CAE without its Dense
 * bottleneck, or the VAE), read from its layers, for a classifier that can take its weights.
 *
 * @throws {TypeError} When the model has no `encoder_conv1`/`encoder_conv2` convolutions or no
 * latent (`latent`, or a VAE's `z_mean`).
 *
 * @example
 * ```ts
 * encoderShapeOf(await loadModel("runs/results-cae-latent20"));
 * // { latentDim: 20, bottleneckUnits: 16, filters: [32, 64] }
 * ```
 */
export function encoderShapeOf(
  autoencoder: tf.LayersModel,
): Required<Pick<EncoderClassifierOptions, "latentDim" | "bottleneckUnits" | "filters">> {
  const names = new Set(autoencoder.layers.map((layer) => layer.name));
  const latentName = names.has(LATENT_LAYER_NAME) ? LATENT_LAYER_NAME : VAE_LAYER_NAMES.mean;
  if (!names.has("encoder_conv1") || !names.has("encoder_conv2") || !names.has(latentName)) {
    throw new TypeError(
      `"${autoencoder.name}" is not a convolutional autoencoder of this project (layers: ` +
        `${[...names].join(", ")}); the classifier reuses a CAE or VAE encoder, so pass a run ` +
        `of --model cae, cae-no-bottleneck or vae.`,
    );
  }
  const units = (name: string, key: "filters" | "units") =>
    (autoencoder.getLayer(name).getConfig() as Record<string, number>)[key];
  return {
    latentDim: units(latentName, "units"),
    bottleneckUnits: names.has("encoder_bottleneck") ? units("encoder_bottleneck", "units") : null,
    filters: [units("encoder_conv1", "filters"), units("encoder_conv2", "filters")],
  };
}

/**
 * Copies the weights of every classifier layer that has a namesake in `autoencoder` (the encoder
 * layers; the head has none) and returns the names copied. The copies are exact. A VAE has no
 * `latent` layer: its posterior mean `z_mean` is copied into the classifier's `latent`.
 *
 * @throws {Error} When no layer matches or a matching layer's weights differ in shape.
 *
 * @example
 * ```ts
 * const copied = transferEncoderWeights(classifier, await loadModel("runs/results-cae-latent20"));
 * // ["encoder_conv1", "encoder_conv2", "encoder_bottleneck", "latent"]
 * ```
 */
export function transferEncoderWeights(
  classifier: tf.LayersModel,
  autoencoder: tf.LayersModel,
): string[] {
  const sourceNames = new Set(autoencoder.layers.map((layer) => layer.name));
  const sourceOf = (name: string) =>
    name === LATENT_LAYER_NAME && !sourceNames.has(name) ? VAE_LAYER_NAMES.mean : name;
  const copied: string[] = [];
  for (const layer of classifier.layers) {
    if (layer.getWeights().length === 0 || !sourceNames.has(sourceOf(layer.name))) continue;
    const source = autoencoder.getLayer(sourceOf(layer.name)).getWeights();
    const target = layer.getWeights();
    const same = source.length === target.length &&
      source.every((weight, index) => weight.shape.join() === target[index].shape.join());
    if (!same) {
      throw new Error(
        `transferEncoderWeights: layer "${layer.name}" has weights of shapes ` +
          `[${target.map((w) => `[${w.shape}]`)}] in the classifier but ` +
          `[${source.map((w) => `[${w.shape}]`)}] in the autoencoder; build the classifier ` +
          `with the autoencoder's latentDim and filters.`,
      );
    }
    layer.setWeights(source);
    copied.push(layer.name);
  }
  if (copied.length === 0) {
    throw new Error(
      `transferEncoderWeights: no layer of "${autoencoder.name}" matches the classifier's ` +
        `(${classifier.layers.map((layer) => layer.name).join(", ")}); pass an autoencoder built ` +
        `by this project's CAE factory.`,
    );
  }
  return copied;
}

/**
 * Whether the layers named in `layerNames` hold bit-for-bit the same weights in both models (e.g.
 * a classifier after {@link transferEncoderWeights} and the autoencoder it copied from).
 *
 * @example
 * ```ts
 * const copied = transferEncoderWeights(classifier, autoencoder);
 * sameLayerWeights(classifier, autoencoder, copied); // true
 * ```
 */
export function sameLayerWeights(
  first: tf.LayersModel,
  second: tf.LayersModel,
  layerNames: readonly string[],
): boolean {
  return layerNames.every((name) => {
    const a = first.getLayer(name).getWeights();
    const b = second.getLayer(name).getWeights();
    return a.length === b.length && a.every((weight, index) => {
      const x = weight.dataSync();
      const y = b[index].dataSync();
      return x.length === y.length && x.every((value, position) => Object.is(value, y[position]));
    });
  });
}

/**
 * Freezes (or unfreezes) every layer except the head: a frozen encoder keeps its weights and
 * only the head trains.
 *
 * @example
 * ```ts
 * setEncoderFrozen(classifier, true);
 * classifier.trainableWeights.length; // 2 (the head's kernel and bias)
 * ```
 */
export function setEncoderFrozen(classifier: tf.LayersModel, frozen: boolean): void {
  for (const layer of classifier.layers) {
    if (layer.name !== CLASSIFIER_HEAD_NAME) layer.trainable = !frozen;
  }
}
