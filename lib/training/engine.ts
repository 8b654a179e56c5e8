/**
 * A training engine does the tensor work of one batch: a gradient step, or an evaluation.
 * The trainer only moves typed arrays around, so the same loop drives a model on this thread
 * ({@link createLocalEngine}) or replicas in workers.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** A tensor with a name, as optimisers save their state. */
export type NamedTensor = { name: string; tensor: tf.Tensor };
import { createAdam } from "../backend/fused_adam.ts";
import { IMAGE_CHANNELS, IMAGE_SIZE, PIXELS_PER_IMAGE } from "../data/constants.ts";
import { perImageBinaryCrossEntropy } from "./binary_cross_entropy.ts";

/** Loss values of a batch by name; `loss` is the total that training minimises. */
export type LossTerms = { loss: number } & Record<string, number>;

/**
 * Settings of the loss that may change from step to step, e.g. the VAE's β during KL warm-up.
 * A loss ignores the ones it does not use; unset ones keep the loss's own value.
 */
export interface LossWeights {
  /** Weight of the VAE's KL term. */
  beta?: number;
}

/** Per-image loss terms of a model: each tensor has shape [N]; `loss` is the total. */
export type PerImageLoss = (
  model: tf.LayersModel,
  images: tf.Tensor4D,
  training: boolean,
  weights?: LossWeights,
) => { loss: tf.Tensor1D } & Record<string, tf.Tensor1D>;

/** Does the tensor work of training; created by {@link createLocalEngine} or a worker pool. */
export interface TrainingEngine {
  /**
   * One optimiser step on a batch of `count` images (pixels in [0,1], count·784 values);
   * `weights` overrides loss settings for this step (e.g. β during KL warm-up).
   */
  trainBatch(pixels: Float32Array, count: number, weights?: LossWeights): Promise<LossTerms>;
  /** Sums of the per-image loss terms over a batch, without training. */
  evaluateBatch(pixels: Float32Array, count: number): Promise<LossTerms>;
  /** Makes the caller's model hold the latest trained weights (engines in workers copy them). */
  syncModel(): Promise<void>;
  /** The optimiser's state (iteration count and moments), as copies the caller owns. */
  saveOptimizerState(): Promise<NamedTensor[]>;
  /** Restores a state from {@link TrainingEngine.saveOptimizerState}; the caller still owns it. */
  restoreOptimizerState(state: NamedTensor[]): Promise<void>;
  /** Releases tensors the engine owns (not the model it was given). */
  dispose(): void;
}

/**
 * The article's per-image loss for a plain autoencoder: summed BCE between image and reconstruction.
 *
 * @example
 * ```ts
 * const engine = createLocalEngine({ model: autoencoder, perImageLoss: autoencoderLoss });
 * ```
 */
export const autoencoderLoss: PerImageLoss = (model, images, training) => {
  const reconstruction = model.apply(images, { training });
  if (Array.isArray(reconstruction)) {
    throw new TypeError(
      `The autoencoder loss needs a model with one output (the reconstruction); ` +
        `"${model.name}" has ${reconstruction.length}. Train a VAE with the "vae" loss.`,
    );
  }
  return { loss: perImageBinaryCrossEntropy(images, reconstruction as tf.Tensor) };
};

/**
 * N2D's per-image loss: the mean squared error over the pixels (Keras' `mse`), for autoencoders
 * with a linear output.
 *
 * @example
 * ```ts
 * const engine = createLocalEngine({ model: n2d.autoencoder, perImageLoss: meanSquaredErrorLoss });
 * ```
 */
export const meanSquaredErrorLoss: PerImageLoss = (model, images, training) => {
  const reconstruction = model.apply(images, { training });
  if (Array.isArray(reconstruction)) {
    throw new TypeError(
      `The MSE loss needs a model with one output (the reconstruction); ` +
        `"${model.name}" has ${reconstruction.length}.`,
    );
  }
  return {
    loss: tf.mean(tf.squaredDifference(images, reconstruction as tf.Tensor), [
      1,
      2,
      3,
    ]) as tf.Tensor1D,
  };
};

/** Options of {@link createLocalEngine}. */
export interface LocalEngineOptions {
  /** The model to train (its weights change in place). */
  model: tf.LayersModel;
  /** The optimiser; default Adam(1e-3) as in the article. */
  optimizer?: tf.Optimizer;
  /** Per-image loss; default {@link autoencoderLoss}. */
  perImageLoss?: PerImageLoss;
}

/** Turns `count` flat images into a [count,28,28,1] tensor, checking the length. */
export function imagesToTensor(pixels: Float32Array, count: number): tf.Tensor4D {
  const expected = count * PIXELS_PER_IMAGE;
  if (pixels.length < expected) {
    throw new RangeError(
      `A batch of ${count} images needs ${expected} pixel values, got ${pixels.length}.`,
    );
  }
  return tf.tensor4d(pixels.subarray(0, expected), [count, IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS]);
}

/**
 * An engine that trains `model` on the current thread and backend.
 *
 * @example
 * ```ts
 * const { autoencoder } = buildConvAutoencoder({ seed: 1 });
 * const engine = createLocalEngine({ model: autoencoder });
 * const { loss } = await engine.trainBatch(new Float32Array(32 * 784), 32);
 * ```
 */
export function createLocalEngine(options: LocalEngineOptions): TrainingEngine {
  const { model } = options;
  const optimizer = options.optimizer ?? createAdam(1e-3);
  const perImageLoss = options.perImageLoss ?? autoencoderLoss;
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const ownsOptimizer = options.optimizer === undefined;

  const readTerms = (terms: Record<string, tf.Scalar>): LossTerms => {
    const values: Record<string, number> = {};
    for (const [name, tensor] of Object.entries(terms)) values[name] = tensor.dataSync()[0];
    tf.dispose(Object.values(terms));
    return values as LossTerms;
  };

  return {
    trainBatch(pixels, count, weights) {
      const terms = tf.tidy(() => {
        const images = imagesToTensor(pixels, count);
        const extra: Record<string, tf.Scalar> = {};
        const loss = optimizer.minimize(
          () => {
            const perImage = perImageLoss(model, images, true, weights);
            for (const [name, tensor] of Object.entries(perImage)) {
              if (name !== "loss") extra[name] = tf.keep(tf.mean(tensor) as tf.Scalar);
            }
            return tf.mean(perImage.loss) as tf.Scalar;
          },
          true,
          variables,
        ) as tf.Scalar;
        return { loss, ...extra };
      });
      return Promise.resolve(readTerms(terms));
    },
    evaluateBatch(pixels, count) {
      const terms = tf.tidy(() => {
        const perImage = perImageLoss(model, imagesToTensor(pixels, count), false);
        const sums: Record<string, tf.Scalar> = {};
        for (const [name, tensor] of Object.entries(perImage)) {
          sums[name] = tf.sum(tensor) as tf.Scalar;
        }
        return sums;
      });
      return Promise.resolve(readTerms(terms));
    },
    syncModel() {
      return Promise.resolve();
    },
    async saveOptimizerState() {
      const state = await optimizer.getWeights();
      return state.map(({ name, tensor }) => ({ name, tensor: tensor.clone() }));
    },
    async restoreOptimizerState(state) {
      // Adam copies the values into new variables, so the caller keeps (and disposes) `state`.
      await optimizer.setWeights(state);
    },
    dispose() {
      if (ownsOptimizer) optimizer.dispose();
    },
  };
}
