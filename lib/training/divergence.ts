/**
 * The error that stops training when its numbers stop being numbers: a NaN or infinite loss, or
 * NaN or ±Infinity in the weights (which the clipped loss can hide). Kept free of TensorFlow.js so
 * that the trainer can throw it.
 *
 * @module
 */

/**
 * Training stopped because a loss or a weight became NaN or ±Infinity at `epoch`, `batch`.
 *
 * @example
 * ```ts
 * throw new TrainingDivergedError("The training loss became NaN.", 2, 17);
 * ```
 */
export class TrainingDivergedError extends Error {
  /** The epoch (from 1) in which it happened. */
  readonly epoch: number;
  /** The batch (from 1) after which it was found. */
  readonly batch: number;
  /** Creates the error. */
  constructor(message: string, epoch: number, batch: number) {
    super(message);
    this.name = "TrainingDivergedError";
    this.epoch = epoch;
    this.batch = batch;
  }
}
