/**
 * The smallest autoencoder: a linear encoder (Dense, no activation) from d numbers to k, and a
 * linear decoder back to d, trained to reproduce its input with the mean squared error. Its
 * decoder spans the same subspace as the top k principal directions (PCA), which makes it a
 * good first example: training takes a second, and the answer is known.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * Options of {@link trainLinearAutoencoder}.
 *
 * @example
 * ```ts
 * const options: LinearAutoencoderOptions = { latentDim: 1, steps: 300, learningRate: 0.05 };
 * ```
 */
export interface LinearAutoencoderOptions {
  /** Size k of the latent code. Default 1. */
  latentDim?: number;
  /** Gradient steps on the whole data set (Adam). Default 300. */
  steps?: number;
  /** Adam's learning rate. Default 0.05. */
  learningRate?: number;
  /** Seed of the initial weights. Default 0. */
  seed?: number;
  /** Called after each step with the step number (from 1) and the loss before the step. */
  onStep?: (step: number, loss: number) => void;
}

/**
 * A trained linear autoencoder as plain numbers (no tensors to dispose), with what it did to the
 * training points.
 *
 * @example
 * ```ts
 * const trained: LinearAutoencoder = trainLinearAutoencoder(makeToyCloud().points, 2);
 * console.log(trained.decoderDirections[0]); // close to the cloud's principal axis (or minus it)
 * ```
 */
export interface LinearAutoencoder {
  dimension: number;
  latentDim: number;
  /** Encoder kernel, `dimension` rows of `latentDim` numbers: z = x · W_enc + b_enc. */
  encoderWeights: number[][];
  encoderBias: number[];
  /** Decoder kernel, `latentDim` rows of `dimension` numbers: x̂ = z · W_dec + b_dec. */
  decoderWeights: number[][];
  decoderBias: number[];
  /** Each decoder row as a unit vector: the direction in data space one latent number moves along. */
  decoderDirections: number[][];
  /** The latent code of every point, point after point (`count * latentDim`). */
  codes: Float32Array;
  /** The reconstruction of every point, point after point (`count * dimension`). */
  reconstructions: Float32Array;
  /** Loss before each step: mean over points of the squared distance to the reconstruction. */
  lossHistory: { step: number; loss: number }[];
  /** The same loss after the last step. */
  finalLoss: number;
}

/**
 * Trains a linear autoencoder d → k → d on the points with full-batch Adam and the mean squared
 * error (summed over coordinates, averaged over points). Disposes all its tensors.
 *
 * @param points Coordinates, point after point (`count * dimension` numbers).
 * @param dimension Numbers per point, d.
 * @throws {RangeError} When the points do not split into whole points of `dimension` numbers,
 *   `latentDim` is not between 1 and `dimension`, or `steps` is not a positive integer.
 *
 * @example
 * ```ts
 * const cloud = makeToyCloud({ count: 400 });
 * const trained = trainLinearAutoencoder(cloud.points, cloud.dimension, { latentDim: 1 });
 * console.log(trained.finalLoss); // about 0.16 = 0.4², the variance across the axis
 * ```
 */
export function trainLinearAutoencoder(
  points: Float32Array,
  dimension: number,
  options: LinearAutoencoderOptions = {},
): LinearAutoencoder {
  const latentDim = options.latentDim ?? 1;
  const steps = options.steps ?? 300;
  const seed = options.seed ?? 0;
  checkArguments(points, dimension, latentDim, steps);
  const count = points.length / dimension;
  const encoder = tf.layers.dense({
    units: latentDim,
    inputShape: [dimension],
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    name: "linear_encoder",
  });
  const decoder = tf.layers.dense({
    units: dimension,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    name: "linear_decoder",
  });
  const autoencoder = tf.sequential({ layers: [encoder, decoder], name: "linear_autoencoder" });
  const optimizer = tf.train.adam(options.learningRate ?? 0.05);
  const inputs = tf.tensor2d(points, [count, dimension]);
  const meanSquaredDistance = () =>
    tf.tidy(() => {
      const difference = tf.sub(autoencoder.apply(inputs) as tf.Tensor2D, inputs);
      return tf.mean(tf.sum(tf.square(difference), 1)) as tf.Scalar;
    });
  try {
    const lossHistory: { step: number; loss: number }[] = [];
    for (let step = 1; step <= steps; step++) {
      const loss = optimizer.minimize(meanSquaredDistance, true) as tf.Scalar;
      const value = loss.dataSync()[0];
      loss.dispose();
      lossHistory.push({ step, loss: value });
      options.onStep?.(step, value);
    }
    const [encoderKernel, encoderBias] = encoder.getWeights();
    const [decoderKernel, decoderBias] = decoder.getWeights();
    const decoderWeights = decoderKernel.arraySync() as number[][];
    const codes = readAndDispose(encoder.apply(inputs) as tf.Tensor);
    const reconstructions = readAndDispose(autoencoder.apply(inputs) as tf.Tensor);
    const finalLoss = readAndDispose(meanSquaredDistance())[0];
    return {
      dimension,
      latentDim,
      encoderWeights: encoderKernel.arraySync() as number[][],
      encoderBias: Array.from(encoderBias.dataSync()),
      decoderWeights,
      decoderBias: Array.from(decoderBias.dataSync()),
      decoderDirections: decoderWeights.map(unitVector),
      codes,
      reconstructions,
      lossHistory,
      finalLoss,
    };
  } finally {
    inputs.dispose();
    optimizer.dispose();
    autoencoder.dispose();
  }
}

function checkArguments(
  points: Float32Array,
  dimension: number,
  latentDim: number,
  steps: number,
): void {
  if (!Number.isInteger(dimension) || dimension < 1 || points.length % dimension !== 0) {
    throw new RangeError(
      `trainLinearAutoencoder: got ${points.length} numbers for points of dimension ` +
        `${dimension}; expected a positive integer dimension that divides the length ` +
        `(points stored one after another).`,
    );
  }
  if (points.length === 0) {
    throw new RangeError("trainLinearAutoencoder: got no points; pass at least one point.");
  }
  if (!Number.isInteger(latentDim) || latentDim < 1 || latentDim > dimension) {
    throw new RangeError(
      `trainLinearAutoencoder: latentDim must be an integer from 1 to the dimension ` +
        `${dimension}, got ${latentDim}.`,
    );
  }
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`trainLinearAutoencoder: steps must be a positive integer, got ${steps}.`);
  }
}

function readAndDispose(tensor: tf.Tensor): Float32Array {
  const values = tensor.dataSync() as Float32Array;
  tensor.dispose();
  return values;
}

function unitVector(vector: number[]): number[] {
  const length = Math.hypot(...vector);
  return length > 0 ? vector.map((value) => value / length) : vector.map(() => 0);
}
