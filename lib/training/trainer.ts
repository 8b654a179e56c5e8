/**
 * The training loop: each epoch trains on shuffled batches of the training split, then evaluates
 * the test split, and reports mean losses, time and throughput through callbacks.
 *
 * @module
 */
import { batchIndices } from "../data/batches.ts";
import { TrainingDivergedError } from "./divergence.ts";
import type { LossTerms, LossWeights, TrainingEngine } from "./engine.ts";

/** The part of a dataset the trainer needs; `FashionMnist` from `lib/data` satisfies it. */
export interface TrainingData {
  train: { count: number };
  test: { count: number };
  /** Pixels of the given images, scaled to [0,1], one 784-value image after another. */
  pixelsAsFloat(split: "train" | "test", indices: ArrayLike<number>): Float32Array;
}

/** What the trainer reports after each training batch. */
export interface BatchProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Mean training loss per image so far in this epoch. */
  meanLoss: number;
  /** Loss of this batch. */
  batchLoss: number;
  imagesSeen: number;
  secondsElapsed: number;
}

/** What the trainer reports after each epoch (also one line of `metrics.jsonl`). */
export interface EpochMetrics {
  epoch: number;
  epochs: number;
  /** Mean training loss per image over the epoch (while the weights were changing). */
  trainLoss: number;
  /** Mean test loss per image after the epoch; NaN when there is no test data. */
  testLoss: number;
  /** All training loss terms (means per image), e.g. `rc` and `kl` for a VAE. */
  train: LossTerms;
  /** All test loss terms (means per image). */
  test: LossTerms;
  /** Wall time of the epoch including evaluation. */
  seconds: number;
  /** Training images per second (evaluation excluded). */
  imagesPerSecond: number;
  /** With a loss schedule ({@link FitOptions.lossWeights}): its settings at the epoch's first and last step. */
  lossWeights?: { first: LossWeights; last: LossWeights };
}

/** Hooks the trainer calls; a notebook draws live plots from them, the CLI a progress bar. */
export interface TrainingCallbacks {
  onEpochBegin?(info: { epoch: number; epochs: number; batches: number }): void | Promise<void>;
  onBatchEnd?(progress: BatchProgress): void | Promise<void>;
  onEpochEnd?(metrics: EpochMetrics): void | Promise<void>;
}

/** Options of {@link fit}. */
export interface FitOptions {
  /** Epoch to stop after (counting from 1). */
  epochs: number;
  /** Training batch size; default 32 as in the article. */
  batchSize?: number;
  /** Seed of the shuffling; each epoch mixes in its number. Default 0. */
  seed?: number;
  /** Epochs already done (when resuming); training starts at `initialEpoch + 1`. Default 0. */
  initialEpoch?: number;
  /** Batch size of the test loop; default 500. */
  evaluationBatchSize?: number;
  callbacks?: TrainingCallbacks | TrainingCallbacks[];
  /**
   * Loss settings per step, from the epoch (from 1) and the batch in it (from 0), e.g. the KL
   * warm-up's β. A function of the position only, so a resumed run continues the same schedule.
   */
  lossWeights?: (epoch: number, batch: number) => LossWeights;
}

