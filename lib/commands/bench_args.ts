/**
 * Command-line flags of `deno task bench`, parsed and checked without touching the process:
 * the script turns a {@link UsageError} into a message and exit code 2.
 *
 * @module
 */
import { integerFlag, parseFlags, UsageError } from "./flags.ts";
import { parseIntegerList } from "./integer_list.ts";

export { UsageError };

/**
 * Help text of `deno task bench`.
 *
 * @example
 * ```ts
 * console.log(BENCH_USAGE);
 * ```
 */
export const BENCH_USAGE =
  `Training throughput of the article's CAE: images/s and ms per step (median of
the timed steps after 3 warm-up steps) on one thread and on two (data parallel),
and, when Debian's python3-torch is installed, PyTorch training the same model in
the same run, with the ratio of the best of each at every batch size.

Usage: deno task bench [options]

Options:
  --steps N             timed steps per measurement                 [default: 12]
  --batch-sizes LIST    comma-separated batch sizes                 [default: 32,128]
  --profile             also print where one step's milliseconds go, per kernel
  --cpu                 also time one step of the pure-JS cpu backend (~40 s)
  --json FILE           also write the results and ratios as JSON to FILE
  --help                show this help

Absolute numbers depend on the machine and on what else runs: compare ratios
measured in one run, on a quiet machine.`;

/** Batch sizes `deno task bench` measures unless --batch-sizes says otherwise. */
export const DEFAULT_BENCH_BATCH_SIZES: readonly number[] = Object.freeze([32, 128]);

/**
 * What {@link parseBenchArgs} returns.
 *
 * @example
 * ```ts
 * const args: BenchArgs = {
 *   help: false, steps: 12, batchSizes: [32, 128], profile: false, cpu: false,
 * };
 * ```
 */
export interface BenchArgs {
  help: boolean;
  /** Timed steps per measurement. */
  steps: number;
  /** Batch sizes to measure, in the order given. */
  batchSizes: number[];
  /** Also print the per-kernel profile of one step at each batch size. */
  profile: boolean;
  /** Also time the pure-JS cpu backend. */
  cpu: boolean;
  /** File to write the JSON report to, if any. */
  json?: string;
}

/**
 * Parses the flags of `deno task bench`.
 *
 * @throws {UsageError} For an unknown flag, a missing value, or a bad --steps or --batch-sizes.
 *
 * @example
 * ```ts
 * parseBenchArgs(["--steps", "20", "--batch-sizes", "32,64"]).batchSizes; // [32, 64]
 * ```
 */
export function parseBenchArgs(args: string[]): BenchArgs {
  const { values } = parseFlags({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      steps: { type: "string" },
      "batch-sizes": { type: "string" },
      profile: { type: "boolean" },
      cpu: { type: "boolean" },
      json: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.json !== undefined && values.json.trim() === "") {
    throw new UsageError('--json expects a file name, got "".');
  }
  return {
    help: values.help ?? false,
    steps: integerFlag("steps", values.steps) ?? 12,
    batchSizes: values["batch-sizes"] === undefined
      ? [...DEFAULT_BENCH_BATCH_SIZES]
      : parseIntegerList("batch-sizes", values["batch-sizes"], 1),
    profile: values.profile ?? false,
    cpu: values.cpu ?? false,
    json: values.json,
  };
}
