/**
 * A cheap watch for NaN and ±Infinity in the weights while training: the loss alone cannot show
 * them, because predictions are clipped to [1e-7, 1−1e-7] and `clip(NaN)` is a finite number. A
 * non-finite gradient shows up here too, since Adam turns it into non-finite weights at once.
 *
 * One check multiplies every weight by 0 and sums the products in one pass (NaN·0 and ±∞·0 are
 * NaN, every finite x·0 is 0) and reads back one number; it runs every `everyBatches` batches and
 * after the last batch of each epoch, before the epoch's checkpoint is saved.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { TrainingDivergedError } from "./divergence.ts";
import type { TrainingEngine } from "./engine.ts";
import type { TrainingCallbacks } from "./trainer.ts";

/**
 * True when every value of every tensor is finite: one fused reduction, one number read back.
 *
 * @example
 * ```ts
 * allFinite(model.trainableWeights.map((weight) => weight.read())); // true
 * ```
 */
export function allFinite(tensors: readonly tf.Tensor[]): boolean {
  if (tensors.length === 0) return true;
  const total = tf.tidy(() =>
    tf.addN(tensors.map((tensor) => tf.sum(tf.mul(tensor, tf.scalar(0, tensor.dtype)))))
  );
  const value = total.dataSync()[0];
  total.dispose();
  return value === 0;
}

/**
 * The names of the tensors holding NaN or ±Infinity (slower than {@link allFinite}: for the
 * message once something was found).
 *
 * @example
 * ```ts
 * nonFiniteNames(model.trainableWeights.map((w) => ({ name: w.name, tensor: w.read() })));
 * ```
 */
export function nonFiniteNames(tensors: readonly { name: string; tensor: tf.Tensor }[]): string[] {
  return tensors.filter(({ tensor }) => !allFinite([tensor])).map(({ name }) => name);
}

/** Options of {@link createFiniteGuard}. */
export interface FiniteGuardOptions {
  /** The model being trained (its weights are checked). */
  model: tf.LayersModel;
  /** The engine training it (asked to sync the model's weights before each check). */
  engine: TrainingEngine;
  /** Check every this many batches (and after each epoch's last batch). Default 50. */
  everyBatches?: number;
}

/**
 * Trainer callbacks that check the model's weights every `everyBatches` batches and after each
 * epoch's last batch, and throw a {@link TrainingDivergedError} naming the non-finite weights.
 *
 * @example
 * ```ts
 * const guard = createFiniteGuard({ model, engine, everyBatches: 50 });
 * await fit(engine, data, { epochs: 3, callbacks: [guard] });
 * ```
 */
export function createFiniteGuard(options: FiniteGuardOptions): TrainingCallbacks {
  const { model, engine } = options;
  const everyBatches = options.everyBatches ?? 50;
  if (!Number.isInteger(everyBatches) || everyBatches < 1) {
    throw new RangeError(`everyBatches must be a positive integer, got ${everyBatches}.`);
  }
  return {
    async onBatchEnd({ epoch, batch, batches }) {
      if (batch % everyBatches !== 0 && batch !== batches) return;
      await engine.syncModel();
      const weights = model.trainableWeights.map((weight) => weight.read());
      if (allFinite(weights)) return;
      const names = nonFiniteNames(
        model.trainableWeights.map((weight) => ({ name: weight.name, tensor: weight.read() })),
      );
      throw new TrainingDivergedError(
        `The model's weights became NaN or ±Infinity by epoch ${epoch}, batch ${batch} of ` +
          `${batches} (in ${names.slice(0, 3).join(", ")}${
            names.length > 3 ? ` and ${names.length - 3} more` : ""
          }), although the loss may have looked finite: predictions are clipped, which hides ` +
          `NaN.`,
        epoch,
        batch,
      );
    },
  };
}
