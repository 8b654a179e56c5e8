/**
 * Training variants of the article's CAE under identical settings, to see what each design
 * choice costs: the 16-unit Dense bottleneck before the latent, and the latent size. Each variant
 * is built with the same seed and trained with the same data, batch size, optimiser and epochs.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type AutoencoderBundle, disposeAutoencoder } from "../models/autoencoder_bundle.ts";
import { buildConvAutoencoder } from "../models/conv_autoencoder.ts";
import { createLocalEngine } from "./engine.ts";
import { type EpochMetrics, fit, type TrainingCallbacks, type TrainingData } from "./trainer.ts";

/**
 * One variant of the CAE: its latent size and the width of the Dense layer before the latent
 * (`null`: none, the flattened convolution features go straight to the latent).
 *
 * @example
 * ```ts
 * const wide: ConvVariant = { name: "no bottleneck, latent 64", latentDim: 64, bottleneckUnits: null };
 * ```
 */
export interface ConvVariant {
  /** A short name for tables and pictures. */
  name: string;
  latentDim: number;
  bottleneckUnits: number | null;
}

/**
 * The variants notebook 03 compares: the article's (16 → 20), the same without the bottleneck,
 * latent 2 and 64 without it, and latent 64 behind the 16-unit bottleneck.
 *
 * @example
 * ```ts
 * for (const variant of CAE_VARIANTS) console.log(variant.name);
 * ```
 */
export const CAE_VARIANTS: readonly ConvVariant[] = Object.freeze([
  { name: "article: 16 → latent 20", latentDim: 20, bottleneckUnits: 16 },
  { name: "16 → latent 64", latentDim: 64, bottleneckUnits: 16 },
  { name: "latent 2, no bottleneck", latentDim: 2, bottleneckUnits: null },
  { name: "latent 20, no bottleneck", latentDim: 20, bottleneckUnits: null },
  { name: "latent 64, no bottleneck", latentDim: 64, bottleneckUnits: null },
]);

/**
 * Options of {@link trainConvVariant}; the defaults are the article's.
 *
 * @example
 * ```ts
 * const options: VariantTrainingOptions = { epochs: 2, log: console.log };
 * ```
 */
export interface VariantTrainingOptions {
  epochs: number;
  /** Default 32. */
  batchSize?: number;
  /** Seed of the initial weights and of the shuffling. Default 0. */
  seed?: number;
  /** Adam's learning rate. Default 1e-3. */
  learningRate?: number;
  /** Extra trainer callbacks. */
  callbacks?: TrainingCallbacks[];
  /** Gets one line per epoch, e.g. `console.log`. Default: no lines. */
  log?: (line: string) => void;
}

/**
 * A trained variant. The caller owns `bundle` and frees it with `disposeAutoencoder`.
 *
 * @example
 * ```ts
 * const run: VariantRun = await trainConvVariant(data, CAE_VARIANTS[0], { epochs: 1 });
 * console.log(run.testLoss);
 * disposeAutoencoder(run.bundle);
 * ```
 */
export interface VariantRun {
  variant: ConvVariant;
  /** Trainable and other weights, as Keras counts them. */
  parameterCount: number;
  history: EpochMetrics[];
  /** Mean summed BCE per test image after the last epoch. */
  testLoss: number;
  /** Wall time of all epochs, evaluation included. */
  seconds: number;
  bundle: AutoencoderBundle;
}

/**
 * A model trained elsewhere (e.g. by `loadOrTrainRun`) as a {@link VariantRun}, to compare it with
 * variants in one table: its test loss is the last epoch's, its seconds the sum of the epochs'.
 *
 * @throws {RangeError} When `history` is empty.
 *
 * @example
 * ```ts
 * const article = variantRunOf(
 *   { name: "the article's CAE", latentDim: 20, bottleneckUnits: 16 },
 *   splitAutoencoder(articleRun.model),
 *   articleRun.history,
 * );
 * await show(markdown(variantResultsTable([article, withoutDense16], fashion)));
 * ```
 */
export function variantRunOf(
  variant: ConvVariant,
  bundle: AutoencoderBundle,
  history: readonly EpochMetrics[],
): VariantRun {
  const last = history.at(-1);
  if (last === undefined) {
    throw new RangeError(
      `variantRunOf: "${variant.name}" has no epochs in its history; train it first.`,
    );
  }
  return {
    variant,
    parameterCount: bundle.autoencoder.countParams(),
    history: [...history],
    testLoss: last.testLoss,
    seconds: history.reduce((sum, metrics) => sum + metrics.seconds, 0),
    bundle,
  };
}

/**
 * Builds a variant (seeded) and trains it on `data` with the article's loss and Adam, evaluating
 * on the test split after every epoch. On error the model is freed before rethrowing.
 *
 * @throws {RangeError} When the variant's sizes or the options are not positive integers.
 *
 * @example
 * ```ts
 * const subset = await loadFashionMnist({ limit: 10_000 });
 * const run = await trainConvVariant(subset, CAE_VARIANTS[2], { epochs: 2, log: console.log });
 * ```
 */
export async function trainConvVariant(
  data: TrainingData,
  variant: ConvVariant,
  options: VariantTrainingOptions,
): Promise<VariantRun> {
  const seed = options.seed ?? 0;
  const bundle = buildConvAutoencoder({
    latentDim: variant.latentDim,
    bottleneckUnits: variant.bottleneckUnits,
    seed,
  });
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const engine = createLocalEngine({ model: bundle.autoencoder, optimizer });
  const log = options.log;
  const lines: TrainingCallbacks = {
    onEpochEnd(metrics) {
      log?.(
        `${variant.name}: epoch ${metrics.epoch}/${metrics.epochs}, train ` +
          `${metrics.trainLoss.toFixed(1)}, test ${metrics.testLoss.toFixed(1)} ` +
          `(${metrics.seconds.toFixed(0)} s)`,
      );
    },
  };
  const start = performance.now();
  try {
    const history = await fit(engine, data, {
      epochs: options.epochs,
      batchSize: options.batchSize ?? 32,
      seed,
      callbacks: [lines, ...(options.callbacks ?? [])],
    });
    return {
      variant,
      parameterCount: bundle.autoencoder.countParams(),
      history,
      testLoss: history[history.length - 1].testLoss,
      seconds: (performance.now() - start) / 1000,
      bundle,
    };
  } catch (error) {
    disposeAutoencoder(bundle);
    throw error;
  } finally {
    engine.dispose();
    optimizer.dispose();
  }
}
