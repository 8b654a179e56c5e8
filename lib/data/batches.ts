/**
 * Mini-batches of indices: a seeded, reproducible shuffle per epoch, cut into
 * batches. The trainer gathers the pixels (`FashionMnist.pixelsAsFloat`) and
 * turns them into tensors.
 *
 * @module
 */

import { createRandom, mixSeed, shuffleInPlace } from "./random.ts";

/**
 * Options of {@link batchIndices} and {@link batchCount}.
 *
 * @example
 * ```ts
 * import { batchIndices, type BatchIndicesOptions } from "./batches.ts";
 *
 * const options: BatchIndicesOptions = { batchSize: 32, seed: 7, epoch: 2, dropRemainder: true };
 * console.log([...batchIndices(100, options)].length); // 3
 * ```
 */
export interface BatchIndicesOptions {
  /** Indices per batch, a positive integer. */
  batchSize: number;
  /** The run's seed (a safe integer); required when shuffling. */
  seed?: number;
  /** The epoch number (a safe integer, default 0), mixed into the seed so each epoch gets its own order. */
  epoch?: number;
  /** Shuffle the indices; default true. When false, batches are 0..count-1 in order. */
  shuffle?: boolean;
  /** Skip the last batch when it is smaller than `batchSize`; default false. */
  dropRemainder?: boolean;
}

/**
 * How many batches {@link batchIndices} yields.
 *
 * @param count Number of items.
 * @param options `batchSize` and `dropRemainder`.
 * @returns The number of batches.
 * @throws {RangeError} When `count` or `batchSize` is not a valid integer.
 *
 * @example
 * ```ts
 * import { batchCount } from "./batches.ts";
 *
 * console.log(batchCount(60000, { batchSize: 128 })); // 469
 * console.log(batchCount(60000, { batchSize: 128, dropRemainder: true })); // 468
 * ```
 */
export function batchCount(
  count: number,
  options: Pick<BatchIndicesOptions, "batchSize" | "dropRemainder">,
): number {
  checkCount(count);
  checkBatchSize(options.batchSize);
  return options.dropRemainder
    ? Math.floor(count / options.batchSize)
    : Math.ceil(count / options.batchSize);
}

/**
 * Yields batches of the indices `0..count-1`, each index exactly once per
 * epoch (except those in a dropped remainder). With `shuffle` (the default)
 * the order is a Fisher-Yates shuffle seeded by `mixSeed(seed, epoch)`: the
 * same seed and epoch always give the same batches, another epoch another
 * order. Arguments are checked when called, before the first batch.
 *
 * @param count Number of items, an integer from 0 to 2^32 - 1.
 * @param options Batch size, seed, epoch, shuffle, dropRemainder.
 * @returns A generator of Uint32Array batches (fresh arrays, safe to keep).
 * @throws {RangeError} When `count`, `batchSize`, `seed` or `epoch` is not a valid integer.
 * @throws {TypeError} When shuffling without a seed.
 *
 * @example
 * ```ts
 * import { batchIndices } from "./batches.ts";
 *
 * for (let epoch = 0; epoch < 2; epoch++) {
 *   for (const batch of batchIndices(10, { batchSize: 4, seed: 42, epoch })) {
 *     console.log(epoch, batch); // sizes 4, 4, 2; a different order each epoch
 *   }
 * }
 * ```
 */
export function batchIndices(
  count: number,
  options: BatchIndicesOptions,
): Generator<Uint32Array, void, undefined> {
  const total = batchCount(count, options);
  const shuffle = options.shuffle ?? true;
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  if (shuffle) {
    if (options.seed === undefined) {
      throw new TypeError(
        "batchIndices needs a seed when shuffle is true: expected { seed: <integer> }. Pass " +
          "the run's seed (e.g. { seed: 42 }), or { shuffle: false } for the natural order.",
      );
    }
    shuffleInPlace(order, createRandom(mixSeed(options.seed, options.epoch ?? 0)));
  } else if (options.epoch !== undefined) {
    mixSeed(0, options.epoch); // validates epoch even though it is unused
  }
  return generateBatches(order, options.batchSize, total);
}

function* generateBatches(
  order: Uint32Array,
  batchSize: number,
  total: number,
): Generator<Uint32Array, void, undefined> {
  for (let batch = 0; batch < total; batch++) {
    yield order.slice(batch * batchSize, (batch + 1) * batchSize);
  }
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) {
    throw new RangeError(
      `count must be an integer from 0 to 4294967295, got ${count}. Pass the number of items ` +
        `to batch, e.g. fashion.train.count.`,
    );
  }
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `batchSize must be a positive integer, got ${batchSize}. Pass e.g. { batchSize: 128 }.`,
    );
  }
}
