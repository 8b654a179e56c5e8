/**
 * The VAE's sampling step as a layer: z = mean + exp(logVar / 2) · ε with ε ~ N(0, I).
 * ε carries no gradient, so gradients reach `mean` and `logVar` (the reparameterisation trick).
 * The layer is registered with TensorFlow.js' serialization so a saved VAE reloads.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Configuration of {@link GaussianSampling}. */
export interface GaussianSamplingConfig {
  name?: string;
  /** Seed of ε; each call advances it, so runs repeat but samples differ call to call. */
  seed?: number | null;
}

/**
 * Samples z from N(mean, exp(logVar)) given the inputs `[mean, logVar]`.
 *
 * @example
 * ```ts
 * const z = new GaussianSampling({ name: "z" }).apply([zMean, zLogVar]) as tf.SymbolicTensor;
 * ```
 */
export class GaussianSampling extends tf.layers.Layer {
  /** Name under which the layer is serialized in `model.json`. */
  static className = "GaussianSampling";
  readonly seed: number | null;
  #calls = 0;

  /** Creates the layer. */
  constructor(config: GaussianSamplingConfig = {}) {
    super({ name: config.name });
    this.seed = config.seed ?? null;
  }

  /** z has the shape of `mean`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0];
  }

  /** Draws one sample per row. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [mean, logVar] = inputs as tf.Tensor[];
      // tf.randomNormal takes a seed of 0 for "no seed" (it tests `seed ? seed : Math.random()`),
      // so the seeds count from seed + 1: seed 0 (the CLI's default) stays reproducible.
      const seed = this.seed === null ? undefined : this.seed + this.#calls + 1;
      this.#calls += 1;
      const epsilon = tf.randomNormal(mean.shape, 0, 1, "float32", seed);
      return tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), epsilon));
    });
  }

  /** Serializable configuration. */
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), seed: this.seed };
  }
}

/**
 * Registers the project's custom layers with TensorFlow.js so that `model.json` files that use
 * them load. Safe to call any number of times.
 *
 * @example
 * ```ts
 * registerCustomLayers();
 * const model = await tf.loadLayersModel(handler);
 * ```
 */
export function registerCustomLayers(): void {
  tf.serialization.registerClass(GaussianSampling);
}
