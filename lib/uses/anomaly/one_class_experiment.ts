/**
 * One run of the one-class protocol: fit a detector on one class's training images, then score
 * either the whole test set (the published protocol) or a validation split made of training images
 * only (to choose settings without looking at the test set), for every score kind at once.
 *
 * @module
 */
import type { TrainingCallbacks } from "../../training/trainer.ts";
import { type ClassificationMetrics, classificationMetrics } from "./classification_metrics.ts";
import { AutoencoderDetector, type AutoencoderDetectorOptions } from "./detector.ts";
import { type LabelledImages, type LabelledSet, oneClassData } from "./one_class_data.ts";
import { roundScore } from "./report.ts";
import { areaUnderRoc } from "./roc.ts";
import { SCORE_KINDS, type ScoreKind } from "./score_kinds.ts";

/**
 * Options of {@link runOneClassExperiment}.
 *
 * @example
 * ```ts
 * const options: OneClassExperimentOptions = { mode: "validation", epochs: 3 };
 * ```
 */
export interface OneClassExperimentOptions extends Omit<AutoencoderDetectorOptions, "callbacks"> {
  /**
   * "test": fit on all the class's training images, score the test set once.
   * "validation": hold out `validationFraction` of them, score training images only, every epoch.
   */
  mode?: "test" | "validation";
  /** Share of the normal class held out in validation mode. Default 0.2. */
  validationFraction?: number;
  /** Training callbacks (progress bars). */
  callbacks?: TrainingCallbacks[];
}

/**
 * The outcome of one class.
 *
 * @example
 * ```ts
 * const result: OneClassResult = await runOneClassExperiment(fashion, 0);
 * console.log(result.aurocByScore.mse);
 * ```
 */
export interface OneClassResult {
  normalClass: number;
  /** Seed of the detector and of the validation split. */
  seed: number;
  mode: "test" | "validation";
  /** The detector's score kind and its AUROC on the evaluated set. */
  score: ScoreKind;
  auroc: number;
  /** AUROC of every score kind on the evaluated set (after the last epoch). */
  aurocByScore: Record<ScoreKind, number>;
  /** Validation mode: AUROC of every score kind after each epoch (index 0 = epoch 1). */
  aurocByEpoch?: Record<ScoreKind, number>[];
  threshold: number;
  /** Precision/recall/F1 of the chosen score at the threshold on the evaluated set. */
  atThreshold: ClassificationMetrics;
  /** The evaluated images (test or validation): indices, labels, flags, and chosen scores. */
  evaluated: Omit<LabelledSet, "pixels"> & { scores: Float32Array };
  /** Scores of the normal training images the threshold came from. */
  trainingScores: Float32Array;
  /** Final training loss per image (summed BCE or squared error, as trained). */
  trainLoss: number;
  fitCount: number;
  seconds: number;
  /** The fitted detector when `keepDetector` was set, else undefined (already disposed). */
  detector?: AutoencoderDetector;
}

function aurocOfEveryKind(
  detector: AutoencoderDetector,
  set: LabelledSet,
): { byKind: Record<ScoreKind, number>; scores: Map<ScoreKind, Float32Array> } {
  const scores = detector.scoresOfEveryKind(set.pixels, SCORE_KINDS);
  const byKind = {} as Record<ScoreKind, number>;
  for (const kind of SCORE_KINDS) byKind[kind] = areaUnderRoc(scores.get(kind)!, set.isAnomaly);
  return { byKind, scores };
}

/**
 * Runs the one-class protocol for one class and disposes the model (unless `keepDetector`).
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const result = await runOneClassExperiment(fashion, 0, { epochs: 10, score: "mse" });
 * console.log(result.auroc, result.atThreshold.f1);
 * ```
 */
export async function runOneClassExperiment(
  data: LabelledImages,
  normalClass: number,
  options: OneClassExperimentOptions = {},
  keepDetector = false,
): Promise<OneClassResult> {
  const start = performance.now();
  const mode = options.mode ?? "test";
  const split = oneClassData(data, normalClass, {
    validationFraction: mode === "validation" ? options.validationFraction ?? 0.2 : 0,
    seed: options.seed,
  });
  const evaluatedSet = mode === "validation" ? split.validation! : split.test;
  const aurocByEpoch: Record<ScoreKind, number>[] = [];
  const callbacks: TrainingCallbacks[] = [...(options.callbacks ?? [])];
  const detector = new AutoencoderDetector({ ...options, callbacks });
  if (mode === "validation") {
    callbacks.push({
      onEpochEnd: () => {
        detector.calibrate(split.fitPixels);
        aurocByEpoch.push(aurocOfEveryKind(detector, evaluatedSet).byKind);
      },
    });
  }
  try {
    await detector.fit(split.fitPixels);
    const { byKind, scores } = aurocOfEveryKind(detector, evaluatedSet);
    const score = detector.options.score;
    // Rounded as scores.csv writes them, so that the file recomputes this AUROC exactly.
    const chosen = scores.get(score)!.map((value) => roundScore(value));
    byKind[score] = areaUnderRoc(chosen, evaluatedSet.isAnomaly);
    const { pixels: _pixels, ...described } = evaluatedSet;
    return {
      normalClass,
      seed: detector.options.seed,
      mode,
      score,
      auroc: byKind[score],
      aurocByScore: byKind,
      aurocByEpoch: mode === "validation" ? aurocByEpoch : undefined,
      threshold: detector.threshold,
      atThreshold: classificationMetrics(chosen, evaluatedSet.isAnomaly, detector.threshold),
      evaluated: { ...described, scores: chosen },
      trainingScores: detector.trainingScores,
      trainLoss: detector.history.at(-1)?.trainLoss ?? NaN,
      fitCount: split.fitIndices.length,
      seconds: (performance.now() - start) / 1000,
      detector: keepDetector ? detector : undefined,
    };
  } finally {
    if (!keepDetector) detector.dispose();
  }
}
