/**
 * Command-line flags of `deno task anomaly`, parsed and checked without touching the process:
 * the script turns a {@link UsageError} into a message, the usage, and exit code 2.
 *
 * @module
 */
import { integerFlag, parseFlags, pathFlag, UsageError } from "./flags.ts";
import { BATCH_SIZE_MAXIMUM } from "./train_args.ts";
import { SCORE_KINDS, type ScoreKind } from "../uses/anomaly/score_kinds.ts";
import type { ThresholdRule } from "../uses/anomaly/threshold.ts";
import {
  ANOMALY_METHOD_NAMES,
  ANOMALY_METHODS,
  type AnomalyMethodName,
} from "../uses/anomaly/methods.ts";

export { UsageError };

/**
 * Defaults of `deno task anomaly`: the recipe chosen on the validation split (see the README; its
 * score and epochs come from `ANOMALY_METHODS`), the article's batch size, one seed, and a 5%
 * contamination threshold.
 *
 * @example
 * ```ts
 * console.log(ANOMALY_DEFAULTS.method, ANOMALY_DEFAULTS.epochs);
 * ```
 */
export const ANOMALY_DEFAULTS = Object.freeze({
  method: "restoration" as AnomalyMethodName,
  score: ANOMALY_METHODS.restoration.score as ScoreKind,
  epochs: ANOMALY_METHODS.restoration.epochs,
  batchSize: 32,
  seed: 0,
  contamination: 0.05,
  validationFraction: 0.2,
});

/**
 * Help text of `deno task anomaly`.
 *
 * @example
 * ```ts
 * console.log(ANOMALY_USAGE);
 * ```
 */
export const ANOMALY_USAGE = `One-class anomaly detection on Fashion-MNIST with a convolutional
autoencoder: train on the training images of one class only, then score all test images by how
badly they fit (that class normal, the nine others anomalous) and report AUROC, threshold and
P/R/F1; with several seeds, the mean ± std per class.

Usage: deno task anomaly (--normal-class C | --all) [options]

Options:
  --normal-class C        the normal class, 0-9 (0 T-shirt/top ... 9 Ankle boot)
  --all                   run all ten classes: the table and its mean AUROC
  --method NAME           recipe: model, loss, erased attribute, epochs, score  [default: ${ANOMALY_DEFAULTS.method}]
${
  ANOMALY_METHOD_NAMES.map((name) =>
    `                            ${name}: ${ANOMALY_METHODS[name].description}`
  )
    .join("\n")
}
  --score KIND            anomaly score, instead of the recipe's          [default: ${ANOMALY_DEFAULTS.score}]
                          ${SCORE_KINDS.slice(0, 5).join(", ")},
                          ${SCORE_KINDS.slice(5, 9).join(", ")},
                          ${SCORE_KINDS.slice(9).join(", ")}
  --epochs N              training epochs per class, instead of the recipe's  [default: ${ANOMALY_DEFAULTS.epochs}]
  --batch-size N          images per training step                        [default: ${ANOMALY_DEFAULTS.batchSize}]
  --seeds LIST            seeds of weights, shuffling and splits, e.g. 0,1,2: every class is run
                          with each, and the report gives mean ± std      [default: ${ANOMALY_DEFAULTS.seed}]
  --seed N                one seed (the same as --seeds N)
  --contamination F       threshold = (1-F) quantile of training scores    [default: ${ANOMALY_DEFAULTS.contamination}]
  --std-k K               threshold = mean + K*std of training scores instead
  --validate              evaluate on a validation split of the TRAINING images (held-out
                          normals + other classes' training images), every epoch; for
                          choosing settings without touching the test set
  --validation-fraction F share of the class held out with --validate      [default: ${ANOMALY_DEFAULTS.validationFraction}]
  --limit N               use only the first N training and N test images  [default: all]
  --out DIR               run folder; files go to DIR/anomaly/   [default: runs/anomaly-<time>]
                          A folder that already has some (seed, class) results with the same
                          settings is resumed: those are kept and not run again.
  --help                  show this help

Writes DIR/anomaly/report.json (per class and seed AUROC, threshold, P/R/F1, settings, mean ± std
over seeds), scores.csv (normal_class, seed, split, index, label, is_anomaly, score) and, for the
first seed, per class PNGs: class-C-roc.png, class-C-histogram.png, class-C-extremes.png.`;

/**
 * What {@link parseAnomalyArgs} returns.
 *
 * @example
 * ```ts
 * const args: AnomalyArgs = parseAnomalyArgs(["--all", "--epochs", "3"]);
 * ```
 */
export interface AnomalyArgs {
  help: boolean;
  /** Classes to run, in order. */
  classes: number[];
  /** The recipe; `score` and `epochs` start from it unless given. */
  method: AnomalyMethodName;
  score: ScoreKind;
  epochs: number;
  batchSize: number;
  /** Seeds to run every class with, in order, without repeats. */
  seeds: number[];
  thresholdRule: ThresholdRule;
  mode: "test" | "validation";
  validationFraction: number;
  limit?: number;
  /** Run folder (the files go to its `anomaly/` subfolder), or undefined for the default. */
  directory?: string;
}

