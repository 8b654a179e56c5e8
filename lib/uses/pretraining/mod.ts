/**
 * Pretraining: the CAE-encoder classifier with weights copied from a trained autoencoder (frozen
 * or fine-tuned) against random initialisation, over label budgets and seeds; and the
 * vanishing-gradient check on a deep sigmoid network with greedy layer-wise pretraining.
 *
 * @example
 * ```ts
 * import { comparePretraining, summarisePretraining } from "../lib/uses/pretraining/mod.ts";
 *
 * const results = comparePretraining(fashion, await loadModel("runs/results-cae-latent20"), {
 *   budgets: [10, 100], seeds: [0, 1, 2],
 * });
 * console.log(summarisePretraining(results));
 * ```
 *
 * @module
 */

export {
  classifierAccuracy,
  type ClassifierTrainingOptions,
  type LabelledImages,
  trainClassifier,
} from "./classifier_training.ts";
export {
  buildEncoderClassifier,
  CLASSIFIER_HEAD_NAME,
  type EncoderClassifierOptions,
  encoderShapeOf,
  sameLayerWeights,
  setEncoderFrozen,
  transferEncoderWeights,
} from "./encoder_classifier.ts";
export {
  type GradientNormOptions,
  type GradientNormTrace,
  meanEarlyNorms,
  trainWithGradientNorms,
} from "./gradient_norms.ts";
export {
  comparePretraining,
  defaultStepsFor,
  INITIALISATION_KINDS,
  type InitialisationKind,
  type LabelBudget,
  type PretrainingOptions,
  type PretrainingResult,
  type PretrainingSummary,
  reportStepsFor,
  summarisePretraining,
} from "./pretraining_comparison.ts";
export {
  buildSigmoidNetwork,
  type LayerwisePretrainingOptions,
  pretrainLayerwise,
  sigmoidLayerName,
  type SigmoidNetworkOptions,
} from "./sigmoid_network.ts";
export {
  compareSigmoidGradients,
  type VanishingGradientOptions,
  type VanishingGradientResult,
} from "./vanishing_gradients.ts";
export {
  runPretrainingSweep,
  summariseSweep,
  type SweepEncoder,
  type SweepOptions,
  type SweepResult,
  type SweepSummary,
} from "./pretraining_sweep.ts";
