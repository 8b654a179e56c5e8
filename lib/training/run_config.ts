/**
 * The settings of a training run, as `deno task train` takes them and a run folder keeps them in
 * `config.json`, with the article's values as defaults.
 *
 * @module
 */
import type { ModelKind } from "../models/kinds.ts";

/**
 * Settings of a run; saved as `config.json`.
 *
 * @example
 * ```ts
 * const config: RunConfig = { ...DEFAULT_RUN_CONFIG, model: "vae", latentDim: 2 };
 * ```
 */
export interface RunConfig {
  /** Which autoencoder: the article's CAE, a dense AE or the convolutional VAE. */
  model: ModelKind;
  /** Weight of the KL term (VAE only; 1 gives the −ELBO). */
  beta: number;
  /** VAE only: epochs over which β rises linearly (per step) from 0 to `beta`; 0 = none. */
  klWarmup: number;
  /**
   * VAE only: width of a Dense ReLU layer between the encoder's convolutions and the mean and
   * log-variance heads (the article's CAE has one of 16), or null for none (the default).
   */
  vaeBottleneck: number | null;
  latentDim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Images per split, or null for the full data. */
  limit: number | null;
  backend: "wasm" | "cpu";
}

/**
 * The article's settings: CAE, latent 20, 3 epochs, batch 32, Adam(1e-3), full data.
 *
 * @example
 * ```ts
 * DEFAULT_RUN_CONFIG.batchSize; // 32
 * ```
 */
export const DEFAULT_RUN_CONFIG: RunConfig = Object.freeze({
  model: "cae",
  beta: 1,
  klWarmup: 0,
  vaeBottleneck: null,
  latentDim: 20,
  epochs: 3,
  batchSize: 32,
  learningRate: 1e-3,
  seed: 0,
  limit: null,
  backend: "wasm",
}) as RunConfig;

/**
 * A saved `config.json` with the settings added since it was written filled in as they were
 * then: no KL warm-up, and a VAE with the Dense(16) layer before its heads.
 *
 * @example
 * ```ts
 * withConfigDefaults({ ...olderConfig, model: "vae" }).vaeBottleneck; // 16
 * ```
 */
export function withConfigDefaults(saved: Partial<RunConfig>): RunConfig {
  return {
    ...saved,
    klWarmup: saved.klWarmup ?? 0,
    vaeBottleneck: saved.vaeBottleneck !== undefined
      ? saved.vaeBottleneck
      : saved.model === "vae"
      ? 16
      : null,
  } as RunConfig;
}
