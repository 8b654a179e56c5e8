/**
 * How much of a VAE's latent is in use. A latent dimension is *active* when its posterior mean
 * moves with the image: the variance over the images of E_q[z_d | x] exceeds a threshold (0.01,
 * Burda et al., "Importance Weighted Autoencoders", 2016). An inactive dimension carries no
 * information about x (its q(z_d|x) is the same for every image, and the KL pushes it onto the
 * prior N(0, 1)), so a collapsed VAE shows few active units and near-zero KL in the others.
 *
 * Counting axes can overstate how much of the latent is used: when the means of all dimensions
 * are functions of a few hidden units (a narrow layer before the heads), every axis varies but the
 * means fill a low-dimensional subspace. The same test on the principal directions of the means
 * (eigenvalues of their covariance above the threshold) counts the dimensions actually spanned.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import type { AutoencoderBundle } from "../../models/autoencoder_bundle.ts";

/** The activity threshold of Burda et al. (2016) on the variance of the posterior mean. */
export const ACTIVE_UNIT_THRESHOLD = 0.01;

/**
 * What {@link latentActivity} and {@link measureLatentActivity} measured, per latent dimension.
 *
 * @example
 * ```ts
 * const activity: LatentActivity = latentActivity(means, logVars, 2);
 * console.log(`${activity.activeUnits} of ${activity.latentDim} dimensions active`);
 * ```
 */
export interface LatentActivity {
  /** Images measured. */
  imageCount: number;
  /** Size of z. */
  latentDim: number;
  /** A dimension is active when {@link LatentActivity.meanVariance} exceeds this. */
  threshold: number;
  /** Per dimension: variance over the images of the posterior mean (divided by N, not N − 1). */
  meanVariance: Float64Array;
  /** Per dimension: KL(q(z_d|x) ‖ N(0, 1)) = ½ (exp(logVar) + mean² − 1 − logVar), mean over images. */
  klPerDimension: Float64Array;
  /** Number of active dimensions. */
  activeUnits: number;
  /** Indices of the active dimensions, in order. */
  activeDimensions: number[];
  /** Eigenvalues of the covariance (over the images) of the posterior means, largest first. */
  principalVariances: Float64Array;
  /** Principal directions whose variance exceeds the threshold: the dimensions the means span. */
  activePrincipalDirections: number;
  /** Sum of {@link LatentActivity.klPerDimension}: the mean KL per image, in nats. */
  totalKl: number;
}

/**
 * Active units and KL per dimension from the posterior parameters of `count` images, given
 * row by row (image after image, `latentDim` values each). Sums run in double precision.
 *
 * @param means Posterior means, count · latentDim values.
 * @param logVars Posterior log-variances, same layout.
 * @param latentDim Size of z.
 * @param options `threshold`: default {@link ACTIVE_UNIT_THRESHOLD}.
 * @throws {RangeError} When the arrays are empty, differ in length or are not whole rows.
 *
 * @example
 * ```ts
 * // Two images, two dimensions: dimension 0 moves (means ±1), dimension 1 sits on the prior.
 * const activity = latentActivity([1, 0, -1, 0], [0, 0, 0, 0], 2);
 * activity.activeUnits; // 1
 * Array.from(activity.klPerDimension); // [0.5, 0]
 * ```
 */
