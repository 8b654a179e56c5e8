/**
 * The parts of the latent-space report, by name. Kept free of TensorFlow.js so that
 * `deno task latent` checks its `--parts` flag before loading anything heavy.
 *
 * @module
 */

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
