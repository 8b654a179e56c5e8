/**
 * The VAE's sampling step as a layer: z = mean + exp(logVar / 2) · ε with ε ~ N(0, I).
 * ε carries no gradient, so gradients reach `mean` and `logVar` (the reparameterisation trick).
 * The layer is registered with TensorFlow.js' serialization so a saved VAE reloads.
 *
 * ε comes from `tf.randomNormal`, seeded per call by {@link samplingSeed}; its draws are N(0, 1)
 * and uncorrelated from call to call (`bench/vae_trace.ts` and the tests check this).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { mixSeed } from "../data/random.ts";

/** Configuration of {@link GaussianSampling}. */
export interface GaussianSamplingConfig {
  name?: string;
  /** Seed of ε; each call draws anew, so runs repeat but samples differ call to call. */
  seed?: number | null;
}

/**
 * The seed `tf.randomNormal` gets for the `draw`-th call (from 0) in noise stream `stream` of a
 * layer seeded `seed`: a hash of all three, never 0 (which `tf.randomNormal` reads as "no seed").
 * Hashing, rather than counting up from the seed, keeps runs with neighbouring seeds from drawing
 * the same ε one call apart.
 *
 * @example
 * ```ts
 * const epsilon = tf.randomNormal([32, 20], 0, 1, "float32", samplingSeed(0, 1, 0));
 * ```
 */
export function samplingSeed(seed: number, stream: number, draw: number): number {
  return mixSeed(mixSeed(seed, stream), draw) + 1;
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
  #stream = 0;
  #draws = 0;

  /** Creates the layer. */
  constructor(config: GaussianSamplingConfig = {}) {
    super({ name: config.name });
    this.seed = config.seed ?? null;
  }

  /** z has the shape of `mean`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0];
  }

  /** The noise stream the layer draws from (see {@link startStream}). */
  get stream(): number {
    return this.#stream;
  }

  /**
   * Restarts the noise at stream `stream` (the trainer uses the epoch number): the draws that
   * follow depend only on the seed, the stream and how many came before in it, so a run resumed
   * at an epoch draws the same ε as one that never stopped. A new layer starts in stream 0.
   */
  startStream(stream: number): void {
    if (!Number.isSafeInteger(stream) || stream < 0) {
      throw new RangeError(`startStream expects an integer >= 0 (e.g. the epoch), got ${stream}.`);
    }
    this.#stream = stream;
    this.#draws = 0;
  }

  /** Draws one sample per row. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [mean, logVar] = inputs as tf.Tensor[];
      const seed = this.seed === null
        ? undefined
        : samplingSeed(this.seed, this.#stream, this.#draws);
      this.#draws += 1;
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

/**
 * Streams from this number on belong to the worker replicas of data-parallel training (see
 * {@link replicaSamplingStream}); the trainer's per-epoch streams stay below it.
 */
export const REPLICA_SAMPLING_STREAM = 2 ** 31;

/** Most threads {@link replicaSamplingStream} tells apart. */
const MAX_REPLICA_THREADS = 1024;

/**
 * The noise stream of thread `thread` (from 1; the main thread, 0, draws `stream` itself) of
 * data-parallel training while the main thread draws stream `stream` (the epoch): every thread
 * draws noise of its own, and a resumed run draws the same noise on every thread.
 *
 * @throws {RangeError} When `stream` is not below {@link REPLICA_SAMPLING_STREAM} or `thread` is
 * not in 1..1023.
 *
 * @example
 * ```ts
 * replicaSamplingStream(3, 1); // 2 ** 31 + 3 * 1024 + 1
 * ```
 */
export function replicaSamplingStream(stream: number, thread: number): number {
  if (!Number.isSafeInteger(stream) || stream < 0 || stream >= REPLICA_SAMPLING_STREAM) {
    throw new RangeError(
      `replicaSamplingStream expects the main thread's stream (e.g. the epoch) in ` +
        `0..${REPLICA_SAMPLING_STREAM - 1}, got ${stream}.`,
    );
  }
  if (!Number.isInteger(thread) || thread < 1 || thread >= MAX_REPLICA_THREADS) {
    throw new RangeError(
      `replicaSamplingStream expects a worker thread number in 1..${
        MAX_REPLICA_THREADS - 1
      }, got ${thread}.`,
    );
  }
  return REPLICA_SAMPLING_STREAM + stream * MAX_REPLICA_THREADS + thread;
}

/**
 * The noise stream of the first {@link GaussianSampling} layer of `model`, or undefined when it
 * has none (a plain autoencoder).
 *
 * @example
 * ```ts
 * samplingStreamOf(vae.autoencoder); // 0 for a new model
 * ```
 */
export function samplingStreamOf(model: tf.LayersModel): number | undefined {
  const layer = model.layers.find((candidate) => candidate instanceof GaussianSampling);
  return (layer as GaussianSampling | undefined)?.stream;
}

/**
 * Starts noise stream `stream` in every {@link GaussianSampling} layer of `model` (none in a
 * plain autoencoder).
 *
 * @example
 * ```ts
 * startSamplingStreams(vae.autoencoder, epoch); // at the start of each epoch
 * ```
 */
export function startSamplingStreams(model: tf.LayersModel, stream: number): void {
  for (const layer of model.layers) {
    if (layer instanceof GaussianSampling) layer.startStream(stream);
  }
}
