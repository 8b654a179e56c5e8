/**
 * Per-image losses by name, so that a worker (which cannot receive a function) can pick the same
 * loss as the main thread.
 *
 * @module
 */
import { autoencoderLoss, type PerImageLoss } from "./engine.ts";

/**
 * The losses a training engine can use by name.
 *
 * @example
 * ```ts
 * const loss = PER_IMAGE_LOSSES["autoencoder"];
 * ```
 */
export const PER_IMAGE_LOSSES = Object.freeze({
  autoencoder: autoencoderLoss,
}) satisfies Readonly<Record<string, PerImageLoss>>;

/** Name of a loss in {@link PER_IMAGE_LOSSES}. */
export type PerImageLossName = keyof typeof PER_IMAGE_LOSSES;
