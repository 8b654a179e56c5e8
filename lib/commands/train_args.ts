/**
 * Command-line flags of `deno task train`, parsed and checked without touching the process:
 * the script turns a {@link UsageError} into a message and exit code 2.
 *
 * @module
 */
import { integerFlag, parseFlags, pathFlag, UsageError } from "./flags.ts";
import { PIXELS_PER_IMAGE } from "../data/constants.ts";
import { MODEL_KINDS, type ModelKind } from "../models/kinds.ts";
import type { RunConfig } from "../training/run_config.ts";
import { TWO_THREADS_FROM_BATCH } from "../training/thread_count.ts";

export { UsageError };

/** Help text of `deno task train`. */
export const TRAIN_USAGE = `Train an autoencoder on Fashion-MNIST (default: the article's CAE).

Usage: deno task train [options]

Options:
  --model KIND      cae (the article's), cae-no-bottleneck (without its Dense(16) layer),
                    dense, vae, or n2d (N2D's 784-500-500-2000-latent dense AE with a
                    linear output, trained on MSE)                    [default: cae]
  --beta B          weight of the KL term of the VAE loss             [default: 1]
  --kl-warmup E     VAE: β rises linearly from 0 to B over E epochs   [default: 0, none]
  --vae-bottleneck N  VAE: a Dense(N, relu) layer before the mean and log-variance
                    heads, as in the article's CAE (N = 16); none removes it [default: none]
  --epochs N        epochs to train (total, also when resuming)     [default: 3]
  --batch-size N    images per training step, at most 1024            [default: 32]
  --latent-dim N    size of the latent vector z, at most 784          [default: 20]
  --limit N         use only the first N training and N test images   [default: all]
  --seed N          seed of the weight initialisation and shuffling   [default: 0]
  --backend NAME    wasm (fast) or cpu (pure JavaScript, very slow)   [default: wasm]
  --workers N       training threads: 1, or 2 for data parallelism
                    [default: 2 on 2+ cores from batch ${TWO_THREADS_FROM_BATCH}, else 1]
  --out DIR         run folder to write       [default: runs/<model>-latent<N>-<time>]
  --resume DIR      continue the run in DIR from its last completed epoch
  --help            show this help

Writes, after every epoch, its checkpoint in DIR/checkpoints/epoch-N/ (committed by
DIR/checkpoint.json), DIR/model.json (TensorFlow.js layers format, the committed weights),
config.json, metrics.jsonl (one line per epoch) and reconstructions.png.`;

/**
 * The largest `--latent-dim`: a latent as large as the image (784 pixels) compresses nothing.
 *
 * @example
 * ```ts
 * integerFlag("latent-dim", "20", 1, LATENT_DIM_MAXIMUM); // 20
 * ```
 */
export const LATENT_DIM_MAXIMUM = Object.freeze({
  value: PIXELS_PER_IMAGE,
  reason: `a latent as large as the ${PIXELS_PER_IMAGE}-pixel image compresses nothing`,
});

/**
 * The largest `--batch-size`: a batch of 2048 images makes the wasm backend's training kernels
 * ask for a typed array larger than 2 GiB and fail (RangeError: Invalid typed array length,
 * measured for the CAE on 2026-12-01); 1024 works.
 *
 * @example
 * ```ts
 * integerFlag("batch-size", "32", 1, BATCH_SIZE_MAXIMUM); // 32
 * ```
 */
export const BATCH_SIZE_MAXIMUM = Object.freeze({
  value: 1024,
  reason: "a batch of 2048 overflows the wasm backend's buffers",
});

/** What {@link parseTrainArgs} returns. */
export interface TrainArgs {
  help: boolean;
  /** Flags given on the command line (unset ones are left out). */
  config: Partial<RunConfig>;
  /** Run folder (from --out or --resume), or undefined for the default name. */
  directory?: string;
  resume: boolean;
  /** Training threads from --workers; undefined picks the fastest for the machine. */
  workers?: number;
}

/**
 * Parses the flags of `deno task train`.
 *
 * @example
 * ```ts
 * parseTrainArgs(["--epochs", "1", "--limit", "1000"]).config; // { epochs: 1, limit: 1000 }
 * ```
 */
