/**
 * The test loss of a trained autoencoder, per image in nats: the summed binary cross-entropy for
 * a plain (CAE or dense) autoencoder, and for a VAE the negative ELBO, rc + KL with β = 1 whatever
 * β it was trained with, averaged over several draws of z.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { AutoencoderBundle } from "../../models/autoencoder_bundle.ts";
import { imagesToTensor } from "../../training/engine.ts";
import { perImageBinaryCrossEntropy } from "../../training/binary_cross_entropy.ts";
import type { TrainingData } from "../../training/trainer.ts";
import { vaeLoss } from "../../training/vae_loss.ts";

/**
 * Mean loss terms per image over the evaluated images.
 *
 * @example
 * ```ts
 * const result: TestLoss = { kind: "autoencoder", loss: 237.8, count: 10000, samples: 1 };
 * ```
 */
export interface TestLoss {
  /** "vae" for a model with outputs [reconstruction, mean, logVar], else "autoencoder". */
  kind: "autoencoder" | "vae";
  /** Summed BCE (autoencoder) or negative ELBO = rc + kl (VAE), mean per image. */
  loss: number;
  /** VAE: reconstruction term, E_q[−log p(x|z)] estimated with `samples` draws of z. */
  rc?: number;
  /** VAE: KL(q(z|x) ‖ N(0, I)), in closed form. */
  kl?: number;
  /** VAE: summed BCE of the image decoded from the mean of q(z|x), no sampling (like a CAE). */
  meanDecodedBce?: number;
  /** Images evaluated. */
  count: number;
  /** Draws of z per image (1 for a plain autoencoder). */
  samples: number;
}

/**
 * Options of {@link evaluateTestLoss}.
 *
 * @example
 * ```ts
 * const options: TestLossOptions = { split: "test", samples: 5 };
 * ```
 */
export interface TestLossOptions {
  /** Which split. Default "test". */
  split?: "train" | "test";
  /** VAE: draws of z per image, averaged. Default 1. */
  samples?: number;
  /** Images per batch. Default 500. */
  batchSize?: number;
  /** Only these images of the split. Default: all. */
  indices?: ArrayLike<number>;
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`evaluateTestLoss: ${name} must be a positive integer, got ${value}.`);
  }
}

/**
 * Evaluates an autoencoder bundle (`bundle.autoencoder` is the flat model as trained and saved;
 * a VAE's `encoder` and `decoder` give the decoded-mean BCE) on a split without training. Frees
 * every tensor it makes.
 *
 * @throws {RangeError} When the split is empty or an option is not a positive integer.
 * @throws {TypeError} When the model's outputs do not fit its kind (a VAE has three, the others one).
 *
 * @example
 * ```ts
 * const vae = splitAutoencoder(await loadModel("runs/results-vae-latent20"));
 * const { loss, rc, kl } = evaluateTestLoss(vae, fashion, { samples: 5 }); // −ELBO = rc + kl
 * ```
 */
export function evaluateTestLoss(
  bundle: AutoencoderBundle,
  data: TrainingData,
  options: TestLossOptions = {},
): TestLoss {
  const split = options.split ?? "test";
  const samples = options.samples ?? 1;
  const batchSize = options.batchSize ?? 500;
  checkCount("samples", samples);
  checkCount("batchSize", batchSize);
  const model = bundle.autoencoder;
  const kind = bundle.kind === "vae" ? "vae" : "autoencoder";
  const expectedOutputs = kind === "vae" ? 3 : 1;
  if (model.outputs.length !== expectedOutputs) {
    throw new TypeError(
      `evaluateTestLoss: a ${bundle.kind} model should have ${expectedOutputs} output(s) ` +
        `(${kind === "vae" ? "reconstruction, mean, logVar" : "the reconstruction"}); ` +
        `"${model.name}" has ${model.outputs.length}. Build it with buildModel("${bundle.kind}").`,
    );
  }
  const indices = options.indices ??
    Uint32Array.from({ length: data[split].count }, (_, index) => index);
  if (indices.length === 0) {
    throw new RangeError(`evaluateTestLoss: the ${split} split (or the indices) holds no images.`);
  }
  const sums = { loss: 0, rc: 0, kl: 0, meanDecodedBce: 0 };
  for (let start = 0; start < indices.length; start += batchSize) {
    const batch = Array.from(
      { length: Math.min(batchSize, indices.length - start) },
      (_, offset) => indices[start + offset],
    );
    const pixels = data.pixelsAsFloat(split, batch);
    const batchSums = tf.tidy(() => {
      const images = imagesToTensor(pixels, batch.length);
      if (kind === "autoencoder") {
        const reconstruction = model.predict(images) as tf.Tensor;
        const bce = tf.sum(perImageBinaryCrossEntropy(images, reconstruction)).dataSync()[0];
        return { loss: bce, rc: 0, kl: 0, meanDecodedBce: 0 };
      }
      let rc = 0;
      let kl = 0;
      for (let sample = 0; sample < samples; sample++) {
        const [reconstruction, mean, logVar] = model.predict(images) as tf.Tensor[];
        const terms = vaeLoss(images, reconstruction, mean as tf.Tensor2D, logVar as tf.Tensor2D);
        rc += tf.sum(terms.rc).dataSync()[0] / samples;
        kl += tf.sum(terms.kl).dataSync()[0] / samples;
      }
      const decoded = bundle.decoder.predict(bundle.encoder.predict(images) as tf.Tensor);
      const meanDecodedBce = tf.sum(perImageBinaryCrossEntropy(images, decoded as tf.Tensor))
        .dataSync()[0];
      return { loss: rc + kl, rc, kl, meanDecodedBce };
    });
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += batchSums[key];
  }
  const count = indices.length;
  if (kind === "autoencoder") return { kind, loss: sums.loss / count, count, samples: 1 };
  return {
    kind,
    loss: sums.loss / count,
    rc: sums.rc / count,
    kl: sums.kl / count,
    meanDecodedBce: sums.meanDecodedBce / count,
    count,
    samples,
  };
}
