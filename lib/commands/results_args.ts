/**
 * Command-line flags of `deno task results`, parsed and checked without touching the process: the
 * script turns a {@link UsageError} into a message, the usage, and exit code 2.
 *
 * @module
 */
import { join } from "node:path";
import { integerFlag, parseFlags, pathFlag, UsageError } from "./flags.ts";

export { UsageError };

/**
 * Help text of `deno task results`.
 *
 * @example
 * ```ts
 * console.log(RESULTS_USAGE);
 * ```
 */
export const RESULTS_USAGE =
  `Evaluate trained runs on the Fashion-MNIST test set; print a Markdown table, write JSON.

Usage: deno task results [RUN_DIR ...] [options]

  RUN_DIR        run folders to evaluate        [default: runs/results-*]
  --samples N    draws of z per test image for a VAE's −ELBO   [default: 5]
  --json PATH    where to write the numbers     [default: runs/results.json]
  --figures DIR  also write the result pictures (PNG) to DIR   [default: none]
  --help         show this help`;

/**
 * What {@link parseResultsArgs} returns.
 *
 * @example
 * ```ts
 * const args: ResultsArgs = parseResultsArgs(["runs/results-cae-latent20"]);
 * ```
 */
export interface ResultsArgs {
  help: boolean;
  /** Draws of z per test image for a VAE's −ELBO. */
  samples: number;
  /** Where the numbers go. */
  json: string;
  /** Folder for the result pictures, or undefined for none. */
  figures?: string;
  /** Run folders given; empty for the default `runs/results-*`. */
  folders: string[];
}

/**
 * Parses the flags of `deno task results`.
 *
 * @throws {UsageError} On unknown flags, a bad `--samples`, or an empty path.
 *
 * @example
 * ```ts
 * parseResultsArgs(["runs/a", "--samples", "2"]); // { samples: 2, folders: ["runs/a"], ... }
 * ```
 */
export function parseResultsArgs(argv: string[]): ResultsArgs {
  const { values, positionals } = parseFlags({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      samples: { type: "string", default: "5" },
      json: { type: "string", default: join("runs", "results.json") },
      figures: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  return {
    help: values.help,
    samples: integerFlag("samples", values.samples)!,
    json: pathFlag("json", values.json, "file")!,
    figures: pathFlag("figures", values.figures),
    folders: positionals.map((folder) => pathFlag("<RUN_DIR>", folder)!),
  };
}
