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
import { splitAutoencoder } from "../../models/conv_autoencoder.ts";
import { loadModel } from "../../training/run_folder/checkpoint.ts";
import type { FashionMnist } from "../../data/dataset.ts";
import { pixelCodes } from "../features/feature_sets.ts";
import {
  autoencoderReconstructionMse,
  pcaReconstructionMse,
  truncatePca,
} from "../reduction/reconstruction_mse.ts";
import type { ReconstructionRow } from "./report_tables.ts";

/**
 * Names of the report's parts, in the order they run.
 *
 * @example
 * ```ts
 * REPORT_PARTS.includes("clustering"); // true
 * ```
 */
export const REPORT_PARTS = Object.freeze(
  [
    "reconstruction",
    "features",
    "clustering",
    "pretraining",
    "gradients",
  ] as const,
);

/**
 * One part of the report.
 *
 * @example
 * ```ts
 * const part: ReportPart = "pretraining";
 * ```
 */
export type ReportPart = typeof REPORT_PARTS[number];

const MODEL_NAMES: Record<string, string> = {
  cae: "CAE",
  vae: "VAE (decoded mean)",
  dense: "dense AE",
};

/**
 * What a run folder holds, read from its `config.json` and `checkpoint.json`.
 *
 * @example
 * ```ts
 * const info = await readRunInfo("runs/results-cae-latent20"); // { model: "cae", latentDim: 20, epochs: 3 }
 * ```
 */
export async function readRunInfo(
  directory: string,
): Promise<{ model: string; latentDim: number; epochs: number }> {
  try {
    const config = JSON.parse(await Deno.readTextFile(join(directory, "config.json")));
    const checkpoint = JSON.parse(await Deno.readTextFile(join(directory, "checkpoint.json")));
    return { model: config.model, latentDim: config.latentDim, epochs: checkpoint.epoch };
  } catch (error) {
    throw new Error(
      `Could not read ${directory}/config.json and checkpoint.json (${
        (error as Error).message
      }). ` +
        `Pass a run folder written by \`deno task train\` that finished at least one epoch.`,
    );
  }
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
  const pca = fitPca(train, { dimension: 784, components: Math.max(...ks) });
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
      const { encoder, decoder } = splitAutoencoder(model);
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
    try {
      report[part] = JSON.parse(await Deno.readTextFile(join(directory, `${part}.json`)));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  return report;
}
