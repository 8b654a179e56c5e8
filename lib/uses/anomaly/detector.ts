/**
 * An autoencoder anomaly detector in the style of PyOD: `fit` on normal images only, then
 * `scores` (higher = more anomalous), a `threshold` chosen by a rule from the training scores,
 * `predict` (score > threshold), and `evaluate` against known labels (AUROC, precision/recall/F1).
 *
 * @module
 */
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { type AutoencoderBundle, disposeAutoencoder } from "../../models/autoencoder_bundle.ts";
import {
  buildConvAutoencoder,
  type ConvAutoencoderOptions,
} from "../../models/conv_autoencoder.ts";
import { createLocalEngine } from "../../training/engine.ts";
import {
  fitPixelNeighbours,
  pixelNeighbourDistances,
  type PixelNeighbours,
} from "./pixel_neighbours.ts";
import { restorationLoss } from "./restoration.ts";
import { type EpochMetrics, fit, type TrainingCallbacks } from "../../training/trainer.ts";
import { type ClassificationMetrics, classificationMetrics } from "./classification_metrics.ts";
import { computeRawScores, type RawScores } from "./reconstruction_scores.ts";
import { areaUnderRoc } from "./roc.ts";
import {
  fitScoreReference,
  needsPixelNeighbours,
  NEIGHBOUR_COUNT,
  type ScoreKind,
  type ScoreReference,
  scoresOfKind,
} from "./score_kinds.ts";
import { DEFAULT_THRESHOLD_RULE, thresholdFromScores, type ThresholdRule } from "./threshold.ts";

/**
 * Options of {@link AutoencoderDetector}.
 *
 * @example
 * ```ts
 * const options: AutoencoderDetectorOptions = { score: "mse", epochs: 4, seed: 1 };
 * ```
 */
export interface AutoencoderDetectorOptions {
  /** Which anomaly score to use. Default "mse". */
  score?: ScoreKind;
  /** Training epochs over the normal images. Default 10. */
  epochs?: number;
  /** Images per training step. Default 32 (the article's). */
  batchSize?: number;
  /** Seed of weights and shuffling. Default 0. */
  seed?: number;
  /** The CAE's options (latent size, bottleneck, filters); default the article's CAE. */
  model?: Omit<ConvAutoencoderOptions, "seed">;
  /** Training error: the article's summed binary cross-entropy ("bce", default) or squared error. */
  loss?: "bce" | "mse";
  /**
   * Attribute erased from the training inputs, which the autoencoder learns to restore:
   * "none" (default, a plain autoencoder) or "rotation" (inputs turned by 0/90/180/270°, targets
   * upright; see `restoration.ts`).
   */
  erase?: "none" | "rotation";
  /** How to pick the threshold from training scores. Default: contamination 0.05. */
  thresholdRule?: ThresholdRule;
  /** Training callbacks (progress, live charts, per-epoch evaluation). */
  callbacks?: TrainingCallbacks | TrainingCallbacks[];
}

/**
 * What {@link AutoencoderDetector.evaluate} returns.
 *
 * @example
 * ```ts
 * const { auroc, atThreshold }: DetectorEvaluation = detector.evaluate(testPixels, isAnomaly);
 * ```
 */
export interface DetectorEvaluation {
  auroc: number;
  /** Precision, recall and F1 at the detector's threshold. */
  atThreshold: ClassificationMetrics;
}

function checkImages(caller: string, pixels: Float32Array): number {
  const count = pixels.length / PIXELS_PER_IMAGE;
  if (!Number.isInteger(count) || count === 0) {
    throw new RangeError(
      `${caller} got ${pixels.length} pixel values; expected one or more ${IMAGE_SIZE}×${IMAGE_SIZE} images ` +
        `(${PIXELS_PER_IMAGE} values each, in [0, 1]) flattened one after another.`,
    );
  }
  return count;
}