export function latentActivity(
  means: ArrayLike<number>,
  logVars: ArrayLike<number>,
  latentDim: number,
  options: { threshold?: number } = {},
): LatentActivity {
  const threshold = options.threshold ?? ACTIVE_UNIT_THRESHOLD;
  if (!Number.isInteger(latentDim) || latentDim < 1) {
    throw new RangeError(`latentActivity: latentDim must be a positive integer, got ${latentDim}.`);
  }
  if (means.length !== logVars.length || means.length === 0 || means.length % latentDim !== 0) {
    throw new RangeError(
      `latentActivity got ${means.length} means and ${logVars.length} log-variances for ` +
        `latentDim ${latentDim}; expected the same positive multiple of ${latentDim} for both ` +
        `(one row of latentDim values per image).`,
    );
  }
  if (!(threshold >= 0)) {
    throw new RangeError(`latentActivity: threshold must be a number >= 0, got ${threshold}.`);
  }
  const count = means.length / latentDim;
  const average = new Float64Array(latentDim);
  const kl = new Float64Array(latentDim);
  for (let row = 0; row < count; row++) {
    for (let dim = 0; dim < latentDim; dim++) {
      const mean = means[row * latentDim + dim];
      const logVar = logVars[row * latentDim + dim];
      average[dim] += mean;
      kl[dim] += 0.5 * (Math.exp(logVar) + mean * mean - 1 - logVar);
    }
  }
  for (let dim = 0; dim < latentDim; dim++) average[dim] /= count;
  const covariance = new Matrix(latentDim, latentDim);
  const deviation = new Float64Array(latentDim);
  for (let row = 0; row < count; row++) {
    for (let dim = 0; dim < latentDim; dim++) {
      deviation[dim] = means[row * latentDim + dim] - average[dim];
    }
    for (let i = 0; i < latentDim; i++) {
      for (let j = 0; j <= i; j++) {
        covariance.set(i, j, covariance.get(i, j) + deviation[i] * deviation[j]);
      }
    }
  }
  for (let i = 0; i < latentDim; i++) {
    for (let j = 0; j <= i; j++) {
      covariance.set(i, j, covariance.get(i, j) / count);
      covariance.set(j, i, covariance.get(i, j));
    }
  }
  const meanVariance = Float64Array.from(
    { length: latentDim },
    (_, dim) => covariance.get(dim, dim),
  );
  const principalVariances = Float64Array.from(
    new EigenvalueDecomposition(covariance, { assumeSymmetric: true }).realEigenvalues,
  ).sort().reverse();
  const activeDimensions: number[] = [];
  for (let dim = 0; dim < latentDim; dim++) {
    kl[dim] /= count;
    if (meanVariance[dim] > threshold) activeDimensions.push(dim);
  }
  return {
    imageCount: count,
    latentDim,
    threshold,
    meanVariance,
    klPerDimension: kl,
    activeUnits: activeDimensions.length,
    activeDimensions,
    principalVariances,
    activePrincipalDirections: principalVariances.filter((value) => value > threshold).length,
    totalKl: kl.reduce((sum, value) => sum + value, 0),
  };
}

/**
 * Encodes images with a VAE's `distributionEncoder` (image → [mean, logVar]) and measures
 * {@link latentActivity}. Frees every tensor it makes.
 *
 * @param bundle A VAE bundle (from `buildVariationalAutoencoder` or `splitAutoencoder`).
 * @param pixels Images, count · 784 values in [0, 1] (e.g. the whole test split).
 * @param options `batchSize` (default 500) and `threshold`.
 * @throws {TypeError} When the bundle is not a VAE.
 *
 * @example
 * ```ts
 * const vae = splitAutoencoder(await loadModel("runs/vae-latent20"));
 * const activity = measureLatentActivity(vae, fashion.pixelsAsFloat("test", allTestIndices));
 * ```
 */
export function measureLatentActivity(
  bundle: AutoencoderBundle,
  pixels: Float32Array,
  options: { batchSize?: number; threshold?: number } = {},
): LatentActivity {
  const encoder = bundle.distributionEncoder;
  if (encoder === undefined) {
    throw new TypeError(
      `measureLatentActivity needs a VAE (a bundle with a distributionEncoder); ` +
        `"${bundle.autoencoder.name}" has none. Active units are defined for q(z|x) only.`,
    );
  }
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `measureLatentActivity: batchSize must be a positive integer, got ${batchSize}.`,
    );
  }
  if (pixels.length === 0 || pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `measureLatentActivity got ${pixels.length} pixel values; expected a positive multiple ` +
        `of 784 (whole 28x28 images).`,
    );
  }
  const count = pixels.length / PIXELS_PER_IMAGE;
  const latentDim = bundle.latentDim;
  const means = new Float32Array(count * latentDim);
  const logVars = new Float32Array(count * latentDim);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const batch = pixels.subarray(start * PIXELS_PER_IMAGE, (start + size) * PIXELS_PER_IMAGE);
    tf.tidy(() => {
      const images = tf.tensor4d(batch, [size, IMAGE_SIZE, IMAGE_SIZE, 1]);
      const [mean, logVar] = encoder.predict(images) as tf.Tensor[];
      means.set(mean.dataSync(), start * latentDim);
      logVars.set(logVar.dataSync(), start * latentDim);
    });
  }
  return latentActivity(means, logVars, latentDim, { threshold: options.threshold });
}
