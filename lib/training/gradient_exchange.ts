/**
 * The shared memory through which data-parallel training threads exchange gradients: one
 * `SharedArrayBuffer` holds, for each of two alternating steps and each thread, a slot with the
 * thread's flat gradient and loss terms, plus one arrival counter per thread. After writing its
 * slot a thread announces the step and waits (`Atomics.wait`) until every other thread has, then
 * each thread averages all slots in the same order, so every replica gets the same bits.
 *
 * Two alternating slots let a fast thread write step `k + 1` while a slower one still reads step
 * `k`; it cannot get further ahead, because step `k + 1` waits for every thread's announcement.
 *
 * @module
 */

/** Most loss terms a thread reports per step (`loss` and e.g. a VAE's `rc`, `kl`). */
export const MAX_LOSS_TERMS = 8;

/** Control words: one arrival counter per thread, then the error flag. */
const ERROR_WORD_OFFSET = 0;

/**
 * Sizes of the exchange, agreed by every thread.
 *
 * @example
 * ```ts
 * const layout: ExchangeLayout = { threads: 2, parameters: 190_885 };
 * ```
 */
export interface ExchangeLayout {
  /** Threads taking part, the main one included. */
  threads: number;
  /** Length of the flat gradient (all trainable variables, in order). */
  parameters: number;
}

/**
 * One thread's view of the exchange.
 *
 * @example
 * ```ts
 * const exchange = new GradientExchange(createExchangeBuffer(layout), layout, 0);
 * ```
 */
export class GradientExchange {
  readonly #layout: ExchangeLayout;
  readonly #thread: number;
  readonly #floats: Float32Array;
  readonly #control: Int32Array;
  readonly #slotFloats: number;

  constructor(buffer: SharedArrayBuffer, layout: ExchangeLayout, thread: number) {
    const { threads, parameters } = layout;
    if (!Number.isInteger(thread) || thread < 0 || thread >= threads) {
      throw new RangeError(`thread must be in [0, ${threads}), got ${thread}.`);
    }
    if (buffer.byteLength !== exchangeBytes(layout)) {
      throw new RangeError(
        `The exchange buffer has ${buffer.byteLength} bytes; ${exchangeBytes(layout)} expected ` +
          `for ${threads} threads and ${parameters} parameters.`,
      );
    }
    this.#layout = layout;
    this.#thread = thread;
    this.#slotFloats = parameters + MAX_LOSS_TERMS;
    const controlWords = threads + 1;
    this.#control = new Int32Array(buffer, 0, controlWords);
    this.#floats = new Float32Array(buffer, controlWords * 4, 2 * threads * this.#slotFloats);
  }

  #slot(step: number, thread: number): number {
    return ((step & 1) * this.#layout.threads + thread) * this.#slotFloats;
  }

  /** This thread's gradient area for `step`, to fill before {@link publish}. */
  gradientSlot(step: number): Float32Array {
    const start = this.#slot(step, this.#thread);
    return this.#floats.subarray(start, start + this.#layout.parameters);
  }

  /**
   * Stores this thread's loss terms for `step` and announces that its slot is complete.
   * `terms` must list the same names in the same order on every thread.
   */
  publish(step: number, terms: readonly number[]): void {
    if (terms.length > MAX_LOSS_TERMS) {
      throw new RangeError(`At most ${MAX_LOSS_TERMS} loss terms, got ${terms.length}.`);
    }
    const start = this.#slot(step, this.#thread) + this.#layout.parameters;
    this.#floats.set(terms, start);
    Atomics.store(this.#control, 1 + this.#thread, step);
    Atomics.notify(this.#control, 1 + this.#thread);
  }

  /**
   * Waits until every thread has published `step`. Throws if a thread reported an error
   * ({@link fail}) or nothing arrived within `timeoutMs`.
   */
  waitForAll(step: number, timeoutMs = 600_000): void {
    const deadline = performance.now() + timeoutMs;
    for (let thread = 0; thread < this.#layout.threads; thread++) {
      for (;;) {
        const seen = Atomics.load(this.#control, 1 + thread);
        if (seen >= step) break;
        if (Atomics.load(this.#control, ERROR_WORD_OFFSET) !== 0) {
          throw new Error(
            `Training thread ${Atomics.load(this.#control, ERROR_WORD_OFFSET) - 1} failed ` +
              `during step ${step}.`,
          );
        }
        if (performance.now() > deadline) {
          throw new Error(`Training thread ${thread} did not finish step ${step} in time.`);
        }
        Atomics.wait(this.#control, 1 + thread, seen, 100);
      }
    }
  }

  /** Marks this thread as failed, waking every thread that waits for it. */
  fail(): void {
    Atomics.store(this.#control, ERROR_WORD_OFFSET, this.#thread + 1);
    for (let thread = 0; thread < this.#layout.threads; thread++) {
      Atomics.notify(this.#control, 1 + thread);
    }
  }

  /**
   * The weighted sum `Σ_t weights[t] · gradient_t` of every thread's gradient for `step`, into
   * `target`, summed in thread order (the same bits on every thread).
   */
  averageGradients(step: number, weights: readonly number[], target: Float32Array): Float32Array {
    const { threads, parameters } = this.#layout;
    if (weights.length !== threads || target.length !== parameters) {
      throw new RangeError(
        `averageGradients needs ${threads} weights and a target of ${parameters} floats.`,
      );
    }
    const first = this.#floats.subarray(this.#slot(step, 0), this.#slot(step, 0) + parameters);
    const w0 = weights[0];
    for (let i = 0; i < parameters; i++) target[i] = first[i] * w0;
    for (let thread = 1; thread < threads; thread++) {
      const start = this.#slot(step, thread);
      const gradient = this.#floats.subarray(start, start + parameters);
      const w = weights[thread];
      for (let i = 0; i < parameters; i++) target[i] += gradient[i] * w;
    }
    return target;
  }

  /** The weighted sum of every thread's first `count` loss terms for `step`. */
  averageTerms(step: number, weights: readonly number[], count: number): number[] {
    const sums = new Array<number>(count).fill(0);
    for (let thread = 0; thread < this.#layout.threads; thread++) {
      const start = this.#slot(step, thread) + this.#layout.parameters;
      for (let k = 0; k < count; k++) sums[k] += this.#floats[start + k] * weights[thread];
    }
    return sums;
  }
}

/**
 * Bytes of the shared buffer for `layout`.
 *
 * @example
 * ```ts
 * exchangeBytes({ threads: 2, parameters: 10 }); // 12 + 4 · 2 · 2 · 18 = 300
 * ```
 */
export function exchangeBytes(layout: ExchangeLayout): number {
  const { threads, parameters } = layout;
  return 4 * (threads + 1) + 4 * 2 * threads * (parameters + MAX_LOSS_TERMS);
}

/**
 * A zeroed shared buffer for `layout`, to hand to every thread.
 *
 * @example
 * ```ts
 * const buffer = createExchangeBuffer({ threads: 2, parameters: 190_885 });
 * ```
 */
export function createExchangeBuffer(layout: ExchangeLayout): SharedArrayBuffer {
  if (!Number.isInteger(layout.threads) || layout.threads < 1) {
    throw new RangeError(`threads must be a positive integer, got ${layout.threads}.`);
  }
  if (!Number.isInteger(layout.parameters) || layout.parameters < 1) {
    throw new RangeError(`parameters must be a positive integer, got ${layout.parameters}.`);
  }
  return new SharedArrayBuffer(exchangeBytes(layout));
}
