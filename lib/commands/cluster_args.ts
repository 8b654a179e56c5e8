/**
 * Command-line flags of `deno task cluster` (N2D: autoencoder → UMAP → Gaussian mixture), parsed
 * and checked without touching the process.
 *
 * @module
 */
import { parseFlags, pathFlag, UsageError } from "./flags.ts";
import { parseIntegerList } from "./integer_list.ts";

/** Help text of `deno task cluster`. */
export const CLUSTER_USAGE = `Cluster Fashion-MNIST as N2D does: train N2D's dense autoencoder
(784-500-500-2000-10, MSE) on the 60,000 training images, embed the codes with UMAP (10-d,
20 neighbours, min_dist 0), fit a full-covariance Gaussian mixture, score ACC / NMI / ARI.
Resumable: run the same command again to continue.

Usage: deno task cluster [options]

  --seeds LIST        seeds (autoencoder init and shuffling, UMAP, mixture)  [default: 0,1,2]
  --epochs N          epochs to train each autoencoder; its clustering is the result
                                                                        [default: 20]
  --score-epochs LIST also cluster after these epochs (epochs-vs-score curve)
                                                                 [default: 1,2,5,10]
  --images WHICH      test (the 10,000 test images) or all (all 70,000)   [default: test]
  --covariance KIND   full or diagonal Gaussian mixture                   [default: full]
  --umap-epochs N     UMAP epochs [default: umap-learn's: 500 up to 10,000 points, else 200]
  --runs DIR          folder of the autoencoder runs (DIR/n2d-seed<N>)     [default: runs]
  --out DIR           report folder: report.json, assignments-seed<N>.csv
                                                          [default: runs/n2d-clustering]
  --stop-after MIN    stop cleanly before work that would end after MIN minutes
  --limit N           use only the first N training and N test images (smoke tests)
  --help              show this help`;

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--${name} expects a positive integer, got "${text}".`);
  }
  return value;
}

/**
 * Parses the flags of `deno task cluster`.
 *
 * @example
 * ```ts
 * parseClusterArgs(["--seeds", "0", "--epochs", "5"]).seeds; // [0]
 * ```
 */
export function parseClusterArgs(args: string[]) {
  const { values } = parseFlags({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      seeds: { type: "string", default: "0,1,2" },
      epochs: { type: "string", default: "20" },
      "score-epochs": { type: "string", default: "1,2,5,10" },
      images: { type: "string", default: "test" },
      covariance: { type: "string", default: "full" },
      "umap-epochs": { type: "string" },
      runs: { type: "string", default: "runs" },
      out: { type: "string", default: "runs/n2d-clustering" },
      "stop-after": { type: "string" },
      limit: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const images = values.images;
  if (images !== "test" && images !== "all") {
    throw new UsageError(`--images must be "test" or "all", got "${images}".`);
  }
  const covariance = values.covariance;
  if (covariance !== "full" && covariance !== "diagonal") {
    throw new UsageError(`--covariance must be "full" or "diagonal", got "${covariance}".`);
  }
  const seeds = parseIntegerList("seeds", values.seeds, 0);
  if (new Set(seeds).size !== seeds.length) {
    throw new UsageError(`--seeds lists a seed twice: "${values.seeds}".`);
  }
  const stopAfter = values["stop-after"];
  return {
    help: values.help,
    seeds,
    epochs: positiveInteger("epochs", values.epochs),
    scoreEpochs: parseIntegerList("score-epochs", values["score-epochs"], 1),
    images: images as "test" | "all",
    covariance: covariance as "full" | "diagonal",
    umapEpochs: values["umap-epochs"] === undefined
      ? null
      : positiveInteger("umap-epochs", values["umap-epochs"]),
    runs: pathFlag("runs", values.runs)!,
    out: pathFlag("out", values.out)!,
    stopAfterMinutes: stopAfter === undefined
      ? undefined
      : positiveInteger("stop-after", stopAfter),
    limit: values.limit === undefined ? null : positiveInteger("limit", values.limit),
  };
}
