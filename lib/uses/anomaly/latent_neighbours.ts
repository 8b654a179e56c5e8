/**
 * A nearest-neighbour latent score: the mean Euclidean distance from a code to its `k` nearest
 * codes of the normal training images, after scaling each latent axis to unit spread. Unlike the
 * Gaussian of `latent_gaussian.ts` it follows a curved or clustered distribution of codes.
 *
 * @module
 */

/**
 * Training codes, scaled per axis, for {@link neighbourDistances}.
 *
 * @example
 * ```ts
 * const reference: LatentNeighbours = fitLatentNeighbours(trainingLatents, 20);
 * ```
 */
export interface LatentNeighbours {
  dimension: number;
  /** Codes of the normal training images, scaled: `count × dimension`. */
  codes: Float32Array;
  count: number;
  /** Mean and standard deviation per axis, used to scale queries the same way. */
  mean: Float64Array;
  scale: Float64Array;
}

/**
 * Stores the training codes, scaled so each axis has mean 0 and standard deviation 1.
 *
 * @throws {RangeError} When the codes are not a whole number of vectors, or fewer than two.
 *
 * @example
 * ```ts
 * const reference = fitLatentNeighbours(trainingLatents, 20);
 * const distances = neighbourDistances(reference, testLatents, 5);
 * ```
 */
export function fitLatentNeighbours(codes: Float32Array, dimension: number): LatentNeighbours {
  const count = codes.length / dimension;
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(
      `fitLatentNeighbours needs at least two codes of ${dimension} values, got ${codes.length} ` +
        `values. Encode more normal images.`,
    );
  }
  const mean = new Float64Array(dimension);
  const scale = new Float64Array(dimension);
  for (let row = 0; row < count; row++) {
    for (let axis = 0; axis < dimension; axis++) mean[axis] += codes[row * dimension + axis];
  }
  for (let axis = 0; axis < dimension; axis++) mean[axis] /= count;
  for (let row = 0; row < count; row++) {
    for (let axis = 0; axis < dimension; axis++) {
      scale[axis] += (codes[row * dimension + axis] - mean[axis]) ** 2;
    }
  }
  for (let axis = 0; axis < dimension; axis++) {
    scale[axis] = Math.sqrt(scale[axis] / count) || 1;
  }
  return { dimension, codes: scaleCodes(codes, mean, scale), count, mean, scale };
}

function scaleCodes(codes: Float32Array, mean: Float64Array, scale: Float64Array): Float32Array {
  const dimension = mean.length;
  const scaled = new Float32Array(codes.length);
  for (let index = 0; index < codes.length; index++) {
    const axis = index % dimension;
    scaled[index] = (codes[index] - mean[axis]) / scale[axis];
  }
  return scaled;
}

/**
 * Mean distance from each query code to its `k` nearest training codes. With `excludeSelf`, the
 * queries are the training codes themselves and each skips its own (zero) distance, so the
 * training scores are not biased low.
 *
 * @throws {RangeError} When `k` is not in 1..(training count − 1) or shapes do not match.
 *
 * @example
 * ```ts
 * const training = fitLatentNeighbours(new Float32Array([0, 0, 1, 0, 0, 1]), 2);
 * neighbourDistances(training, new Float32Array([5, 5]), 1).length; // 1
 * ```
 */
export function neighbourDistances(
  reference: LatentNeighbours,
  queries: Float32Array,
  k: number,
  excludeSelf = false,
): Float32Array {
  const { dimension, codes, count } = reference;
  if (!Number.isInteger(k) || k < 1 || k > count - 1) {
    throw new RangeError(`k must be an integer from 1 to ${count - 1}, got ${k}.`);
  }
  if (queries.length % dimension !== 0) {
    throw new RangeError(
      `neighbourDistances got ${queries.length} values, not a whole number of ${dimension}-value ` +
        `codes. Pass codes from the same encoder.`,
    );
  }
  const scaled = scaleCodes(queries, reference.mean, reference.scale);
  const queryCount = queries.length / dimension;
  const result = new Float32Array(queryCount);
  const keep = k + (excludeSelf ? 1 : 0);
  const nearest = new Float64Array(keep);
  for (let query = 0; query < queryCount; query++) {
    nearest.fill(Infinity);
    const offset = query * dimension;
    for (let row = 0; row < count; row++) {
      let squared = 0;
      const base = row * dimension;
      for (let axis = 0; axis < dimension; axis++) {
        const difference = scaled[offset + axis] - codes[base + axis];
        squared += difference * difference;
      }
      if (squared < nearest[keep - 1]) {
        let position = keep - 1;
        while (position > 0 && nearest[position - 1] > squared) {
          nearest[position] = nearest[position - 1];
          position -= 1;
        }
        nearest[position] = squared;
      }
    }
    let total = 0;
    for (let index = excludeSelf ? 1 : 0; index < keep; index++) total += Math.sqrt(nearest[index]);
    result[query] = total / k;
  }
  return result;
}
