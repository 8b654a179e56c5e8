/**
 * Deterministic, seeded pseudo-randomness: the mulberry32 generator, seed
 * mixing (e.g. a run seed with an epoch number) and a Fisher-Yates shuffle.
 *
 * Not cryptographic. Fast, 32-bit state, and identical on every platform, so
 * runs are reproducible from their seed.
 *
 * @module
 */

/**
 * A function returning pseudo-random numbers in [0, 1).
 *
 * @example
 * ```ts
 * import { createRandom, type RandomSource } from "./random.ts";
 *
 * const random: RandomSource = createRandom(42);
 * console.log(random());
 * ```
 */
export type RandomSource = () => number;

/**
 * Creates a seeded pseudo-random generator (mulberry32). The same seed always
 * gives the same sequence. Seeds below 2^32 give exactly the reference
 * mulberry32 sequence; larger (or negative) safe integers are folded to 32 bits.
 *
 * @param seed Any safe integer.
 * @returns A function returning numbers in [0, 1).
 * @throws {TypeError} When `seed` is not a number.
 * @throws {RangeError} When `seed` is not a safe integer.
 *
 * @example
 * ```ts
 * import { createRandom } from "./random.ts";
 *
 * const random = createRandom(7);
 * const dice = Math.floor(random() * 6) + 1; // same value on every run
 * console.log(dice);
 * ```
 */
export function createRandom(seed: number): RandomSource {
  let state = toUint32(seed, "seed");
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Combines a seed with another integer (an epoch, a worker number) into a new
 * 32-bit seed, so that `mixSeed(seed, 0)`, `mixSeed(seed, 1)`, … start
 * unrelated sequences.
 *
 * @param seed Any safe integer.
 * @param value Any safe integer.
 * @returns A seed in [0, 2^32).
 * @throws {TypeError | RangeError} When either argument is not a safe integer.
 *
 * @example
 * ```ts
 * import { createRandom, mixSeed } from "./random.ts";
 *
 * const epochRandom = createRandom(mixSeed(1234, 3)); // the order for epoch 3 of run 1234
 * console.log(epochRandom());
 * ```
 */
export function mixSeed(seed: number, value: number): number {
  return finalize32(finalize32(toUint32(seed, "seed") ^ 0x9e3779b9) ^ toUint32(value, "value"));
}

/**
 * Shuffles an array in place with the Fisher-Yates algorithm: every order is
 * equally likely (given a good `random`).
 *
 * @param items The array (or typed array) to shuffle; modified in place.
 * @param random A source of numbers in [0, 1), e.g. from {@link createRandom}.
 * @returns The same array, for chaining.
 *
 * @example
 * ```ts
 * import { createRandom, shuffleInPlace } from "./random.ts";
 *
 * const order = shuffleInPlace(Uint32Array.from({ length: 10 }, (_, index) => index), createRandom(1));
 * console.log(order); // the same permutation of 0..9 on every run
 * ```
 */
export function shuffleInPlace<Items extends { length: number; [index: number]: unknown }>(
  items: Items,
  random: RandomSource,
): Items {
  for (let last = items.length - 1; last > 0; last--) {
    const other = Math.floor(random() * (last + 1));
    const held = items[last];
    items[last] = items[other];
    items[other] = held;
  }
  return items;
}

/** Folds a safe integer to 32 bits; values below 2^32 are kept as they are. */
function toUint32(value: number, name: string): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number, got ${typeof value}. Pass an integer, e.g. 42.`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}. Pass an integer, e.g. 42.`);
  }
  const low = value >>> 0;
  const high = Math.floor(value / 4294967296) >>> 0;
  return high === 0 ? low : (low ^ finalize32(high)) >>> 0;
}

/** The murmur3 32-bit finalizer: a bijective mix of all bits. */
function finalize32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
