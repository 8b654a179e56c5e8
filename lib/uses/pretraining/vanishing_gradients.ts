/**
 * The vanishing-gradient check: the deep sigmoid classifier started from Glorot-uniform weights
 * and from greedy layer-wise autoencoder pretraining, trained on the same few labels; reports
 * each layer's mean gradient norm over the first steps and the test accuracy at the end.
 *
 * @module
 */
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { labelsPerClass } from "../features/label_draws.ts";
import { classificationAccuracy } from "../features/softmax_regression.ts";
import * as tf from "@tensorflow/tfjs";
import { meanEarlyNorms, trainWithGradientNorms } from "./gradient_norms.ts";
import {
  buildSigmoidNetwork,
  pretrainLayerwise,
  type SigmoidNetworkOptions,
} from "./sigmoid_network.ts";
import type { LabelledImages } from "./classifier_training.ts";

/**
 * Options of {@link compareSigmoidGradients}.
 *
 * @example
 * ```ts
 * const options: VanishingGradientOptions = { seeds: [0, 1, 2], labelsPerClass: 100 };
 * ```
 */
export interface VanishingGradientOptions {
  seeds: readonly number[];
  /** Labelled images per class for the classifier. Default 100. */
  labelsPerClass?: number;
  /** Unlabelled training images for the layer-wise pretraining (the first N). Default 10,000. */
  pretrainImages?: number;
  /** Adam steps per pretrained layer. Default 300. */
  pretrainSteps?: number;
  /** Classifier steps. Default 300. */
  steps?: number;
  /** Steps averaged for the "early" gradient norms. Default 20. */
  earlySteps?: number;
  network?: Omit<SigmoidNetworkOptions, "seed">;
}

/**
 * One (initialisation, seed) outcome.
 *
 * @example
 * ```ts
 * const row: VanishingGradientResult = {
 *   initialisation: "random", seed: 0, layerNames: ["sigmoid_hidden1"], earlyNorms: [0.001],
 *   firstToLastRatio: 0.01, finalLoss: 0.5, testAccuracy: 0.7,
 * };
 * ```
 */
export interface VanishingGradientResult {
  initialisation: "random" | "layerwise-pretrained";
  seed: number;
  layerNames: string[];
  /** Mean gradient norm of each layer's kernel over the early steps, input to output. */
  earlyNorms: number[];
  /** earlyNorms[first hidden] / earlyNorms[head]. */
  firstToLastRatio: number;
  finalLoss: number;
  testAccuracy: number;
}

function flatPixels(data: LabelledImages, split: "train" | "test", count: number) {
  return data.pixelsAsFloat(split, Uint32Array.from({ length: count }, (_, index) => index));
}

/**
 * Runs the comparison for every seed (random first, then pretrained); all models are disposed.
 *
 * @example
 * ```ts
 * const rows = compareSigmoidGradients(fashion, { seeds: [0, 1, 2] });
 * ```
 */
export function compareSigmoidGradients(
  data: LabelledImages,
  options: VanishingGradientOptions,
): VanishingGradientResult[] {
  const pretrainPixels = flatPixels(
    data,
    "train",
    Math.min(options.pretrainImages ?? 10000, data.train.count),
  );
  const testPixels = flatPixels(data, "test", data.test.count);
  const results: VanishingGradientResult[] = [];
  for (const seed of options.seeds) {
    const indices = labelsPerClass(data.train.labels, options.labelsPerClass ?? 100, seed);
    const rows = data.pixelsAsFloat("train", indices);
    const labels = Array.from(indices, (index) => data.train.labels[index]);
    for (const initialisation of ["random", "layerwise-pretrained"] as const) {
      const network = buildSigmoidNetwork({ ...options.network, seed: seed + 1 });
      try {
        if (initialisation === "layerwise-pretrained") {
          pretrainLayerwise(network, pretrainPixels, { steps: options.pretrainSteps, seed });
        }
        const trace = trainWithGradientNorms(network, rows, labels, {
          steps: options.steps ?? 300,
          seed,
        });
        const earlyNorms = meanEarlyNorms(trace, options.earlySteps ?? 20);
        const predicted = tf.tidy(() =>
          tf.argMax(
            network.predict(
              tf.tensor2d(testPixels, [data.test.count, PIXELS_PER_IMAGE]),
            ) as tf.Tensor,
            1,
          )
            .dataSync()
        );
        results.push({
          initialisation,
          seed,
          layerNames: trace.layerNames,
          earlyNorms,
          firstToLastRatio: earlyNorms[0] / earlyNorms[earlyNorms.length - 1],
          finalLoss: trace.losses[trace.losses.length - 1],
          testAccuracy: classificationAccuracy(predicted, data.test.labels),
        });
      } finally {
        network.dispose();
      }
    }
  }
  return results;
}
