/**
 * Toy data for a first autoencoder: a cloud of 2-D or 3-D points, Gaussian along a known
 * principal axis and narrow across it. Because the axis is known, we can check what a linear
 * autoencoder learns (it should find that axis, as PCA does).
 *
 * @module
 */
import { createRandom, type RandomSource } from "../../data/random.ts";

/**
 * Options of {@link makeToyCloud}.
 *
 * @example
 * ```ts
 * const options: ToyCloudOptions = { count: 500, principalAxis: [1, 1], spreads: [2, 0.3] };
 * ```
 */
export interface ToyCloudOptions {
  /** Number of points. Default 400. */
  count?: number;
  /**
   * Direction of largest spread (any non-zero vector; it is normalised). Its length sets the
   * dimension (2 or 3). Default: 30° above the x axis, `[cos 30°, sin 30°]`.
   */
  principalAxis?: readonly number[];
  /**
   * Standard deviation along the principal axis, then along each remaining orthogonal axis,
   * largest first; one per dimension. Default `[2, 0.4]` (2-D) or `[2, 0.4, 0.2]` (3-D).
   */
  spreads?: readonly number[];
  /** Centre of the cloud. Default `[1, -0.5]` (2-D) or `[1, -0.5, 0.5]` (3-D). */
  center?: readonly number[];
  /** Seed of the pseudo-random numbers: the same seed gives the same points. Default 0. */
  seed?: number;
}

/**
 * A toy point cloud and the truth it was drawn from.
 *
 * @example
 * ```ts
 * const cloud: ToyCloud = makeToyCloud({ count: 3 });
 * console.log(cloud.points.length === cloud.count * cloud.dimension); // true
 * ```
 */
export interface ToyCloud {
  /** Coordinates, point after point: `count * dimension` numbers. */
  points: Float32Array;
  count: number;
  /** 2 or 3. */
  dimension: number;
  /** The unit vector of largest spread (the true first principal direction). */
  principalAxis: number[];
  /** All axes of the cloud as unit vectors, largest spread first (an orthonormal basis). */
  axes: number[][];
  /** Standard deviations along `axes`. */
  spreads: number[];
  center: number[];
}

const DEFAULT_AXIS_2D = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];

/**
 * Draws a Gaussian cloud elongated along a known principal axis.
 *
 * @throws {RangeError} When the axis is not 2-D or 3-D or is zero, `spreads` or `center` do not
 *   have one entry per dimension, a spread is negative or the spreads are not largest first, or
 *   `count` is not a positive integer.
 *
 * @example
 * ```ts
 * const cloud = makeToyCloud({ count: 400, seed: 1 });
 * console.log(cloud.dimension, cloud.principalAxis); // 2 [0.866, 0.5]
 * ```
 */
export function makeToyCloud(options: ToyCloudOptions = {}): ToyCloud {
  const count = options.count ?? 400;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`makeToyCloud: count must be a positive integer, got ${count}.`);
  }
  const axis = [...(options.principalAxis ?? DEFAULT_AXIS_2D)];
  const dimension = axis.length;
  if (dimension !== 2 && dimension !== 3) {
    throw new RangeError(
      `makeToyCloud: principalAxis must have 2 or 3 numbers (the dimension), got ${dimension}. ` +
        `Pass e.g. [1, 1] or [1, 0.5, 0.2].`,
    );
  }
  const spreads = [...(options.spreads ?? (dimension === 2 ? [2, 0.4] : [2, 0.4, 0.2]))];
  const center = [...(options.center ?? (dimension === 2 ? [1, -0.5] : [1, -0.5, 0.5]))];
  checkLength("spreads", spreads, dimension);
  checkLength("center", center, dimension);
  if (spreads.some((spread, index) => !(spread >= 0) || (index > 0 && spread > spreads[0]))) {
    throw new RangeError(
      `makeToyCloud: spreads must be >= 0 with the largest first (it belongs to the principal ` +
        `axis), got [${spreads}].`,
    );
  }
  const axes = orthonormalBasis(axis);
  const random = createRandom(options.seed ?? 0);
  const points = new Float32Array(count * dimension);
  for (let point = 0; point < count; point++) {
    for (let axisIndex = 0; axisIndex < dimension; axisIndex++) {
      const amount = spreads[axisIndex] * standardNormal(random);
      for (let coordinate = 0; coordinate < dimension; coordinate++) {
        points[point * dimension + coordinate] += amount * axes[axisIndex][coordinate];
      }
    }
    for (let coordinate = 0; coordinate < dimension; coordinate++) {
      points[point * dimension + coordinate] += center[coordinate];
    }
  }
  return { points, count, dimension, principalAxis: axes[0], axes, spreads, center };
}

function checkLength(name: string, values: number[], dimension: number): void {
  if (values.length !== dimension || values.some((value) => !Number.isFinite(value))) {
    throw new RangeError(
      `makeToyCloud: ${name} must have ${dimension} finite numbers (one per dimension of the ` +
        `principal axis), got [${values}].`,
    );
  }
}

/** The normalised `first` vector followed by unit vectors orthogonal to it (Gram-Schmidt). */
function orthonormalBasis(first: number[]): number[][] {
  const basis: number[][] = [];
  const candidates = [
    first,
    ...first.map((_, index) => first.map((_, j) => (j === index ? 1 : 0))),
  ];
  for (const candidate of candidates) {
    const vector = [...candidate];
    for (const done of basis) {
      const overlap = dot(vector, done);
      for (let index = 0; index < vector.length; index++) vector[index] -= overlap * done[index];
    }
    const length = Math.sqrt(dot(vector, vector));
    if (basis.length === 0 && !(length > 0)) {
      throw new RangeError(
        `makeToyCloud: principalAxis must be a non-zero vector of finite numbers, got [${first}].`,
      );
    }
    if (length > 1e-6) basis.push(vector.map((value) => value / length));
    if (basis.length === first.length) break;
  }
  return basis;
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * b[index], 0);
}

/** A standard normal number by the Box-Muller transform. */
function standardNormal(random: RandomSource): number {
  const uniform = 1 - random(); // in (0, 1], so the logarithm is finite
  return Math.sqrt(-2 * Math.log(uniform)) * Math.cos(2 * Math.PI * random());
}
