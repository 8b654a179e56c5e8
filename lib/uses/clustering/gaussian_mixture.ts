/**
 * A Gaussian mixture fitted by expectation-maximisation (EM), the clustering step of N2D
 * (autoencoder → UMAP → Gaussian mixture). It follows scikit-learn's `GaussianMixture`: full (or
 * diagonal) covariances with `regularization` added to their diagonal, a start from a k-means
 * partition, EM until the mean log-likelihood per point changes by less than `tolerance`, and a
 * final E-step so that the returned clusters belong to the returned parameters.
 *
 * @module
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { kMeans } from "./kmeans.ts";

/** The covariance shapes {@link fitGaussianMixture} fits: full matrices, or diagonal ones. */
export type CovarianceKind = "full" | "diagonal";

/**
 * Options of {@link fitGaussianMixture}. The defaults are scikit-learn's.
 *
 * @example
 * ```ts
 * const options: GaussianMixtureOptions = { dimension: 10, components: 10, seed: 0 };
 * ```
 */
export interface GaussianMixtureOptions {
  /** Values per row. */
  dimension: number;
  /** Number of Gaussians (clusters). */
  components: number;
  /** Full covariance matrices or diagonal ones. Default "full". */
  covariance?: CovarianceKind;
  /** EM iterations at most. Default 100. */
  maxIterations?: number;
  /** Stop when the mean log-likelihood per point changes by less than this. Default 1e-3. */
  tolerance?: number;
  /** Added to every covariance's diagonal, for stability. Default 1e-6. */
  regularization?: number;
  /** Seed of the k-means start. Default 0. */
  seed?: number;
  /** k-means++ restarts of the start. Default 1 (scikit-learn's). */
  kMeansRestarts?: number;
  /** Start from this partition (one cluster id per row) instead of k-means. */
  initialAssignments?: ArrayLike<number>;
}

/**
 * A fitted mixture and the clustering it gives.
 *
 * @example
 * ```ts
 * const { assignments, weights, converged } = fitGaussianMixture(rows, { dimension: 2, components: 3 });
 * ```
 */
export interface GaussianMixtureResult {
  /** The most probable component of each row, 0 … components − 1. */
  assignments: Int32Array;
  /** Mixing weights, summing to 1. */
  weights: Float64Array;
  /** Means, `components · dimension` values. */
  means: Float64Array;
  /**
   * Covariances: `components · dimension · dimension` values (row-major matrices) when full,
   * `components · dimension` (the diagonals) when diagonal.
   */
  covariances: Float64Array;
  covariance: CovarianceKind;
  /** Mean log-likelihood per row under the parameters before the last M-step (sklearn's `lower_bound_`). */
  logLikelihood: number;
  /** EM iterations done. */
  iterations: number;
  /** Whether the change fell below the tolerance before `maxIterations`. */
  converged: boolean;
}

/** 10 · machine epsilon, which scikit-learn adds to every component's total responsibility. */
const RESPONSIBILITY_FLOOR = 10 * Number.EPSILON;

/** Means and covariances from responsibilities (`count · components`), as sklearn's M-step. */
function maximisation(
  rows: ArrayLike<number>,
  responsibilities: Float64Array,
  count: number,
  dimension: number,
  components: number,
  covariance: CovarianceKind,
  regularization: number,
) {
  const totals = new Float64Array(components).fill(RESPONSIBILITY_FLOOR);
  const means = new Float64Array(components * dimension);
  for (let row = 0; row < count; row++) {
    for (let component = 0; component < components; component++) {
      const weight = responsibilities[row * components + component];
      if (weight === 0) continue;
      totals[component] += weight;
      for (let index = 0; index < dimension; index++) {
        means[component * dimension + index] += weight * rows[row * dimension + index];
      }
    }
  }
  for (let component = 0; component < components; component++) {
    for (let index = 0; index < dimension; index++) {
      means[component * dimension + index] /= totals[component];
    }
  }
  const size = covariance === "full" ? dimension * dimension : dimension;
  const covariances = new Float64Array(components * size);
  const difference = new Float64Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let component = 0; component < components; component++) {
      const weight = responsibilities[row * components + component];
      if (weight === 0) continue;
      for (let index = 0; index < dimension; index++) {
        difference[index] = rows[row * dimension + index] - means[component * dimension + index];
      }
      const offset = component * size;
      if (covariance === "full") {
        for (let i = 0; i < dimension; i++) {
          const scaled = weight * difference[i];
          for (let j = 0; j <= i; j++) {
            covariances[offset + i * dimension + j] += scaled * difference[j];
          }
        }
      } else {
        for (let i = 0; i < dimension; i++) {
          covariances[offset + i] += weight * difference[i] * difference[i];
        }
      }
    }
  }
  for (let component = 0; component < components; component++) {
    const offset = component * size;
    if (covariance === "full") {
      for (let i = 0; i < dimension; i++) {
        for (let j = 0; j <= i; j++) {
          const value = covariances[offset + i * dimension + j] / totals[component];
          covariances[offset + i * dimension + j] = value;
          covariances[offset + j * dimension + i] = value;
        }
        covariances[offset + i * dimension + i] += regularization;
      }
    } else {
      for (let i = 0; i < dimension; i++) {
        covariances[offset + i] = covariances[offset + i] / totals[component] + regularization;
      }
    }
  }
  const sum = totals.reduce((a, b) => a + b, 0);
  const weights = totals.map((total) => total / sum);
  return { weights, means, covariances };
}

