/**
 * Few-label training sets: a seeded draw of the same number of labelled examples from every
 * class, as in "100 labels per class".
 *
 * @module
 */
import { createRandom, shuffleInPlace } from "../../data/random.ts";

/**
 * Indices of `perClass` examples of every class present in `labels` (0 … classes−1), drawn
 * without replacement with a seeded shuffle; the result is sorted. Different seeds give
 * different draws.
 *
 * @throws {RangeError} When `perClass` is not a positive integer or a class has fewer examples.
 *
 * @example
 * ```ts
 * const indices = labelsPerClass(fashion.train.labels, 100, 0); // 1,000 indices, 100 per class
 * ```
 */
export function labelsPerClass(
  labels: ArrayLike<number>,
  perClass: number,
  seed: number,
): Uint32Array {
  if (!Number.isInteger(perClass) || perClass < 1) {
    throw new RangeError(`labelsPerClass: perClass must be a positive integer, got ${perClass}.`);
  }
  const byClass = new Map<number, number[]>();
  for (let index = 0; index < labels.length; index++) {
    const list = byClass.get(labels[index]) ?? [];
    list.push(index);
    byClass.set(labels[index], list);
  }
  const random = createRandom(seed);
  const chosen: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label)!;
    if (members.length < perClass) {
      throw new RangeError(
        `labelsPerClass: class ${label} has only ${members.length} examples, ${perClass} were ` +
          `asked for; ask for fewer labels per class.`,
      );
    }
    chosen.push(...shuffleInPlace(members, random).slice(0, perClass));
  }
  return Uint32Array.from(chosen.sort((a, b) => a - b));
}

/**
 * Picks the rows `indices` of a row-major matrix (`dimension` values per row).
 *
 * @example
 * ```ts
 * selectRows(new Float32Array([1, 2, 3, 4, 5, 6]), 2, [2, 0]); // Float32Array [5, 6, 1, 2]
 * ```
 */
export function selectRows(
  rows: Float32Array,
  dimension: number,
  indices: ArrayLike<number>,
): Float32Array {
  const selected = new Float32Array(indices.length * dimension);
  for (let index = 0; index < indices.length; index++) {
    const row = indices[index];
    if (!Number.isInteger(row) || row < 0 || (row + 1) * dimension > rows.length) {
      throw new RangeError(
        `selectRows: row ${row} does not exist among ${rows.length / dimension} rows.`,
      );
    }
    selected.set(rows.subarray(row * dimension, (row + 1) * dimension), index * dimension);
  }
  return selected;
}