function checkCount(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer >= ${minimum}, got ${value}.`);
  }
}

function addTerms(total: Record<string, number>, terms: LossTerms, weight: number): void {
  for (const [name, value] of Object.entries(terms)) {
    total[name] = (total[name] ?? 0) + value * weight;
  }
}

function divideTerms(total: Record<string, number>, count: number): LossTerms {
  const result: Record<string, number> = { loss: NaN };
  for (const [name, value] of Object.entries(total)) result[name] = value / count;
  return result as LossTerms;
}

/**
 * Mean loss terms per image over a whole split, without training.
 *
 * @example
 * ```ts
 * const { loss } = await evaluate(engine, data, "test");
 * ```
 */
export async function evaluate(
  engine: TrainingEngine,
  data: TrainingData,
  split: "train" | "test",
  batchSize = 500,
): Promise<LossTerms> {
  const total: Record<string, number> = {};
  const count = data[split].count;
  for (const indices of batchIndices(count, { batchSize, shuffle: false })) {
    const terms = await engine.evaluateBatch(data.pixelsAsFloat(split, indices), indices.length);
    addTerms(total, terms, 1);
  }
  return divideTerms(total, count);
}

/**
 * Trains for `epochs` epochs and returns the metrics of each. Same seed, same data and same
 * initial weights give the same losses.
 *
 * @example
 * ```ts
 * const engine = createLocalEngine({ model: buildConvAutoencoder({ seed: 0 }).autoencoder });
 * const history = await fit(engine, await loadFashionMnist({ limit: 1000 }), { epochs: 1 });
 * console.log(history[0].trainLoss, history[0].testLoss);
 * ```
 */
export async function fit(
  engine: TrainingEngine,
  data: TrainingData,
  options: FitOptions,
): Promise<EpochMetrics[]> {
  const batchSize = options.batchSize ?? 32;
  const seed = options.seed ?? 0;
  const initialEpoch = options.initialEpoch ?? 0;
  const evaluationBatchSize = options.evaluationBatchSize ?? 500;
  checkCount("epochs", options.epochs, 1);
  checkCount("batchSize", batchSize, 1);
  checkCount("initialEpoch", initialEpoch, 0);
  checkCount("evaluationBatchSize", evaluationBatchSize, 1);
  if (data.train.count < 1) {
    throw new RangeError("The training split is empty: there is nothing to train on.");
  }
  const callbacks = [options.callbacks ?? []].flat();
  const call = async <K extends keyof TrainingCallbacks>(
    name: K,
    argument: Parameters<NonNullable<TrainingCallbacks[K]>>[0],
  ) => {
    for (const callback of callbacks) {
      // deno-lint-ignore no-explicit-any
      await (callback[name] as ((value: any) => unknown) | undefined)?.call(callback, argument);
    }
  };
  const batches = Math.ceil(data.train.count / batchSize);
  const history: EpochMetrics[] = [];
  for (let epoch = initialEpoch + 1; epoch <= options.epochs; epoch++) {
    await call("onEpochBegin", { epoch, epochs: options.epochs, batches });
    const start = performance.now();
    const total: Record<string, number> = {};
    let imagesSeen = 0;
    let batch = 0;
    let firstWeights: LossWeights | undefined;
    let lastWeights: LossWeights | undefined;
    for (const indices of batchIndices(data.train.count, { batchSize, seed, epoch })) {
      lastWeights = options.lossWeights?.(epoch, batch);
      firstWeights ??= lastWeights;
      const terms = await engine.trainBatch(
        data.pixelsAsFloat("train", indices),
        indices.length,
        lastWeights,
      );
      if (!Number.isFinite(terms.loss)) {
        throw new TrainingDivergedError(
          `The training loss became ${terms.loss} at epoch ${epoch}, batch ${batch + 1} of ` +
            `${batches}: the input data or the weights hold NaN or ±Infinity, or training ` +
            `diverged.`,
          epoch,
          batch + 1,
        );
      }
      addTerms(total, terms, indices.length);
      imagesSeen += indices.length;
      batch += 1;
      await call("onBatchEnd", {
        epoch,
        epochs: options.epochs,
        batch,
        batches,
        meanLoss: total.loss / imagesSeen,
        batchLoss: terms.loss,
        imagesSeen,
        secondsElapsed: (performance.now() - start) / 1000,
      });
    }
    const trainSeconds = (performance.now() - start) / 1000;
    const test = data.test.count > 0
      ? await evaluate(engine, data, "test", evaluationBatchSize)
      : { loss: NaN };
    const train = divideTerms(total, imagesSeen);
    const metrics: EpochMetrics = {
      epoch,
      epochs: options.epochs,
      trainLoss: train.loss,
      testLoss: test.loss,
      train,
      test,
      seconds: (performance.now() - start) / 1000,
      imagesPerSecond: imagesSeen / trainSeconds,
    };
    if (firstWeights && lastWeights) {
      metrics.lossWeights = { first: firstWeights, last: lastWeights };
    }
    history.push(metrics);
    await call("onEpochEnd", metrics);
  }
  return history;
}
