/**
 * The pretraining experiment: the CAE-encoder classifier started from random weights, from a
 * trained autoencoder's encoder kept frozen, and from it fine-tuned, trained on a few labels per
 * class (or all labels) with several seeds, and scored on the test set.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { labelsPerClass } from "../features/label_draws.ts";
import { meanAndStandardDeviation } from "../features/summary_statistics.ts";
import {
  buildEncoderClassifier,
  type EncoderClassifierOptions,
  encoderShapeOf,
  setEncoderFrozen,
  transferEncoderWeights,
} from "./encoder_classifier.ts";
import { classifierAccuracy, type LabelledImages, trainClassifier } from "./classifier_training.ts";

/**
 * How the classifier's encoder starts: random, or the autoencoder's (frozen or fine-tuned).
 *
 * @example
 * ```ts
 * const kind: InitialisationKind = "pretrained-frozen";
 * ```
 */
export type InitialisationKind = "random" | "pretrained-frozen" | "pretrained-fine-tuned";

/**
 * All three initialisations, in table order.
 *
 * @example
 * ```ts
 * comparePretraining(fashion, autoencoder, { budgets: [10], seeds: [0], kinds: INITIALISATION_KINDS });
 * ```
 */
export const INITIALISATION_KINDS: readonly InitialisationKind[] = Object.freeze([
  "random",
  "pretrained-frozen",
  "pretrained-fine-tuned",
]);

/**
 * Labels per class, or "all" for the whole training split.
 *
 * @example
 * ```ts
 * const budgets: LabelBudget[] = [10, 100, 1000, "all"];
 * ```
 */
export type LabelBudget = number | "all";

/**
 * Options of {@link comparePretraining}.
 *
 * @example
 * ```ts
 * const options: PretrainingOptions = { budgets: [10, 100], seeds: [0, 1, 2] };
 * ```
 */
export interface PretrainingOptions {
  budgets: readonly LabelBudget[];
  /** One training (and, for a number budget, one label draw) per seed. */
  seeds: readonly number[];
  kinds?: readonly InitialisationKind[];
  /** Adam steps for a labelled set of `count` images. Default {@link defaultStepsFor}. */
  stepsFor?: (count: number) => number;
  /** Images per step. Default 32. */
  batchSize?: number;
  /** Adam learning rate of the trainable encoders (random, fine-tuned). Default 1e-3. */
  learningRate?: number;
  /** Adam learning rate when only the head trains (frozen). Default 1e-2: a linear head. */
  frozenLearningRate?: number;
  /** Test images to score on (the first N). Default: all. */
  testLimit?: number;
  /** Budgets ("all" included) that use only the first seed, to save compute. Default none. */
  singleSeedBudgets?: readonly LabelBudget[];
  /** Called with each result as it arrives. */
  onResult?: (result: PretrainingResult) => void;
  /** The classifier's encoder shape; must match the autoencoder's. Default: read from it. */
  classifier?: Pick<EncoderClassifierOptions, "bottleneckUnits" | "filters">;
}

/**
 * One trained classifier's outcome.
 *
 * @example
 * ```ts
 * const result: PretrainingResult = {
 *   kind: "random", budget: 10, seed: 0, labelledImages: 100, steps: 200,
 *   testAccuracy: 0.61, seconds: 12,
 * };
 * ```
 */
export interface PretrainingResult {
  kind: InitialisationKind;
  budget: LabelBudget;
  seed: number;
  labelledImages: number;
  steps: number;
  testAccuracy: number;
  seconds: number;
}

/**
 * Default step count: about three passes over the labelled images, at least 200 steps and at most
 * 1,875 (one epoch of 60,000 at batch 32).
 *
 * @example
 * ```ts
 * defaultStepsFor(100); // 200
 * defaultStepsFor(60000); // 1875
 * ```
 */
export function defaultStepsFor(count: number, batchSize = 32): number {
  return Math.min(1875, Math.max(200, Math.ceil((3 * count) / batchSize)));
}

