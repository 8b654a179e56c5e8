/**
 * The names of the project's models (kept free of TensorFlow.js so the CLI can check flags fast).
 *
 * @module
 */

/**
 * The model kinds: the article's CAE, a dense AE, the convolutional VAE, N2D's deep dense AE
 * (784-500-500-2000-latent, linear output, trained on MSE), and the article's CAE without its
 * Dense(16) bottleneck before the latent.
 *
 * @example
 * ```ts
 * MODEL_KINDS.includes("vae"); // true
 * ```
 */
export const MODEL_KINDS = ["cae", "dense", "vae", "n2d", "cae-no-bottleneck"] as const;

/** One of {@link MODEL_KINDS}. */
export type ModelKind = typeof MODEL_KINDS[number];
