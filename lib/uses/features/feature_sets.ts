/**
 * The feature types compared throughout: raw pixels, PCA scores, CAE latents and VAE means of
 * every training and test image, computed once and shared by the classification and clustering
 * experiments.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import type * as tf from "@tensorflow/tfjs";
import { encodeSplit, type LatentCodes } from "../reduction/encode_split.ts";
import { fitPca, type PcaModel, pcaTransform } from "../reduction/pca.ts";
import type { TrainingData } from "../../training/trainer.ts";
import type { FeatureSet } from "./feature_classification.ts";

function allIndices(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, index) => index);
}

/**
 * Every image of a split as 784 pixel values in [0, 1], in the layout of latent codes.
 *
 * @example
 * ```ts
 * const codes = pixelCodes(fashion, "test"); // { count: 10000, dimension: 784, values }
 * ```
 */
export function pixelCodes(data: TrainingData, split: "train" | "test"): LatentCodes {
  const count = data[split].count;
  return {
    values: data.pixelsAsFloat(split, allIndices(count)),
    count,
    dimension: PIXELS_PER_IMAGE,
  };
}

/**
 * Options of {@link buildFeatureSets}.
 *
 * @example
 * ```ts
 * const options: FeatureSetOptions = { pcaComponents: 20, encoders: [{ name: "CAE latent (20)", encoder }] };
 * ```
 */
export interface FeatureSetOptions {
  /** PCA components (fitted on the training pixels). */
  pcaComponents: number;
  /** Named encoders (image → latent, e.g. a CAE's encoder or a VAE's mean). */
  encoders: readonly { name: string; encoder: tf.LayersModel }[];
  /** A PCA already fitted with at least `pcaComponents` components, to skip refitting. */
  pca?: PcaModel;
  /**
   * Encode the training split too (needed for classifiers). Default true; false leaves each
   * set's `train` empty (count 0), enough for clustering the test split.
   */
  encodeTrain?: boolean;
}

/**
 * Builds the feature sets "raw pixels (784)", "PCA (k)" and one per encoder, for both splits.
 *
 * @example
 * ```ts
 * const sets = buildFeatureSets(fashion, {
 *   pcaComponents: 20,
 *   encoders: [{ name: "CAE latent (20)", encoder: cae.encoder }],
 * });
 * ```
 */
export function buildFeatureSets(data: TrainingData, options: FeatureSetOptions): FeatureSet[] {
  const train = pixelCodes(data, "train");
  const test = pixelCodes(data, "test");
  const pca = options.pca ??
    fitPca(train.values, { dimension: PIXELS_PER_IMAGE, components: options.pcaComponents });
  const pcaKept: PcaModel = {
    ...pca,
    componentCount: options.pcaComponents,
    components: pca.components.slice(0, options.pcaComponents * PIXELS_PER_IMAGE),
  };
  return [
    { name: `raw pixels (${PIXELS_PER_IMAGE})`, train, test },
    {
      name: `PCA (${options.pcaComponents})`,
      train: pcaTransform(pcaKept, train.values),
      test: pcaTransform(pcaKept, test.values),
    },
    ...options.encoders.map(({ name, encoder }) => {
      const test = encodeSplit(encoder, data, "test");
      const empty = { values: new Float32Array(0), count: 0, dimension: test.dimension };
      const train = options.encodeTrain === false ? empty : encodeSplit(encoder, data, "train");
      return { name, train, test };
    }),
  ];
}
