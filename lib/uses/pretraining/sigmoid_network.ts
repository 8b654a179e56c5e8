/**
 * A deep fully connected sigmoid classifier, the setting where vanishing gradients were a
 * problem, and greedy layer-wise autoencoder pretraining of its hidden layers (each layer trained
 * as a one-layer sigmoid autoencoder on the previous layer's codes, as in stacked autoencoders).
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../../data/random.ts";
import { CLASSIFIER_HEAD_NAME } from "./encoder_classifier.ts";

/**
 * Options of {@link buildSigmoidNetwork}.
 *
 * @example
 * ```ts
 * const options: SigmoidNetworkOptions = { hiddenLayers: 6, hiddenUnits: 128, seed: 0 };
 * ```
 */
export interface SigmoidNetworkOptions {
  /** Hidden sigmoid layers. Default 6. */
  hiddenLayers?: number;
  /** Units per hidden layer. Default 128. */
  hiddenUnits?: number;
  /** Classes. Default 10. */
  classes?: number;
  /** Seed of the Glorot-uniform initialisers. */
  seed?: number;
}

/**
 * Name of hidden layer `index` (from 1).
 *
 * @example
 * ```ts
 * sigmoidLayerName(1); // "sigmoid_hidden1"
 * ```
 */
export function sigmoidLayerName(index: number): string {
  return `sigmoid_hidden${index}`;
}

/**
 * Builds 784 pixels → hiddenLayers × Dense(hiddenUnits, sigmoid) → Dense(classes) logits; the
 * input is a flat [N, 784] batch.
 *
 * @example
 * ```ts
 * const network = buildSigmoidNetwork({ hiddenLayers: 6, seed: 1 });
 * network.layers.length; // input + 6 hidden + head = 8
 * ```
 */
export function buildSigmoidNetwork(options: SigmoidNetworkOptions = {}): tf.LayersModel {
  const hiddenLayers = options.hiddenLayers ?? 6;
  const hiddenUnits = options.hiddenUnits ?? 128;
  const seed = options.seed ?? 0;
  const input = tf.input({ shape: [PIXELS_PER_IMAGE], name: "pixels" });
  let output = input;
  for (let index = 1; index <= hiddenLayers + 1; index++) {
    const last = index === hiddenLayers + 1;
    output = tf.layers.dense({
      units: last ? options.classes ?? 10 : hiddenUnits,
      activation: last ? "linear" : "sigmoid",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 1000 + index }),
      name: last ? CLASSIFIER_HEAD_NAME : sigmoidLayerName(index),
    }).apply(output) as tf.SymbolicTensor;
  }
  return tf.model({ inputs: input, outputs: output, name: "sigmoid_network" });
}

/**
 * Options of {@link pretrainLayerwise}.
 *
 * @example
 * ```ts
 * const options: LayerwisePretrainingOptions = { steps: 300, batchSize: 128, seed: 0 };
 * ```
 */
export interface LayerwisePretrainingOptions {
  /** Adam steps per layer. Default 300. */
  steps?: number;
  /** Rows per step. Default 128. */
  batchSize?: number;
  /** Adam learning rate. Default 1e-2. */
  learningRate?: number;
  /** Seed of the batch draws and decoder initialisation. Default 0. */
  seed?: number;
}

/**
 * Greedy layer-wise pretraining: hidden layer 1 is trained as the encoder of a one-layer sigmoid
 * autoencoder on `pixels` (`count · 784` values in [0, 1], binary cross-entropy), layer 2 on the
 * codes of layer 1, and so on; the head is left alone. Changes `network`'s hidden weights in
 * place and returns each layer's final reconstruction loss.
 *
 * @example
 * ```ts
 * const network = buildSigmoidNetwork({ seed: 0 });
 * pretrainLayerwise(network, fashion.pixelsAsFloat("train", indices), { steps: 300 });
 * ```
 */
export function pretrainLayerwise(
  network: tf.LayersModel,
  pixels: Float32Array,
  options: LayerwisePretrainingOptions = {},
): number[] {
  const steps = options.steps ?? 300;
  const batchSize = options.batchSize ?? 128;
  const random = createRandom(options.seed ?? 0);
  const count = pixels.length / PIXELS_PER_IMAGE;
  const hidden = network.layers.filter((layer) => layer.name.startsWith("sigmoid_hidden"));
  const losses: number[] = [];
  let codes: tf.Tensor = tf.tensor2d(pixels, [count, PIXELS_PER_IMAGE]);
  try {
    for (const [position, layer] of hidden.entries()) {
      // getWeights returns the layer's own variables: clone, never dispose them.
      const [kernel, bias] = layer.getWeights();
      const width = kernel.shape[0];
      const units = kernel.shape[1];
      // Made inside tidy so the initial values are freed; variables survive a tidy.
      const [encoderKernel, encoderBias, decoderKernel, decoderBias] = tf.tidy(() => [
        tf.variable(kernel.clone()),
        tf.variable(bias.clone()),
        tf.variable(
          tf.initializers.glorotUniform({ seed: (options.seed ?? 0) * 7919 + position })
            .apply([units as number, width as number]),
        ),
        tf.variable(tf.zeros([width])),
      ]);
      const variables = [encoderKernel, encoderBias, decoderKernel, decoderBias];
      const optimizer = tf.train.adam(options.learningRate ?? 1e-2);
      let loss = NaN;
      for (let step = 0; step < steps; step++) {
        loss = tf.tidy(() => {
          const picks = Int32Array.from({ length: batchSize }, () => Math.floor(random() * count));
          const batch = tf.gather(codes, tf.tensor1d(picks, "int32"));
          return optimizer.minimize(
            () => {
              const code = tf.sigmoid(tf.add(tf.matMul(batch, encoderKernel), encoderBias));
              const logits = tf.add(tf.matMul(code, decoderKernel), decoderBias);
              return tf.losses.sigmoidCrossEntropy(batch, logits) as tf.Scalar;
            },
            true,
            variables,
          )!.dataSync()[0];
        });
      }
      losses.push(loss);
      layer.setWeights([encoderKernel, encoderBias]);
      const next = tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(codes, encoderKernel), encoderBias)));
      codes.dispose();
      codes = next;
      tf.dispose(variables);
      optimizer.dispose();
    }
  } finally {
    codes.dispose();
  }
  return losses;
}
