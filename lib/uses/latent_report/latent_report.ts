/**
 * The parts of the latent-space report as functions of loaded data and models: reconstruction
 * MSE by latent size (PCA against autoencoder runs), latents as features for few-label
 * classification, k-means clustering, and the pretraining and vanishing-gradient experiments.
 * `scripts/latent.ts` calls them and writes their JSON and charts; notebooks call them on small
 * subsets.
 *
 * @module
 */
import { join } from "node:path";
import { fitPca, type PcaModel } from "../reduction/pca.ts";
import { splitAutoencoder } from "../../models/autoencoder_bundle.ts";
import type { ModelKind } from "../../models/kinds.ts";
import { DEFAULT_RUN_CONFIG } from "../../training/run_config.ts";
import { loadModel } from "../../training/run_folder/checkpoint.ts";
import { RUN_FILES } from "../../training/run_folder/files.ts";
import { RunFolderError } from "../../training/run_folder/json_checks.ts";
import { readOptionalJson } from "../../training/run_folder/read_files.ts";
import { readRunStatus, type RunStatus } from "../../training/run_folder/run_status.ts";
import { PIXELS_PER_IMAGE } from "../../data/constants.ts";
import type { FashionMnist } from "../../data/dataset.ts";
import { pixelCodes } from "../features/feature_sets.ts";
import {
  autoencoderReconstructionMse,
  pcaReconstructionMse,
  truncatePca,
} from "../reduction/reconstruction_mse.ts";
import { REPORT_PARTS, type ReportPart } from "./parts.ts";
import type { ReconstructionRow } from "./report_tables.ts";

const MODEL_NAMES: Record<string, string> = {
  cae: "CAE",
  vae: "VAE (decoded mean)",
  dense: "dense AE",
};

/**
 * What a run folder holds, read from its `config.json` and `checkpoint.json`.
 *
 * @throws {RunFolderError} When the folder is not a run folder or has not finished an epoch.
 *
 * @example
 * ```ts
 * const info = await readRunInfo("runs/results-cae-latent20"); // { model: "cae", latentDim: 20, epochs: 3 }
 * ```
 */
export async function readRunInfo(
  directory: string,
): Promise<{ model: ModelKind; latentDim: number; epochs: number }> {
  let status: RunStatus;
  try {
    status = await readRunStatus(directory);
  } catch (error) {
    throw new RunFolderError(
      `Could not read the run folder ${directory} (${(error as Error).message}) ` +
        `Pass a run folder written by \`deno task train\` that finished at least one epoch.`,
    );
  }
  if (status.completedEpochs === 0 || status.config.model === undefined) {
    throw new RunFolderError(
      `${directory} has not finished an epoch (no ${RUN_FILES.checkpoint}) or its ` +
        `${RUN_FILES.config} names no model. Pass a run folder written by \`deno task train\` ` +
        `that finished at least one epoch.`,
    );
  }
  return {
    model: status.config.model,
    latentDim: status.config.latentDim ?? DEFAULT_RUN_CONFIG.latentDim,
    epochs: status.completedEpochs,
  };
}

/**
 * Reconstruction MSE on the test images of PCA with each k in `ks` (one fit with the largest k
 * on the training pixels, truncated) and of every run folder given.
 *
 * @example
 * ```ts
 * const rows = await reconstructionComparison(fashion, [2, 64], ["runs/results-cae-latent2"]);
 * ```
 */
export async function reconstructionComparison(
  data: FashionMnist,
  ks: readonly number[],
  runDirectories: readonly string[],
  log: (line: string) => void = () => {},
): Promise<{ rows: ReconstructionRow[]; pca: PcaModel }> {
  const test = pixelCodes(data, "test").values;
  const train = pixelCodes(data, "train").values;
  const pca = fitPca(train, { dimension: PIXELS_PER_IMAGE, components: Math.max(...ks) });
  const rows: ReconstructionRow[] = ks.map((k) => ({
    method: "PCA",
    k,
    testMse: pcaReconstructionMse(truncatePca(pca, k), test),
    source: `fit on ${data.train.count} training images`,
  }));
  log(`PCA done for k = ${ks.join(", ")}.`);
  for (const directory of runDirectories) {
    const info = await readRunInfo(directory);
    const model = await loadModel(directory);
    try {
      const { encoder, decoder } = splitAutoencoder(model, info.model);
      const row: ReconstructionRow = {
        method: MODEL_NAMES[info.model] ?? info.model,
        k: info.latentDim,
        testMse: autoencoderReconstructionMse(encoder, decoder, test),
        source: `${directory} (${info.epochs} epochs)`,
      };
      rows.push(row);
      log(`${row.method} k = ${row.k}: ${row.testMse.toPrecision(3)} (${row.source})`);
    } finally {
      model.dispose();
    }
  }
  return { rows, pca };
}

/**
 * Reads the JSON parts that `deno task latent` wrote to `directory` (e.g. `runs/latent-report`);
 * parts not written yet are missing from the result, and a missing folder gives `{}`.
 *
 * @example
 * ```ts
 * const report = await readLatentReport("../runs/latent-report");
 * if (report.clustering) console.log(report.clustering.rows);
 * ```
 */
export async function readLatentReport(
  directory: string,
): Promise<Partial<Record<ReportPart, { rows?: unknown[]; [key: string]: unknown }>>> {
  const report: Partial<Record<ReportPart, { rows?: unknown[] }>> = {};
  for (const part of REPORT_PARTS) {
    const saved = await readOptionalJson(join(directory, `${part}.json`));
    if (saved !== undefined) report[part] = saved as { rows?: unknown[] };
  }
  return report;
}