function fraction(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !(value > 0 && value < 1)) {
    throw new UsageError(`--${flag} expects a number between 0 and 1 (exclusive), got "${text}".`);
  }
  return value;
}

function seedList(text: string): number[] {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) {
    throw new UsageError(
      `--seeds expects integers >= 0 separated by commas, e.g. 0,1,2; got "${text}".`,
    );
  }
  const seeds = parts.map(Number);
  if (new Set(seeds).size !== seeds.length) {
    throw new UsageError(`--seeds lists a seed twice: "${text}".`);
  }
  return seeds;
}

/**
 * Parses the flags of `deno task anomaly`.
 *
 * @throws {UsageError} On unknown flags, bad values, or neither/both of --normal-class and --all.
 *
 * @example
 * ```ts
 * parseAnomalyArgs(["--normal-class", "0", "--epochs", "2"]).classes; // [0]
 * ```
 */
export function parseAnomalyArgs(args: string[]): AnomalyArgs {
  const { values } = parseFlags({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      "normal-class": { type: "string" },
      all: { type: "boolean" },
      method: { type: "string" },
      score: { type: "string" },
      epochs: { type: "string" },
      "batch-size": { type: "string" },
      seed: { type: "string" },
      seeds: { type: "string" },
      contamination: { type: "string" },
      "std-k": { type: "string" },
      validate: { type: "boolean" },
      "validation-fraction": { type: "string" },
      limit: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const help = values.help ?? false;
  const classText = values["normal-class"];
  if (!help && (classText === undefined) === !values.all) {
    throw new UsageError(
      "Give exactly one of --normal-class C (one class, 0-9) and --all (the ten-class table).",
    );
  }
  if (classText !== undefined && !/^\d$/.test(classText)) {
    throw new UsageError(
      `--normal-class must be a class label from 0 to 9, got "${classText}" ` +
        `(0 T-shirt/top, 1 Trouser, ..., 9 Ankle boot).`,
    );
  }
  const methodText = values.method ?? ANOMALY_DEFAULTS.method;
  if (!(ANOMALY_METHOD_NAMES as string[]).includes(methodText)) {
    throw new UsageError(
      `--method must be one of ${ANOMALY_METHOD_NAMES.join(", ")}, got "${methodText}".`,
    );
  }
  const method = methodText as AnomalyMethodName;
  const score = values.score ?? ANOMALY_METHODS[method].score;
  if (!(SCORE_KINDS as readonly string[]).includes(score)) {
    throw new UsageError(`--score must be one of ${SCORE_KINDS.join(", ")}, got "${score}".`);
  }
  if (values.contamination !== undefined && values["std-k"] !== undefined) {
    throw new UsageError("Give either --contamination or --std-k: they are two threshold rules.");
  }
  const stdText = values["std-k"];
  const k = stdText === undefined ? undefined : Number(stdText);
  if (k !== undefined && (stdText?.trim() === "" || !Number.isFinite(k))) {
    throw new UsageError(`--std-k expects a number such as 2, got "${stdText}".`);
  }
  if (values["validation-fraction"] !== undefined && !values.validate) {
    throw new UsageError("--validation-fraction only applies with --validate.");
  }
  const contamination = fraction("contamination", values.contamination) ??
    ANOMALY_DEFAULTS.contamination;
  if (values.seed !== undefined && values.seeds !== undefined) {
    throw new UsageError("Give either --seed N or --seeds LIST (e.g. --seeds 0,1,2), not both.");
  }
  const seeds = values.seeds === undefined
    ? [integerFlag("seed", values.seed, 0) ?? ANOMALY_DEFAULTS.seed]
    : seedList(values.seeds);
  return {
    help,
    classes: classText === undefined
      ? Array.from({ length: 10 }, (_, label) => label)
      : [Number(classText)],
    method,
    score: score as ScoreKind,
    epochs: integerFlag("epochs", values.epochs, 1) ?? ANOMALY_METHODS[method].epochs,
    batchSize: integerFlag("batch-size", values["batch-size"], 1, BATCH_SIZE_MAXIMUM) ??
      ANOMALY_DEFAULTS.batchSize,
    seeds,
    thresholdRule: k === undefined
      ? { kind: "contamination", fraction: contamination }
      : { kind: "mean-std", k },
    mode: values.validate ? "validation" : "test",
    validationFraction: fraction("validation-fraction", values["validation-fraction"]) ??
      ANOMALY_DEFAULTS.validationFraction,
    limit: integerFlag("limit", values.limit, 1),
    directory: pathFlag("out", values.out),
  };
}

/**
 * The default run folder name: `runs/anomaly-20261129-153000`.
 *
 * @example
 * ```ts
 * defaultAnomalyDirectory(new Date());
 * ```
 */
export function defaultAnomalyDirectory(date: Date): string {
  const stamp = date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `runs/anomaly-${stamp}`;
}
