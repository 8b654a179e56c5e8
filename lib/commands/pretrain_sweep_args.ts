/**
 * Command-line flags of `deno task pretrain-sweep`, parsed and checked without touching the
 * process.
 *
 * @module
 */
import { parseFlags, pathFlag, UsageError } from "./flags.ts";
import { parseIntegerList } from "./integer_list.ts";

/** Help text of `deno task pretrain-sweep`. */
export const PRETRAIN_SWEEP_USAGE =
  `Where does autoencoder pretraining help? Train a classifier (CAE
encoder + softmax head) on a few labels per class from a random start, from a trained
autoencoder's encoder kept frozen, and from it fine-tuned; every encoder, budget and seed.
Resumable: results are saved after each classifier; run the same command to continue.

Usage: deno task pretrain-sweep [options]

  --runs LIST        trained autoencoder run folders (deno task train --model cae,
                     cae-no-bottleneck or vae; a VAE's classifier starts from its
                     posterior mean), comma-separated; runs already in sweep.json are
                     skipped, so adding a run adds only its classifiers
                     [default: runs/results-cae-latent20,runs/cae-no-bottleneck-latent20]
  --budgets LIST     labels per class                                 [default: 1,5,10,100]
  --seeds LIST       seeds (label draw, head initialisation, order)   [default: 0,1,2]
  --out DIR          output folder: sweep.json, sweep.png         [default: runs/pretraining-sweep]
  --stop-after MIN   stop cleanly before a group that would start after MIN minutes
  --limit N          use only the first N training and N test images (smoke tests)
  --help             show this help`;

/**
 * Parses the flags of `deno task pretrain-sweep`.
 *
 * @example
 * ```ts
 * parsePretrainSweepArgs(["--budgets", "1,10"]).budgets; // [1, 10]
 * ```
 */
export function parsePretrainSweepArgs(args: string[]) {
  const { values } = parseFlags({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      runs: {
        type: "string",
        default: "runs/results-cae-latent20,runs/cae-no-bottleneck-latent20",
      },
      budgets: { type: "string", default: "1,5,10,100" },
      seeds: { type: "string", default: "0,1,2" },
      out: { type: "string", default: "runs/pretraining-sweep" },
      "stop-after": { type: "string" },
      limit: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const runs = values.runs.split(",").map((run) => run.trim()).filter((run) => run !== "");
  if (runs.length === 0) throw new UsageError("--runs expects at least one run folder.");
  const single = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const values = parseIntegerList(name, text, 1);
    if (values.length !== 1) throw new UsageError(`--${name} expects one number, got "${text}".`);
    return values[0];
  };
  return {
    help: values.help,
    runs,
    budgets: parseIntegerList("budgets", values.budgets, 1),
    seeds: parseIntegerList("seeds", values.seeds, 0),
    out: pathFlag("out", values.out)!,
    stopAfterMinutes: single("stop-after", values["stop-after"]),
    limit: single("limit", values.limit),
  };
}
