/**
 * Evaluating trained autoencoders: the test loss per image (BCE, or a VAE's −ELBO with rc and
 * KL), run folders, and a Markdown results table beside the BCE floor (`datasetEntropyFloor` of
 * `lib/training/entropy_floor.ts`).
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

export { lossTermsMarkdownTable, resultsMarkdownTable } from "./results_table.ts";
export { evaluateRunFolder, readRunStatus, type RunResult, type RunStatus } from "./run_results.ts";
export {
  type ResultFigure,
  type ResultFigureModels,
  type ResultFigureOptions,
  resultFigures,
} from "../../presentation/figures/result_figures.ts";
export { evaluateTestLoss, type TestLoss, type TestLossOptions } from "./test_loss.ts";