/** Lower Cholesky factors (`components · d · d`, row-major) and log-determinants. */
function choleskyFactors(
  covariances: Float64Array,
  dimension: number,
  components: number,
  covariance: CovarianceKind,
) {
  const factors = new Float64Array(components * dimension * dimension);
  const logDeterminants = new Float64Array(components);
  for (let component = 0; component < components; component++) {
    const offset = component * dimension * dimension;
    if (covariance === "diagonal") {
      for (let i = 0; i < dimension; i++) {
        const variance = covariances[component * dimension + i];
        if (!(variance > 0)) throw notPositiveDefinite(component);
        factors[offset + i * dimension + i] = Math.sqrt(variance);
        logDeterminants[component] += Math.log(variance);
      }
      continue;
    }
    const matrix = Matrix.from1DArray(
      dimension,
      dimension,
      covariances.subarray(offset, offset + dimension * dimension),
    );
    const decomposition = new CholeskyDecomposition(matrix);
    if (!decomposition.isPositiveDefinite()) throw notPositiveDefinite(component);
    const lower = decomposition.lowerTriangularMatrix;
    for (let i = 0; i < dimension; i++) {
      for (let j = 0; j <= i; j++) factors[offset + i * dimension + j] = lower.get(i, j);
      logDeterminants[component] += 2 * Math.log(lower.get(i, i));
    }
  }
  return { factors, logDeterminants };
}

function notPositiveDefinite(component: number): RangeError {
  return new RangeError(
    `fitGaussianMixture: the covariance of component ${component} is not positive definite ` +
      `(it collapsed onto too few or duplicate points); raise \`regularization\`, use fewer ` +
      `components, or use covariance "diagonal".`,
  );
}

/**
 * E-step: fills `responsibilities` with P(component | row) and returns the mean log-likelihood.
 * Works in logs (log-sum-exp), so far-away points do not underflow.
 */
function expectation(
  rows: ArrayLike<number>,
  count: number,
  dimension: number,
  components: number,
  parameters: { weights: Float64Array; means: Float64Array },
  cholesky: { factors: Float64Array; logDeterminants: Float64Array },
  responsibilities: Float64Array,
): number {
  const { weights, means } = parameters;
  const { factors, logDeterminants } = cholesky;
  const constant = dimension * Math.log(2 * Math.PI);
  const solved = new Float64Array(dimension);
  const logTerms = new Float64Array(components);
  let total = 0;
  for (let row = 0; row < count; row++) {
    let largest = -Infinity;
    for (let component = 0; component < components; component++) {
      // Mahalanobis distance by forward substitution: L y = x − μ, distance = |y|².
      const offset = component * dimension * dimension;
      let squared = 0;
      for (let i = 0; i < dimension; i++) {
        let value = rows[row * dimension + i] - means[component * dimension + i];
        for (let j = 0; j < i; j++) value -= factors[offset + i * dimension + j] * solved[j];
        value /= factors[offset + i * dimension + i];
        solved[i] = value;
        squared += value * value;
      }
      const logTerm = Math.log(weights[component]) -
        0.5 * (constant + logDeterminants[component] + squared);
      logTerms[component] = logTerm;
      if (logTerm > largest) largest = logTerm;
    }
    let sum = 0;
    for (let component = 0; component < components; component++) {
      sum += Math.exp(logTerms[component] - largest);
    }
    const logNormaliser = largest + Math.log(sum);
    total += logNormaliser;
    for (let component = 0; component < components; component++) {
      responsibilities[row * components + component] = Math.exp(
        logTerms[component] - logNormaliser,
      );
    }
  }
  return total / count;
}

