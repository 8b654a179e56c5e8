/**
 * How many training threads `deno task train` uses when `--workers` is not given: the engine
 * that measured fastest. A module of its own, free of TensorFlow.js, so that the usage text can
 * name the threshold without loading the engine.
 *
 * @module
 */

/**
 * Smallest batch that {@link fastestThreadCount} trains on two threads. Below it one thread is
 * faster: each thread's fixed cost per step (about 300 kernel calls through the tfjs engine, the
 * gradient exchange and its wait) outweighs the half batch it saves. Measured for the article's
 * CAE with `cpu quiet -- deno task bench --batch-sizes 16,24,32` on the project's 2-core machine
 * (2026-12-01): two threads were 0.68x one thread at batch 16, 1.38x at 24 and 1.2-1.5x at 32
 * (README, Speed). Two threads need the second core free: beside another busy process one
 * thread can be faster (`--workers 1`).
 *
 * @example
 * ```ts
 * `--workers N  [default: 2 from batch ${TWO_THREADS_FROM_BATCH} on 2+ cores, else 1]`;
 * ```
 */
export const TWO_THREADS_FROM_BATCH = 24;

/**
 * The number of training threads that trains fastest for `batchSize` on `cores` cores: two from
 * {@link TWO_THREADS_FROM_BATCH} images a batch on 2+ cores, else one (more than two were never
 * measured). `deno task train` uses it unless `--workers` says otherwise.
 *
 * @example
 * ```ts
 * fastestThreadCount(32, 2); // 2: the article's batch trains fastest on both cores
 * fastestThreadCount(16, 2); // 1
 * fastestThreadCount(32, 1); // 1
 * ```
 */
export function fastestThreadCount(
  batchSize: number,
  cores: number = navigator.hardwareConcurrency ?? 1,
): number {
  return cores >= 2 && batchSize >= TWO_THREADS_FROM_BATCH ? 2 : 1;
}
