/**
 * The names of the files in a run folder, in one place: what `deno task train` writes after every
 * epoch, what `deno task anomaly` writes into the folder's `anomaly/` subfolder, and the optional
 * files the viewer shows.
 *
 * @module
 */

/**
 * Files of a run folder, relative to the folder.
 *
 * @example
 * ```ts
 * join("runs/cae", RUN_FILES.metrics); // "runs/cae/metrics.jsonl"
 * ```
 */
export const RUN_FILES = Object.freeze({
  /** The run's settings (`RunConfig`). */
  config: "config.json",
  /** One JSON line per completed epoch (`EpochMetrics`). */
  metrics: "metrics.jsonl",
  /** The first ten test images over their reconstructions, redrawn after every epoch. */
  reconstructions: "reconstructions.png",
  /**
   * The model's topology and weight manifest, TensorFlow.js layers format: in each checkpoint
   * folder, and in the run folder naming the weights of the last committed checkpoint.
   */
  model: "model.json",
  /** The model's weights (in a checkpoint folder), read through `model.json`. */
  weights: "weights.bin",
  /** The optimiser's weight specs (in a checkpoint folder), for `--resume`. */
  optimizer: "optimizer.json",
  /** The optimiser's state (in a checkpoint folder), for `--resume`. */
  optimizerWeights: "optimizer.bin",
  /**
   * The completed epoch, the folder of its checkpoint and the SHA-256 of each file there;
   * replacing it commits a checkpoint (see `manifest.ts`).
   */
  checkpoint: "checkpoint.json",
  /** The folder of the checkpoints, one subfolder `epoch-N/` per committed epoch (see `manifest.ts`). */
  checkpoints: "checkpoints",
  /** Optional: 2-D latent codes of test images for the viewer's scatter (see `latents_file.ts`). */
  latents: "latents.json",
  /** The subfolder of `deno task anomaly`'s files (see {@link ANOMALY_FILES}). */
  anomaly: "anomaly",
  /** Optional: ROC curves for the viewer (see `roc_file.ts`). */
  roc: "anomaly/roc.json",
});

/**
 * Files of `deno task anomaly`, relative to the run folder's `anomaly/` subfolder.
 *
 * @example
 * ```ts
 * ANOMALY_FILES.classFigure(0, "roc"); // "class-0-roc.png"
 * ```
 */
export const ANOMALY_FILES = Object.freeze({
  /** Per-class AUROC, threshold, P/R/F1 and the settings (`AnomalyReport`). */
  report: "report.json",
  /** Every score: `normal_class,seed,split,index,label,is_anomaly,score`. */
  scores: "scores.csv",
  /** Each class's ROC curve for the viewer (see `roc_file.ts`); the run folder's `anomaly/roc.json`. */
  roc: "roc.json",
  /** A class's picture: its ROC curve, score histogram or most and least anomalous images. */
  classFigure: (normalClass: number, figure: "roc" | "histogram" | "extremes"): string =>
    `class-${normalClass}-${figure}.png`,
});