function checkOptions(length: number, options: GaussianMixtureOptions) {
  const { dimension, components } = options;
  if (!Number.isInteger(dimension) || dimension < 1 || length % dimension !== 0) {
    throw new RangeError(
      `fitGaussianMixture got ${length} values with dimension ${dimension}; expected whole rows.`,
    );
  }
  if (!Number.isInteger(components) || components < 1) {
    throw new RangeError(
      `fitGaussianMixture: components must be a positive integer, got ${components}.`,
    );
  }
  const count = length / dimension;
  if (count < components) {
    throw new RangeError(
      `fitGaussianMixture: ${count} rows cannot fit ${components} components; pass more rows.`,
    );
  }
  const initial = options.initialAssignments;
  if (initial !== undefined && initial.length !== count) {
    throw new RangeError(
      `fitGaussianMixture: initialAssignments has ${initial.length} ids for ${count} rows.`,
    );
  }
  return count;
}

/**
 * Fits a Gaussian mixture to `rows` (`count · dimension` values, one row after another) by EM
 * and assigns each row to its most probable component.
 *
 * @throws {RangeError} On rows that are not whole, fewer rows than components, bad initial
 *   assignments, or a covariance that is not positive definite.
 *
 * @example
 * ```ts
 * const rows = new Float32Array([0, 0, 0.1, 0.2, 0.2, 0, 9, 9, 9.1, 9.2, 9.2, 9]); // 6 points, 2-d
 * fitGaussianMixture(rows, { dimension: 2, components: 2 }).assignments; // e.g. [0, 0, 0, 1, 1, 1]
 * ```
 */
export function fitGaussianMixture(
  rows: ArrayLike<number>,
  options: GaussianMixtureOptions,
): GaussianMixtureResult {
  const count = checkOptions(rows.length, options);
  const { dimension, components } = options;
  const covariance = options.covariance ?? "full";
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-3;
  const regularization = options.regularization ?? 1e-6;
  const start = options.initialAssignments ?? kMeans(Float32Array.from(rows), {
    dimension,
    clusters: components,
    restarts: options.kMeansRestarts ?? 1,
    seed: options.seed ?? 0,
  }).assignments;
  const responsibilities = new Float64Array(count * components);
  for (let row = 0; row < count; row++) {
    const component = start[row];
    if (!Number.isInteger(component) || component < 0 || component >= components) {
      throw new RangeError(
        `fitGaussianMixture: initial assignment ${component} of row ${row} is not in ` +
          `0 … ${components - 1}.`,
      );
    }
    responsibilities[row * components + component] = 1;
  }
  const fit = (): ReturnType<typeof maximisation> =>
    maximisation(
      rows,
      responsibilities,
      count,
      dimension,
      components,
      covariance,
      regularization,
    );
  let parameters = fit();
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    const previous = logLikelihood;
    const cholesky = choleskyFactors(parameters.covariances, dimension, components, covariance);
    logLikelihood = expectation(
      rows,
      count,
      dimension,
      components,
      parameters,
      cholesky,
      responsibilities,
    );
    parameters = fit();
    if (Math.abs(logLikelihood - previous) < tolerance) {
      converged = true;
      break;
    }
  }
  const cholesky = choleskyFactors(parameters.covariances, dimension, components, covariance);
  expectation(rows, count, dimension, components, parameters, cholesky, responsibilities);
  const assignments = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    let best = 0;
    for (let component = 1; component < components; component++) {
      if (
        responsibilities[row * components + component] >
          responsibilities[row * components + best]
      ) best = component;
    }
    assignments[row] = best;
  }
  return { assignments, ...parameters, covariance, logLikelihood, iterations, converged };
}
