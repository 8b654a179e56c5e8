/**
 * Where does pretraining help? The pretraining comparison (random start, pretrained encoder
 * frozen, pretrained and fine-tuned) swept over several autoencoders and label budgets, resumable:
 * results already in hand are skipped, each new one is reported as it arrives.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { meanAndStandardDeviation } from "../features/summary_statistics.ts";
import type { LabelledImages } from "./classifier_training.ts";
import {
  comparePretraining,
  INITIALISATION_KINDS,
  type InitialisationKind,
  type PretrainingResult,
} from "./pretraining_comparison.ts";

/**
 * One pretrained autoencoder of the sweep (a CAE, the CAE without its Dense bottleneck, or a VAE,
 * whose posterior mean the classifier starts from); the classifier takes its encoder's shape.
 *
 * @example
 * ```ts
 * const encoder: SweepEncoder = { name: "article CAE", autoencoder: await loadModel(dir), source: dir };
 * ```
 */
export interface SweepEncoder {
  name: string;
  autoencoder: tf.LayersModel;
  /** Where the autoencoder came from (a run folder and its epochs). */
  source: string;
}

/**
 * One classifier of the sweep: a pretraining result and the encoder it belongs to.
 *
 * @example
 * ```ts
 * const best = results.filter((result: SweepResult) => result.encoder === "article CAE");
 * ```
 */
export interface SweepResult extends PretrainingResult {
  encoder: string;
}

/**
 * Options of {@link runPretrainingSweep}.
 *
 * @example
 * ```ts
 * const options: SweepOptions = { budgets: [1, 5, 10, 100], seeds: [0, 1, 2] };
 * ```
 */
export interface SweepOptions {
  /** Labels per class. */
  budgets: readonly number[];
  seeds: readonly number[];
  kinds?: readonly InitialisationKind[];
  /** Adam steps for `count` labelled images. Default: comparePretraining's. */
  stepsFor?: (count: number) => number;
  /** Results from an earlier, interrupted sweep: those (encoder, kind, budget, seed) are skipped. */
  done?: readonly SweepResult[];
  /** Return before starting a (budget, seed) group once this returns true (a time budget). */
  shouldStop?: () => boolean;
  onResult?: (result: SweepResult) => void;
}

/**
 * Runs every (encoder, budget, seed, kind) classifier not in `options.done` and returns the new
 * results. The label draw depends only on (budget, seed), so every encoder and kind sees the same
 * labelled images.
 *
 * @example
 * ```ts
 * const results = runPretrainingSweep(fashion, [articleCae, noBottleneckCae], {
 *   budgets: [1, 5, 10, 100], seeds: [0, 1, 2], onResult: console.log,
 * });
 * ```
 */
export function runPretrainingSweep(
  data: LabelledImages,
  encoders: readonly SweepEncoder[],
  options: SweepOptions,
): SweepResult[] {
  const done = new Set(
    (options.done ?? []).map((result) =>
      `${result.encoder}|${result.kind}|${result.budget}|${result.seed}`
    ),
  );
  const results: SweepResult[] = [];
  for (const budget of options.budgets) {
    for (const seed of options.seeds) {
      for (const encoder of encoders) {
        const kinds = (options.kinds ?? INITIALISATION_KINDS).filter((kind) =>
          !done.has(`${encoder.name}|${kind}|${budget}|${seed}`)
        );
        if (kinds.length === 0) continue;
        if (options.shouldStop?.()) return results;
        comparePretraining(data, encoder.autoencoder, {
          budgets: [budget],
          seeds: [seed],
          kinds,
          stepsFor: options.stepsFor,
          onResult: (result) => {
            const entry = { encoder: encoder.name, ...result };
            results.push(entry);
            options.onResult?.(entry);
          },
        });
      }
    }
  }
  return results;
}

/**
 * Mean ± sample standard deviation of the test accuracy per (encoder, kind, labels per class).
 *
 * @example
 * ```ts
 * const row: SweepSummary = {
 *   encoder: "article CAE", kind: "random", budget: 10, runs: 3, mean: 0.69, std: 0.01,
 * };
 * ```
 */
export interface SweepSummary {
  encoder: string;
  kind: InitialisationKind;
  budget: number;
  runs: number;
  mean: number;
  std: number;
}

/**
 * Groups sweep results by (encoder, kind, budget), in the order they first appear.
 *
 * @example
 * ```ts
 * summariseSweep(results).filter((row) => row.budget === 1);
 * ```
 */
export function summariseSweep(results: readonly SweepResult[]): SweepSummary[] {
  const groups = new Map<string, SweepResult[]>();
  for (const result of results) {
    const key = `${result.encoder}|${result.kind}|${result.budget}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => ({
    encoder: group[0].encoder,
    kind: group[0].kind,
    budget: group[0].budget as number,
    runs: group.length,
    ...meanAndStandardDeviation(group.map((result) => result.testAccuracy)),
  }));
}
