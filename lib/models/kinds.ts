/**
 * The names of the project's models (kept free of TensorFlow.js so the CLI can check flags fast).
 *
 * @module
 */

/**
 * The model kinds: the article's CAE, a dense AE, the convolutional VAE, and N2D's deep dense AE
 * (784-500-500-2000-latent, linear output, trained on MSE).
 *
 * @example
 * ```ts
 * MODEL_KINDS.includes("vae"); // true
 * ```
 */
export const MODEL_KINDS = ["cae", "dense", "vae", "n2d"] as const;

/** One of {@link MODEL_KINDS}. */
export type ModelKind = typeof MODEL_KINDS[number];