/**
 * Trains a CAE (by default the article's, with its BCE loss) on normal images and scores new ones
 * by how badly they fit. With `erase: "rotation"` and `loss: "mse"` it is an attribute-restoration
 * autoencoder: trained to turn rotated images upright, scored by how badly it rebuilds them.
 *
 * @example
 * ```ts
 * const detector = new AutoencoderDetector({ score: "mse", epochs: 5 });
 * await detector.fit(normalPixels);
 * const scores = detector.scores(testPixels);
 * const flagged = detector.predict(testPixels);
 * const { auroc, atThreshold } = detector.evaluate(testPixels, isAnomaly);
 * detector.dispose();
 * ```
 */
export class AutoencoderDetector {
  /** The settings in use, defaults filled in. */
  readonly options: Required<Omit<AutoencoderDetectorOptions, "callbacks" | "model">> & {
    model: Omit<ConvAutoencoderOptions, "seed">;
  };
  /** The autoencoder (its weights change during `fit`). */
  readonly bundle: AutoencoderBundle;
  /** Per-epoch training metrics of the last `fit`. */
  history: EpochMetrics[] = [];
  #callbacks: TrainingCallbacks | TrainingCallbacks[] | undefined;
  #reference: ScoreReference | undefined;
  #trainingScores: Float32Array | undefined;
  #threshold: number | undefined;
  /** Blurred training images for `pixel-knn`, and the distances already computed per image set. */
  #pixelNeighbours: PixelNeighbours | undefined;
  #pixelReferenceImages: Float32Array | undefined;
  #pixelDistances = new WeakMap<Float32Array, Float32Array>();

  /** Builds the untrained detector. */
  constructor(options: AutoencoderDetectorOptions = {}) {
    this.options = {
      score: options.score ?? "mse",
      epochs: options.epochs ?? 10,
      batchSize: options.batchSize ?? 32,
      seed: options.seed ?? 0,
      model: options.model ?? {},
      loss: options.loss ?? "bce",
      erase: options.erase ?? "none",
      thresholdRule: options.thresholdRule ?? DEFAULT_THRESHOLD_RULE,
    };
    this.#callbacks = options.callbacks;
    this.bundle = buildConvAutoencoder({ ...this.options.model, seed: this.options.seed });
  }

  /** Trains on normal images (pixels in [0, 1]), then calibrates scores and threshold on them. */
  async fit(normalPixels: Float32Array): Promise<this> {
    const count = checkImages("AutoencoderDetector.fit", normalPixels);
    const engine = createLocalEngine({
      model: this.bundle.autoencoder,
      perImageLoss: restorationLoss({ erase: this.options.erase, error: this.options.loss }),
    });
    const data = {
      train: { count },
      test: { count: 0 },
      pixelsAsFloat: (_split: "train" | "test", indices: readonly number[]) => {
        const batch = new Float32Array(indices.length * PIXELS_PER_IMAGE);
        indices.forEach((image, row) =>
          batch.set(
            normalPixels.subarray(image * PIXELS_PER_IMAGE, (image + 1) * PIXELS_PER_IMAGE),
            row * PIXELS_PER_IMAGE,
          )
        );
        return batch;
      },
    };
    try {
      this.history = await fit(engine, data, {
        epochs: this.options.epochs,
        batchSize: this.options.batchSize,
        seed: this.options.seed,
        callbacks: this.#callbacks,
      });
    } finally {
      engine.dispose();
    }
    this.calibrate(normalPixels);
    return this;
  }

  /**
   * Fits the score reference and the threshold to normal images with the current weights; `fit`
   * calls it. Call it yourself to score a half-trained model, e.g. after each epoch. The images
   * also become the reference of the `pixel-knn` score (each scored without itself).
   */
  calibrate(normalPixels: Float32Array): void {
    checkImages("AutoencoderDetector.calibrate", normalPixels);
    const raw = computeRawScores(this.bundle, normalPixels);
    raw.pixelKnn = this.#pixelKnn(normalPixels, true);
    this.#reference = fitScoreReference(raw, this.bundle.latentDim);
    this.#trainingScores = scoresOfKind(raw, this.options.score, this.#reference, true);
    this.#threshold = thresholdFromScores(this.#trainingScores, this.options.thresholdRule);
  }

