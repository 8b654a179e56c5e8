/**
 * The VAE study: the 20-d VAE with and without the Dense(16) layer before its heads, each with and
 * without KL warm-up, compared on the test set by −ELBO, rc, KL, active units and KL per latent
 * dimension. The variants are ordinary run folders (`deno task train` settings), so they resume
 * and reload like any run; `scripts/vae_study.ts` trains them and writes the table.
 *
 * @module
 */
import { disposeAutoencoder, splitAutoencoder } from "../../models/autoencoder_bundle.ts";
import { withConfigDefaults } from "../../training/run_config.ts";
import { loadModel } from "../../training/run_folder/checkpoint.ts";
import { readRunConfig } from "../../training/run_folder/config_file.ts";
import { readMetrics } from "../../training/run_folder/metrics_file.ts";
import { readRunStatus } from "../../training/run_folder/run_status.ts";
import type { TrainingData } from "../../training/trainer.ts";
import { type LatentActivity, measureLatentActivity } from "./latent_activity.ts";
import { layerUnitActivity } from "../../models/unit_activity.ts";
import { evaluateTestLoss } from "./test_loss.ts";

/** One variant of the study: a name and the run settings that differ between variants. */
export interface VaeStudyVariant {
  /** Folder name inside the study folder, e.g. `dense16-warmup`. */
  name: string;
  /** Width of the Dense layer before the heads, or null for none. */
  vaeBottleneck: number | null;
  /** Epochs of KL warm-up (0 = none). */
  klWarmup: number;
}

/**
 * The four variants: with/without the Dense(16) layer × with/without `warmupEpochs` of warm-up.
 *
 * @example
 * ```ts
 * vaeStudyVariants(1).map((variant) => variant.name);
 * // ["dense16", "dense16-warmup", "direct", "direct-warmup"]
 * ```
 */
export function vaeStudyVariants(warmupEpochs: number): VaeStudyVariant[] {
  if (!(warmupEpochs > 0)) {
    throw new RangeError(
      `vaeStudyVariants: warmupEpochs must be > 0 (the warm-up variants need one), got ${warmupEpochs}.`,
    );
  }
  return [
    { name: "dense16", vaeBottleneck: 16, klWarmup: 0 },
    { name: "dense16-warmup", vaeBottleneck: 16, klWarmup: warmupEpochs },
    { name: "direct", vaeBottleneck: null, klWarmup: 0 },
    { name: "direct-warmup", vaeBottleneck: null, klWarmup: warmupEpochs },
  ];
}

/** One row of the study table. */
export interface VaeStudyRow {
  variant: string;
  vaeBottleneck: number | null;
  klWarmup: number;
  latentDim: number;
  epochs: number;
  seed: number;
  /** Images of the training split the run used. */
  limit: number | null;
  /** Test −ELBO = rc + KL per image (β = 1), rc averaged over `samples` draws of z. */
  testElbo: number;
  rc: number;
  kl: number;
  samples: number;
  activeUnits: number;
  /** Principal directions of the posterior means with variance > 0.01 (dimensions spanned). */
  activePrincipalDirections: number;
  /** With a Dense layer before the heads: its ReLU units that are 0 on every test image. */
  deadBottleneckUnits: number | null;
  /** Per latent dimension: KL(q(z_d|x) ‖ N(0,1)), mean over the test images. */
  klPerDimension: number[];
  /** Per latent dimension: variance over the test images of the posterior mean. */
  meanVariance: number[];
  /** Wall time of training, summed over the recorded epochs. */
  trainSeconds: number;
}

/**
 * Evaluates a finished VAE run folder for the study: test −ELBO, rc, KL (`samples` draws of z)
 * and the latent activity on the whole test split. Frees the model.
 *
 * @throws {Error} When the folder is not a finished VAE run.
 *
 * @example
 * ```ts
 * const row = await evaluateVaeStudyRun("runs/vae-study/direct", "direct", fashion);
 * console.log(row.testElbo, row.activeUnits);
 * ```
 */