export function parseTrainArgs(args: string[]): TrainArgs {
  const { values } = parseFlags({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      model: { type: "string" },
      beta: { type: "string" },
      "kl-warmup": { type: "string" },
      "vae-bottleneck": { type: "string" },
      epochs: { type: "string" },
      "batch-size": { type: "string" },
      "latent-dim": { type: "string" },
      limit: { type: "string" },
      seed: { type: "string" },
      backend: { type: "string" },
      workers: { type: "string" },
      out: { type: "string" },
      resume: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const backend = values.backend;
  if (backend !== undefined && backend !== "wasm" && backend !== "cpu") {
    throw new UsageError(`--backend must be "wasm" or "cpu", got "${backend}".`);
  }
  const out = pathFlag("out", values.out);
  const resume = pathFlag("resume", values.resume);
  if (out !== undefined && resume !== undefined && out !== resume) {
    throw new UsageError("Give either --out or --resume: --resume DIR continues DIR in place.");
  }
  const model = values.model;
  if (model !== undefined && !(MODEL_KINDS as readonly string[]).includes(model)) {
    throw new UsageError(`--model must be one of ${MODEL_KINDS.join(", ")}, got "${model}".`);
  }
  const beta = values.beta === undefined ? undefined : Number(values.beta);
  if (beta !== undefined && (!Number.isFinite(beta) || beta < 0 || values.beta?.trim() === "")) {
    throw new UsageError(`--beta expects a number >= 0, got "${values.beta}".`);
  }
  if (beta !== undefined && model !== "vae") {
    throw new UsageError("--beta only applies to --model vae.");
  }
  const klWarmupText = values["kl-warmup"];
  const klWarmup = klWarmupText === undefined ? undefined : Number(klWarmupText);
  if (
    klWarmup !== undefined &&
    (!Number.isFinite(klWarmup) || klWarmup < 0 || klWarmupText?.trim() === "")
  ) {
    throw new UsageError(
      `--kl-warmup expects a number of epochs >= 0 (0 = no warm-up), got "${klWarmupText}".`,
    );
  }
  const bottleneckText = values["vae-bottleneck"];
  let vaeBottleneck: number | null | undefined = undefined;
  if (bottleneckText === "none") vaeBottleneck = null;
  else if (bottleneckText !== undefined) {
    vaeBottleneck = Number(bottleneckText);
    if (
      !/^\d+$/.test(bottleneckText) || !Number.isSafeInteger(vaeBottleneck) || vaeBottleneck < 1
    ) {
      throw new UsageError(
        `--vae-bottleneck expects the width of the Dense layer (a positive integer, e.g. 16) ` +
          `or "none", got "${bottleneckText}".`,
      );
    }
  }
  for (const [flag, value] of [["kl-warmup", klWarmup], ["vae-bottleneck", vaeBottleneck]]) {
    if (value !== undefined && model !== "vae") {
      throw new UsageError(`--${flag} only applies to --model vae.`);
    }
  }
  const workers = integerFlag("workers", values.workers);
  if (workers !== undefined && workers > 2) {
    throw new UsageError(`--workers must be 1 or 2 (this machine has 2 cores), got ${workers}.`);
  }
  const config: Partial<RunConfig> = {
    model: model as ModelKind | undefined,
    beta,
    klWarmup,
    vaeBottleneck,
    epochs: integerFlag("epochs", values.epochs),
    batchSize: integerFlag("batch-size", values["batch-size"], 1, BATCH_SIZE_MAXIMUM),
    latentDim: integerFlag("latent-dim", values["latent-dim"], 1, LATENT_DIM_MAXIMUM),
    limit: integerFlag("limit", values.limit),
    seed: integerFlag("seed", values.seed, 0),
    backend,
  };
  for (const key of Object.keys(config) as (keyof RunConfig)[]) {
    if (config[key] === undefined) delete config[key];
  }
  return {
    help: values.help ?? false,
    config,
    directory: resume ?? out,
    resume: resume !== undefined,
    workers,
  };
}

/**
 * The default run folder name: `runs/cae-latent20-20261129-153000`.
 *
 * @example
 * ```ts
 * defaultRunDirectory("cae", 20, new Date());
 * ```
 */
export function defaultRunDirectory(model: string, latentDim: number, date: Date): string {
  const stamp = date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `runs/${model}-latent${latentDim}-${stamp}`;
}
