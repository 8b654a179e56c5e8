/**
 * Command-line flags of `deno task plot`, parsed and checked without touching the process: the
 * script turns a {@link UsageError} into a message and exit code 2.
 *
 * @module
 */
import { parseFlags, pathFlag, UsageError } from "./flags.ts";

/**
 * Help text of `deno task plot`.
 *
 * @example
 * ```ts
 * console.log(PLOT_USAGE);
 * ```
 */
export const PLOT_USAGE = `Show training runs in the browser: loss and throughput per epoch, and,
when a run folder has them, its latent scatter (latents.json) and anomaly ROC
curves (anomaly/roc.json). Several runs share the curve charts, for comparison.
Each run with a checkpoint and latents.json also gets a latent explorer page:
its model runs in the browser and decodes any point of the latent map.

Usage: deno task plot [options] RUN_DIR [RUN_DIR ...]

Options:
  --explore     open the first run's latent explorer instead of the charts
  --no-open     serve without opening a browser; print the addresses to open
  --port N      port on 127.0.0.1 to serve on          [default: a free one]
  --help        show this help

Serves until Ctrl-C. Example: deno task plot runs/cae-latent2 runs/vae-latent2`;

/**
 * What {@link parsePlotArgs} returns.
 *
 * @example
 * ```ts
 * const args: PlotArgs = { help: false, directories: ["runs/cae"], open: true, explore: false, port: 0 };
 * ```
 */
export interface PlotArgs {
  help: boolean;
  /** Run folders, in the order given. */
  directories: string[];
  /** Open a browser on the page (false with --no-open). */
  open: boolean;
  /** Open (or print first) the first run's latent explorer rather than the charts. */
  explore: boolean;
  /** Port to serve on; 0 takes a free one. */
  port: number;
}

/**
 * Parses the flags of `deno task plot`.
 *
 * @throws {UsageError} For unknown flags, a bad --port, or no run folder (unless --help).
 *
 * @example
 * ```ts
 * parsePlotArgs(["--no-open", "runs/cae"]); // { help: false, directories: ["runs/cae"], open: false, explore: false, port: 0 }
 * ```
 */
export function parsePlotArgs(args: string[]): PlotArgs {
  const parsed = parseFlags({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      "no-open": { type: "boolean" },
      explore: { type: "boolean" },
      port: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const { values, positionals } = parsed;
  const help = values.help ?? false;
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new UsageError(`--port expects an integer 0–65535, got "${values.port}".`);
    }
  }
  if (positionals.length === 0 && !help) {
    throw new UsageError(
      "Give at least one run folder, e.g. deno task plot runs/cae-latent20 (ls runs lists them).",
    );
  }
  const directories = positionals.map((folder) => pathFlag("<RUN_DIR>", folder)!);
  return {
    help,
    directories,
    open: !values["no-open"],
    explore: values.explore ?? false,
    port,
  };
}
