/**
 * The anomaly scores a detector can use, built from {@link RawScores}: plain reconstruction errors,
 * the latent Mahalanobis distance, and sums of standardised scores (each divided by its spread on
 * the normal training images, so the two parts weigh the same).
 *
 * @module
 */
import { fitLatentGaussian, type LatentGaussian, mahalanobisSquared } from "./latent_gaussian.ts";
import {
  fitLatentNeighbours,
  type LatentNeighbours,
  neighbourDistances,
} from "./latent_neighbours.ts";
import type { RawScores } from "./reconstruction_scores.ts";
import { meanAndStd } from "./threshold.ts";

/**
 * Names of the anomaly scores, in report order. A name with `+` is the sum of its parts, each
 * standardised by its mean and standard deviation on the normal training images.
 *
 * - `bce`, `mse`, `blurred-mse`: reconstruction errors (see {@link RawScores});
 * - `latent`: squared Mahalanobis distance of the code from a Gaussian fitted to training codes;
 * - `latent-knn`: mean distance to the 5 nearest training codes (axes scaled to unit spread);
 * - `pixel-knn`: mean distance to the 5 nearest normal training images, both blurred (σ = 1
 *   pixel): no model involved, a nearest-neighbour baseline that sums well with the autoencoder's
 *   blurred error.
 *
 * @example
 * ```ts
 * SCORE_KINDS.includes("mse+latent-knn"); // true
 * ```
 */
export const SCORE_KINDS = [
  "bce",
  "mse",
  "blurred-mse",
  "latent",
  "latent-knn",
  "mse+latent",
  "blurred-mse+latent",
  "mse+latent-knn",
  "blurred-mse+latent-knn",
  "pixel-knn",
  "blurred-mse+pixel-knn",
] as const;

/**
 * One of {@link SCORE_KINDS}.
 *
 * @example
 * ```ts
 * const kind: ScoreKind = "blurred-mse";
 * ```
 */
export type ScoreKind = typeof SCORE_KINDS[number];

/** The single scores that kinds are made of. */
type Component = "bce" | "mse" | "blurred-mse" | "latent" | "latent-knn" | "pixel-knn";

/**
 * Neighbours averaged by the `latent-knn` score.
 *
 * @example
 * ```ts
 * console.log(NEIGHBOUR_COUNT); // 5
 * ```
 */
export const NEIGHBOUR_COUNT = 5;

/**
 * What scoring needs to know about the normal training images.
 *
 * @example
 * ```ts
 * const reference: ScoreReference = fitScoreReference(trainingRawScores, 20);
 * ```
 */
export interface ScoreReference {
  latentGaussian: LatentGaussian;
  latentNeighbours: LatentNeighbours;
  /**
   * Mean and std of each single score on the training images (for the standardised sums);
   * `pixel-knn` only when the training raw scores had it.
   */
  spread: Partial<Record<Component, { mean: number; std: number }>>;
}

function componentScores(
  raw: RawScores,
  component: Component,
  reference: Pick<ScoreReference, "latentGaussian" | "latentNeighbours">,
  isTraining = false,
): Float32Array {
  switch (component) {
    case "bce":
      return raw.bce;
    case "mse":
      return raw.mse;
    case "blurred-mse":
      return raw.blurredMse;
    case "latent":
      return mahalanobisSquared(reference.latentGaussian, raw.latents);
    case "latent-knn":
      return neighbourDistances(
        reference.latentNeighbours,
        raw.latents,
        Math.min(NEIGHBOUR_COUNT, reference.latentNeighbours.count - 1),
        isTraining,
      );
    case "pixel-knn":
      if (raw.pixelKnn === undefined) {
        throw new RangeError(
          "The pixel-knn score needs the distances to the nearest training images (raw.pixelKnn); " +
            "score through AutoencoderDetector, which computes them.",
        );
      }
      return raw.pixelKnn;
  }
}

const COMPONENTS: Component[] = ["bce", "mse", "blurred-mse", "latent", "latent-knn", "pixel-knn"];

/**
 * Whether a score kind uses the `pixel-knn` distances (so they must be computed).
 *
 * @example
 * ```ts
 * needsPixelNeighbours("blurred-mse+pixel-knn"); // true
 * ```
 */
export function needsPixelNeighbours(kind: ScoreKind): boolean {
  return kind.split("+").includes("pixel-knn");
}

/**
 * Fits the reference (latent Gaussian, training codes, spreads) to the raw scores of normal
 * training images. Their own latent-knn scores leave each image's own code out.
 *
 * @example
 * ```ts
 * const reference = fitScoreReference(computeRawScores(bundle, trainingPixels), 20);
 * ```
 */
export function fitScoreReference(training: RawScores, latentDim: number): ScoreReference {
  const latentGaussian = fitLatentGaussian(training.latents, latentDim);
  const latentNeighbours = fitLatentNeighbours(training.latents, latentDim);
  const spread = {} as ScoreReference["spread"];
  for (const component of COMPONENTS) {
    if (component === "pixel-knn" && training.pixelKnn === undefined) continue;
    spread[component] = meanAndStd(
      componentScores(training, component, { latentGaussian, latentNeighbours }, true),
    );
  }
  return { latentGaussian, latentNeighbours, spread };
}

/**
 * The scores of one kind for images whose raw scores are given. Pass `isTraining` when the
 * images are the training images the reference was fitted on (latent-knn then skips each image's
 * own code).
 *
 * @example
 * ```ts
 * const scores = scoresOfKind(computeRawScores(bundle, testPixels), "mse+latent", reference);
 * ```
 */
export function scoresOfKind(
  raw: RawScores,
  kind: ScoreKind,
  reference: ScoreReference,
  isTraining = false,
): Float32Array {
  const parts = kind.split("+") as Component[];
  if (parts.length === 1) return componentScores(raw, parts[0], reference, isTraining);
  const result = new Float32Array(raw.count);
  for (const part of parts) {
    const values = componentScores(raw, part, reference, isTraining);
    const spread = reference.spread[part];
    if (spread === undefined) {
      throw new RangeError(
        `The score reference has no training spread of "${part}": calibrate with it computed.`,
      );
    }
    const { mean, std } = spread;
    for (let index = 0; index < result.length; index++) {
      result[index] += (values[index] - mean) / (std || 1);
    }
  }
  return result;
}
