/**
 * The latent-space report of `deno task latent`: its parts (reconstruction MSE by code size,
 * latents as features, clustering, pretraining, vanishing gradients), the reconstruction
 * comparison of PCA against autoencoder runs, Markdown tables of every part (shared by the CLI and
 * the notebooks), and reading the parts saved in a report folder. Its charts are
 * `reportChartSpec` in `lib/presentation/charts/`.
 *
 * @example
 * ```ts
 * import { clusteringTable, PUBLISHED_CLUSTERING, readLatentReport } from "../lib/uses/latent_report/mod.ts";
 *
 * const report = await readLatentReport("../runs/latent-report");
 * if (report.clustering) console.log(clusteringTable(report.clustering.rows, PUBLISHED_CLUSTERING));
 * ```
 *
 * @module
 */

export { readLatentReport, reconstructionComparison } from "./latent_report.ts";
export { REPORT_PARTS, type ReportPart } from "./parts.ts";
export {
  clusteringTable,
  featureClassificationTable,
  pretrainingTable,
  PUBLISHED_CLUSTERING,
  type ReconstructionRow,
  reconstructionTable,
  vanishingGradientTable,
} from "./report_tables.ts";