  #requireReference(caller: string): ScoreReference {
    if (this.#reference === undefined) {
      throw new Error(`AutoencoderDetector.${caller}: call fit(normalPixels) first.`);
    }
    return this.#reference;
  }

  /** The decision threshold: scores above it are anomalies. */
  get threshold(): number {
    this.#requireReference("threshold");
    return this.#threshold as number;
  }

  /** The scores of the normal training images (what the threshold was chosen from). */
  get trainingScores(): Float32Array {
    this.#requireReference("trainingScores");
    return this.#trainingScores as Float32Array;
  }

  /**
   * Distances to the nearest calibration images, computed once per image array (the array is the
   * cache key). The calibration images themselves are scored without their own image.
   */
  #pixelKnn(pixels: Float32Array, isReference = false): Float32Array {
    if (isReference && pixels !== this.#pixelReferenceImages) {
      this.#pixelNeighbours = fitPixelNeighbours(pixels);
      this.#pixelReferenceImages = pixels;
      this.#pixelDistances = new WeakMap();
    }
    const reference = this.#pixelNeighbours;
    if (reference === undefined) {
      throw new Error("AutoencoderDetector: call fit(normalPixels) first.");
    }
    let distances = this.#pixelDistances.get(pixels);
    if (distances === undefined) {
      const k = Math.min(NEIGHBOUR_COUNT, reference.count - 1);
      const excludeSelf = pixels === this.#pixelReferenceImages;
      distances = pixelNeighbourDistances(reference, pixels, k, { excludeSelf });
      this.#pixelDistances.set(pixels, distances);
    }
    return distances;
  }

  /**
   * Raw scores (all kinds' ingredients) of images; `pixelKnn` only with `withPixelNeighbours`
   * (it takes a matrix product against every training image).
   */
  rawScores(pixels: Float32Array, withPixelNeighbours = false): RawScores {
    checkImages("AutoencoderDetector.rawScores", pixels);
    const raw = computeRawScores(this.bundle, pixels);
    if (withPixelNeighbours) {
      this.#requireReference("rawScores");
      raw.pixelKnn = this.#pixelKnn(pixels);
    }
    return raw;
  }

  /** The detector's anomaly score of each image (or of another `kind`). */
  scores(pixels: Float32Array, kind: ScoreKind = this.options.score): Float32Array {
    const reference = this.#requireReference("scores");
    return scoresOfKind(this.rawScores(pixels, needsPixelNeighbours(kind)), kind, reference);
  }

  /** Every score kind from one pass over the images. */
  scoresOfEveryKind(
    pixels: Float32Array,
    kinds: readonly ScoreKind[],
  ): Map<ScoreKind, Float32Array> {
    const reference = this.#requireReference("scoresOfEveryKind");
    const raw = this.rawScores(pixels, kinds.some(needsPixelNeighbours));
    return new Map(kinds.map((kind) => [kind, scoresOfKind(raw, kind, reference)]));
  }

  /** True for each image whose score is above the threshold. */
  predict(pixels: Float32Array): boolean[] {
    const threshold = this.threshold;
    return Array.from(this.scores(pixels), (score) => score > threshold);
  }

  /** AUROC and precision/recall/F1 at the threshold, for images with known labels. */
  evaluate(pixels: Float32Array, isAnomaly: ArrayLike<boolean>): DetectorEvaluation {
    const scores = this.scores(pixels);
    return {
      auroc: areaUnderRoc(scores, isAnomaly),
      atThreshold: classificationMetrics(scores, isAnomaly, this.threshold),
    };
  }

  /** Frees the model's weights. */
  dispose(): void {
    disposeAutoencoder(this.bundle);
  }
}
