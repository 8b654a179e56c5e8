/**
 * Evaluating trained autoencoders: reconstructions with the per-image loss, the test loss per
 * image (BCE, or a VAE's −ELBO with rc and KL), where the loss above the floor lies, how sharp
 * reconstructions are, run folders, and a Markdown results table beside the BCE floor
 * (`datasetEntropyFloor` of `lib/training/entropy_floor.ts`); for a VAE, its active units and KL
 * per latent dimension, and the VAE study's table.
 *
 * @example
 * ```ts
 * import { evaluateRunFolder, resultsMarkdownTable } from "../lib/uses/evaluation/mod.ts";
 * import { datasetEntropyFloor } from "../lib/training/entropy_floor.ts";
 *
 * const floor = datasetEntropyFloor(fashion, "test"); // ≈ 189.9 on the full test set
 * const results = [await evaluateRunFolder("runs/results-vae-latent20", fashion, { samples: 5 })];
 * console.log(resultsMarkdownTable(results, floor));
 * ```
 *
 * @module
 */

export { excessLossByTarget, type ExcessLossGroup } from "./excess_loss.ts";
export { reconstructImages, type Reconstructions } from "./reconstruct.ts";
export { lossTermsMarkdownTable, resultsMarkdownTable } from "./results_table.ts";
export { evaluateRunFolder, type RunResult } from "./run_results.ts";
export { compareSharpness, edgeEnergy, type SharpnessComparison } from "./sharpness.ts";
export { evaluateTestLoss, type TestLoss, type TestLossOptions } from "./test_loss.ts";
export {
  ACTIVE_UNIT_THRESHOLD,
  type LatentActivity,
  latentActivity,
  measureLatentActivity,
} from "./latent_activity.ts";
export {
  evaluateVaeStudyRun,
  vaeStudyCsv,
  vaeStudyMarkdownTable,
  type VaeStudyRow,
  type VaeStudyVariant,
  vaeStudyVariants,
} from "./vae_study.ts";
