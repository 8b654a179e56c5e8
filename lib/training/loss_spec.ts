/**
 * Per-image losses chosen by a plain description, so that a worker (which cannot receive a
 * function) builds the same loss as the main thread.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { autoencoderLoss, meanSquaredErrorLoss, type PerImageLoss } from "./engine.ts";
import type { RunConfig } from "./run_config.ts";
import { vaeLoss } from "./vae_loss.ts";

/**
 * Which loss to train with: the article's reconstruction loss (summed BCE), the mean squared error
 * per pixel (N2D's), or the VAE's rc + β·kl.
 */
export type LossSpec = { name: "autoencoder" } | { name: "mse" } | { name: "vae"; beta?: number };

/**
 * The per-image loss for a {@link LossSpec}. The VAE loss reports `rc` and `kl` beside `loss`.
 *
 * @example
 * ```ts
 * const engine = createLocalEngine({ model, perImageLoss: perImageLossFor({ name: "vae" }) });
 * ```
 */
export function perImageLossFor(spec: LossSpec): PerImageLoss {
  if (spec.name === "autoencoder") return autoencoderLoss;
  if (spec.name === "mse") return meanSquaredErrorLoss;
  if (spec.name === "vae") {
    const specBeta = spec.beta ?? 1;
    return (model, images, training, weights) => {
      const beta = weights?.beta ?? specBeta;
      const outputs = model.apply(images, { training });
      if (!Array.isArray(outputs) || outputs.length !== 3) {
        throw new TypeError(
          `The VAE loss needs a model with outputs [reconstruction, mean, logVar]; ` +
            `"${model.name}" has ${Array.isArray(outputs) ? outputs.length : 1}.`,
        );
      }
      const [reconstruction, mean, logVar] = outputs as tf.Tensor[];
      const { rc, kl, total } = vaeLoss(
        images,
        reconstruction,
        mean as tf.Tensor2D,
        logVar as tf.Tensor2D,
        { beta },
      );
      return { loss: total, rc, kl };
    };
  }
  throw new TypeError(
    `Unknown loss ${
      JSON.stringify(spec)
    }; expected {name: "autoencoder"}, {name: "mse"} or {name: "vae"}.`,
  );
}

/**
 * The loss a run trains with: the VAE's rc + β·kl, N2D's mean squared error for its dense AE, or
 * the article's reconstruction loss.
 *
 * @example
 * ```ts
 * lossSpecFor({ model: "vae", beta: 1 }); // { name: "vae", beta: 1 }
 * ```
 */
export function lossSpecFor(config: Pick<RunConfig, "model" | "beta">): LossSpec {
  if (config.model === "vae") return { name: "vae", beta: config.beta };
  return config.model === "n2d" ? { name: "mse" } : { name: "autoencoder" };
}