/**
 * Trains and scores one classifier per (kind, budget, seed); the trained autoencoder's encoder
 * weights are copied into the pretrained kinds. All models are disposed.
 *
 * @example
 * ```ts
 * const results = comparePretraining(fashion, await loadModel("runs/results-cae-latent20"), {
 *   budgets: [10, 100], seeds: [0, 1, 2],
 * });
 * ```
 */
export function comparePretraining(
  data: LabelledImages,
  autoencoder: tf.LayersModel,
  options: PretrainingOptions,
): PretrainingResult[] {
  const shape = encoderShapeOf(autoencoder);
  const stepsFor = options.stepsFor ?? ((count: number) => defaultStepsFor(count, batchSize));
  const batchSize = options.batchSize ?? 32;
  const testIndices = options.testLimit === undefined ? undefined : Uint32Array.from(
    { length: Math.min(options.testLimit, data.test.count) },
    (_, index) => index,
  );
  const results: PretrainingResult[] = [];
  for (const budget of options.budgets) {
    const seeds = options.singleSeedBudgets?.includes(budget)
      ? options.seeds.slice(0, 1)
      : options.seeds;
    for (const seed of seeds) {
      const indices = budget === "all"
        ? Uint32Array.from({ length: data.train.count }, (_, index) => index)
        : labelsPerClass(data.train.labels, budget, seed);
      for (const kind of options.kinds ?? INITIALISATION_KINDS) {
        const start = performance.now();
        const classifier = buildEncoderClassifier({
          ...shape,
          ...options.classifier,
          seed: seed + 1,
        });
        try {
          if (kind !== "random") transferEncoderWeights(classifier, autoencoder);
          setEncoderFrozen(classifier, kind === "pretrained-frozen");
          const steps = stepsFor(indices.length);
          const learningRate = kind === "pretrained-frozen"
            ? options.frozenLearningRate ?? 1e-2
            : options.learningRate ?? 1e-3;
          trainClassifier(classifier, data, indices, { steps, batchSize, seed, learningRate });
          const result: PretrainingResult = {
            kind,
            budget,
            seed,
            labelledImages: indices.length,
            steps,
            testAccuracy: classifierAccuracy(classifier, data, "test", testIndices),
            seconds: (performance.now() - start) / 1000,
          };
          results.push(result);
          options.onResult?.(result);
        } finally {
          classifier.dispose();
        }
      }
    }
  }
  return results;
}

/**
 * One row of the pretraining table: mean ± standard deviation of the test accuracy over seeds.
 *
 * @example
 * ```ts
 * const row: PretrainingSummary = { kind: "random", budget: 10, runs: 3, mean: 0.6, std: 0.02 };
 * ```
 */
export interface PretrainingSummary {
  kind: InitialisationKind;
  budget: LabelBudget;
  runs: number;
  mean: number;
  std: number;
}

/**
 * Groups results by (kind, budget) and summarises their test accuracy.
 *
 * @example
 * ```ts
 * summarisePretraining(results).map((row) => `${row.kind} ${row.budget}: ${row.mean}`);
 * ```
 */
export function summarisePretraining(
  results: readonly PretrainingResult[],
): PretrainingSummary[] {
  const groups = new Map<string, PretrainingResult[]>();
  for (const result of results) {
    const key = `${result.kind}|${result.budget}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => ({
    kind: group[0].kind,
    budget: group[0].budget,
    runs: group.length,
    ...meanAndStandardDeviation(group.map((result) => result.testAccuracy)),
  }));
}

/**
 * The step counts the report uses (`deno task latent`): 200 steps for up to 1,000 labelled
 * images, 400 for up to 10,000, and one epoch at batch 32 (1,875 steps) for all 60,000.
 *
 * @example
 * ```ts
 * reportStepsFor(100); // 200
 * reportStepsFor(60000); // 1875
 * ```
 */
export function reportStepsFor(count: number): number {
  return count <= 1000 ? 200 : count <= 10000 ? 400 : Math.ceil(count / 32);
}
