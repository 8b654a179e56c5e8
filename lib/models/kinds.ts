/**
 * The names of the project's models (kept free of TensorFlow.js so the CLI can check flags fast).
 *
 * @module
 */

/**
 * The model kinds: the article's CAE, a dense AE, and the convolutional VAE.
 *
 * @example
 * ```ts
 * MODEL_KINDS.includes("vae"); // true
 * ```
 */
export const MODEL_KINDS = ["cae", "dense", "vae"] as const;

/** One of {@link MODEL_KINDS}. */
export type ModelKind = typeof MODEL_KINDS[number];