export async function evaluateVaeStudyRun(
  directory: string,
  variant: string,
  data: TrainingData,
  options: { samples?: number } = {},
): Promise<VaeStudyRow> {
  const samples = options.samples ?? 5;
  const status = await readRunStatus(directory);
  if (!status.finished) {
    throw new Error(
      `${directory} is not finished: ${status.completedEpochs} of ${status.plannedEpochs} ` +
        `epochs completed. Resume it with deno task train --resume ${directory}.`,
    );
  }
  const config = withConfigDefaults((await readRunConfig(directory)) ?? {});
  if (config.model !== "vae") {
    throw new Error(`${directory} holds a ${config.model} run; the VAE study needs VAE runs.`);
  }
  const metrics = await readMetrics(directory);
  const bundle = splitAutoencoder(await loadModel(directory));
  try {
    const test = evaluateTestLoss(bundle, data, { split: "test", samples });
    const indices = Uint32Array.from({ length: data.test.count }, (_, index) => index);
    const pixels = data.pixelsAsFloat("test", indices);
    const activity: LatentActivity = measureLatentActivity(bundle, pixels);
    const deadBottleneckUnits = config.vaeBottleneck === null
      ? null
      : layerUnitActivity(bundle.autoencoder, "encoder_bottleneck", pixels).deadUnits;
    return {
      variant,
      vaeBottleneck: config.vaeBottleneck,
      klWarmup: config.klWarmup,
      latentDim: config.latentDim,
      epochs: status.completedEpochs,
      seed: config.seed,
      limit: config.limit,
      testElbo: test.loss,
      rc: test.rc!,
      kl: test.kl!,
      samples,
      activeUnits: activity.activeUnits,
      activePrincipalDirections: activity.activePrincipalDirections,
      deadBottleneckUnits,
      klPerDimension: Array.from(activity.klPerDimension),
      meanVariance: Array.from(activity.meanVariance),
      trainSeconds: metrics.reduce((sum, line) => sum + line.seconds, 0),
    };
  } finally {
    disposeAutoencoder(bundle);
  }
}

/**
 * The study table as CSV: one row per variant, the per-dimension KL as `kl_dim_1..kl_dim_N`
 * (numbers with 4 decimals, nats per image).
 *
 * @example
 * ```ts
 * await Deno.writeTextFile("runs/vae-study/study.csv", vaeStudyCsv(rows));
 * ```
 */
export function vaeStudyCsv(rows: readonly VaeStudyRow[]): string {
  const dims = Math.max(0, ...rows.map((row) => row.klPerDimension.length));
  const header = [
    "variant",
    "vae_bottleneck",
    "kl_warmup_epochs",
    "latent_dim",
    "epochs",
    "seed",
    "test_elbo",
    "rc",
    "kl",
    "active_units",
    "active_principal_directions",
    "dead_bottleneck_units",
    ...Array.from({ length: dims }, (_, dim) => `kl_dim_${dim + 1}`),
  ];
  const lines = rows.map((row) =>
    [
      row.variant,
      row.vaeBottleneck ?? "none",
      row.klWarmup,
      row.latentDim,
      row.epochs,
      row.seed,
      row.testElbo.toFixed(2),
      row.rc.toFixed(2),
      row.kl.toFixed(2),
      row.activeUnits,
      row.activePrincipalDirections,
      row.deadBottleneckUnits ?? "",
      ...Array.from({ length: dims }, (_, dim) => row.klPerDimension[dim]?.toFixed(4) ?? ""),
    ].join(",")
  );
  return [header.join(","), ...lines].join("\n") + "\n";
}

/**
 * The study table in Markdown (one row per variant), for the terminal and the README.
 *
 * @example
 * ```ts
 * console.log(vaeStudyMarkdownTable(rows));
 * ```
 */
export function vaeStudyMarkdownTable(rows: readonly VaeStudyRow[]): string {
  const lines = [
    "| variant | seed | KL warm-up | test −ELBO | rc | KL | active units | directions spanned | dead of Dense |",
    "| ------- | ---: | ---------: | ---------: | -: | -: | -----------: | -----------------: | ------------: |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.variant} | ${row.seed} | ` +
        `${row.klWarmup === 0 ? "none" : `${row.klWarmup} ep`} | ${row.testElbo.toFixed(1)} | ` +
        `${row.rc.toFixed(1)} | ${row.kl.toFixed(1)} | ${row.activeUnits} / ${row.latentDim} | ` +
        `${row.activePrincipalDirections} | ` +
        `${
          row.deadBottleneckUnits === null
            ? "—"
            : `${row.deadBottleneckUnits} / ${row.vaeBottleneck}`
        } |`,
    );
  }
  return lines.join("\n");
}
