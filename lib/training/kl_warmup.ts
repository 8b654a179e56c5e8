/**
 * KL warm-up (also "KL annealing", Bowman et al. 2016): the weight β of the VAE's KL term rises
 * linearly from 0 to its final value over the first epochs, so that the decoder learns to use z
 * before the KL term can pull every q(z|x) onto the prior (posterior collapse).
 *
 * β depends only on the position in training (epoch and batch), never on state, so a resumed run
 * continues the same ramp.
 *
 * @module
 */

/** Options of {@link klWarmupSchedule}. */
export interface KlWarmupOptions {
  /** β after the warm-up (1 gives the −ELBO). */
  beta: number;
  /** Epochs over which β rises from 0 to `beta`; 0 means no warm-up (β constant). */
  warmupEpochs: number;
  /** Training steps (batches) per epoch. */
  batchesPerEpoch: number;
}

/** β for a training step, given the epoch (from 1) and the batch within it (from 0). */
export type BetaSchedule = (epoch: number, batch: number) => number;

/**
 * The linear warm-up of β, per step: the step numbered s (counting from 0 over the whole run,
 * s = (epoch − 1) · batchesPerEpoch + batch) trains with β · min(1, s / (warmupEpochs ·
 * batchesPerEpoch)). The first step has β = 0; from the first step of epoch `warmupEpochs + 1`
 * on, β is the final value.
 *
 * @throws {RangeError} When an option is out of range.
 *
 * @example
 * ```ts
 * const betaAt = klWarmupSchedule({ beta: 1, warmupEpochs: 2, batchesPerEpoch: 100 });
 * betaAt(1, 0); // 0
 * betaAt(1, 50); // 0.25
 * betaAt(2, 50); // 0.75
 * betaAt(3, 0); // 1
 * ```
 */
export function klWarmupSchedule(options: KlWarmupOptions): BetaSchedule {
  const { beta, warmupEpochs, batchesPerEpoch } = options;
  if (!Number.isFinite(beta) || beta < 0) {
    throw new RangeError(`klWarmupSchedule: beta must be a finite number >= 0, got ${beta}.`);
  }
  if (!Number.isFinite(warmupEpochs) || warmupEpochs < 0) {
    throw new RangeError(
      `klWarmupSchedule: warmupEpochs must be a number >= 0 (0 = no warm-up), got ${warmupEpochs}.`,
    );
  }
  if (!Number.isInteger(batchesPerEpoch) || batchesPerEpoch < 1) {
    throw new RangeError(
      `klWarmupSchedule: batchesPerEpoch must be a positive integer, got ${batchesPerEpoch}.`,
    );
  }
  const rampSteps = warmupEpochs * batchesPerEpoch;
  return (epoch, batch) => {
    if (!Number.isInteger(epoch) || epoch < 1 || !Number.isInteger(batch) || batch < 0) {
      throw new RangeError(
        `A β schedule takes an epoch from 1 and a batch from 0, got epoch ${epoch}, batch ${batch}.`,
      );
    }
    if (rampSteps === 0) return beta;
    const step = (epoch - 1) * batchesPerEpoch + batch;
    return beta * Math.min(1, step / rampSteps);
  };
}
