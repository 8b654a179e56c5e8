/**
 * Command-line flags of `deno task latent`, parsed and checked without touching the process.
 *
 * @module
 */
import { integerFlag, parseFlags, pathFlag, UsageError } from "./flags.ts";
import { PIXELS_PER_IMAGE } from "../data/constants.ts";
import { REPORT_PARTS, type ReportPart } from "../uses/latent_report/parts.ts";

/** Help text of `deno task latent`. */
export const LATENT_USAGE = `Measure what the latent space is good for; write JSON and PNG charts.

Usage: deno task latent [options]

  --parts LIST        comma-separated: ${REPORT_PARTS.join(",")}   [default: all]
  --cae DIR           trained CAE run (features, clustering, pretraining)
                                                    [default: runs/results-cae-latent20]
  --vae DIR           trained VAE run (its means as features)  [default: runs/results-vae-latent20]
  --recon-runs LIST   comma-separated run folders for the MSE table
                      [default: every finished runs/results-* and runs/latent-*-latent* folder]
  --ks LIST           PCA sizes for the MSE table               [default: 2,10,20,64]
  --draws N           label draws / seeds per setting           [default: 3]
  --budgets LIST      labels per class for pretraining, "all" allowed  [default: 10,100,1000,all]
  --all-seeds         also use every seed for the "all labels" budget (else the first only)
  --umap-runs LIST    run folders whose test latents get a UMAP + k-means row  [default: --cae]
  --no-umap           skip the UMAP + k-means clustering row (N2D's recipe; minutes on 10,000)
  --redraw            only redraw the charts of the parts saved in --out, and report.json
  --limit N           use only the first N training and N test images (smoke tests)
  --out DIR           output folder                             [default: runs/latent-report]
  --help              show this help`;

const PCA_SIZE_MAXIMUM = Object.freeze({
  value: PIXELS_PER_IMAGE,
  reason: `PCA of ${PIXELS_PER_IMAGE}-pixel images has at most ${PIXELS_PER_IMAGE} components`,
});

const LABELS_PER_CLASS_MAXIMUM = Object.freeze({
  value: 6000,
  reason: "Fashion-MNIST has 6000 training images per class",
});

/**
 * Parses the flags of `deno task latent`.
 *
 * @example
 * ```ts
 * parseLatentArgs(["--parts", "clustering", "--no-umap"]).parts; // ["clustering"]
 * ```
 */
export function parseLatentArgs(args: string[]) {
  const { values } = parseFlags({
    args,
    options: {
      parts: { type: "string", default: REPORT_PARTS.join(",") },
      cae: { type: "string", default: "runs/results-cae-latent20" },
      vae: { type: "string", default: "runs/results-vae-latent20" },
      "recon-runs": { type: "string" },
      ks: { type: "string", default: "2,10,20,64" },
      draws: { type: "string", default: "3" },
      budgets: { type: "string", default: "10,100,1000,all" },
      "all-seeds": { type: "boolean", default: false },
      "no-umap": { type: "boolean", default: false },
      "umap-runs": { type: "string" },
      redraw: { type: "boolean", default: false },
      limit: { type: "string" },
      out: { type: "string", default: "runs/latent-report" },
      help: { type: "boolean", default: false },
    },
  });
  const parts = values.parts.split(",").map((part) => part.trim());
  const unknown = parts.filter((part) => !(REPORT_PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown part(s) ${unknown.join(", ")}; use ${REPORT_PARTS.join(", ")}.`);
  }
  const budgets = values.budgets.split(",").map((text) =>
    text.trim() === "all"
      ? "all" as const
      : integerFlag("budgets", text.trim(), 1, LABELS_PER_CLASS_MAXIMUM)!
  );
  const folderList = (flag: string, text: string | undefined) =>
    text?.split(",").map((item) => pathFlag(flag, item.trim())!);
  return {
    help: values.help,
    parts: parts as ReportPart[],
    cae: pathFlag("cae", values.cae)!,
    vae: pathFlag("vae", values.vae)!,
    reconRuns: folderList("recon-runs", values["recon-runs"]),
    ks: values.ks.split(",").map((text) => integerFlag("ks", text.trim(), 1, PCA_SIZE_MAXIMUM)!),
    draws: integerFlag("draws", values.draws)!,
    budgets,
    allSeeds: values["all-seeds"],
    umap: !values["no-umap"],
    umapRuns: folderList("umap-runs", values["umap-runs"]),
    redraw: values.redraw,
    limit: integerFlag("limit", values.limit),
    out: pathFlag("out", values.out)!,
  };
}
