/**
 * The results table of trained runs in Markdown: test loss per image in nats (BCE for a plain
 * autoencoder, −ELBO for a VAE), its terms, the distance to the BCE floor and the CAE's test
 * loss at the same latent size.
 *
 * @module
 */
import type { RunResult } from "./run_results.ts";
import type { TestLoss } from "./test_loss.ts";

const MODEL_ORDER = ["cae", "dense", "vae"];
const MODEL_NAMES: Record<string, string> = {
  cae: "CAE (article)",
  dense: "dense AE",
  vae: "VAE",
};

function format(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/**
 * Formats results as a Markdown table, sorted by latent size (largest first), then CAE, dense
 * AE, VAE. `floor` is the test set's BCE floor (see `datasetEntropyFloor`).
 *
 * @example
 * ```ts
 * const floor = datasetEntropyFloor(fashion, "test");
 * console.log(resultsMarkdownTable(results, floor));
 * // | model | latent | epochs | test loss | rc | KL | BCE of decoded mean | above floor | CAE, same latent |
 * ```
 */
export function resultsMarkdownTable(results: readonly RunResult[], floor: number): string {
  const sorted = [...results].sort((a, b) =>
    b.latentDim - a.latentDim || MODEL_ORDER.indexOf(a.model) - MODEL_ORDER.indexOf(b.model) ||
    a.beta - b.beta
  );
  const caeLoss = (latentDim: number) =>
    results.find((result) => result.model === "cae" && result.latentDim === latentDim)?.test.loss;
  const lines = [
    "| model | latent | epochs | test loss (nats/image) | rc | KL | BCE, decoded mean | " +
    "above floor | CAE, same latent |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const result of sorted) {
    const name = (MODEL_NAMES[result.model] ?? result.model) +
      (result.model === "vae" && result.beta !== 1 ? ` (β = ${result.beta})` : "");
    const loss = result.test.loss;
    const lossText = result.test.kind === "vae"
      ? `${format(loss)} (−ELBO)`
      : `${format(loss)} (BCE)`;
    lines.push(
      `| ${name} | ${result.latentDim} | ${result.epochs} | ${lossText} | ${
        format(result.test.rc)
      } ` +
        `| ${format(result.test.kl)} | ${format(result.test.meanDecodedBce)} | ` +
        `${format(loss - floor)} | ${
          result.model === "cae" ? "–" : format(caeLoss(result.latentDim))
        } |`,
    );
  }
  lines.push(
    "",
    `BCE floor (summed binary entropy of the test pixels, mean per image): ${format(floor)} nats.`,
  );
  const samples = results.find((result) => result.test.kind === "vae")?.test.samples;
  if (samples !== undefined) {
    lines.push(
      `VAE: −ELBO = rc + KL (β = 1), rc averaged over ${samples} draw${samples === 1 ? "" : "s"} ` +
        `of z per test image; "decoded mean" decodes the mean of q(z|x) without sampling.`,
    );
  }
  return lines.join("\n");
}

/**
 * A small Markdown table of test losses by name (e.g. "CAE", "VAE, β = 4"): loss, and for a VAE
 * rc, KL and the decoded-mean BCE; with `floor`, also each loss minus the floor.
 *
 * @example
 * ```ts
 * const table = lossTermsMarkdownTable([
 *   { name: "CAE", test: evaluateTestLoss(cae, fashion) },
 *   { name: "VAE", test: evaluateTestLoss(vae, fashion, { samples: 5 }) },
 * ], { floor: datasetEntropyFloor(fashion, "test") });
 * await show(markdown(table));
 * ```
 */
export function lossTermsMarkdownTable(
  rows: readonly { name: string; test: TestLoss }[],
  options: { floor?: number } = {},
): string {
  const withFloor = options.floor !== undefined;
  const lines = [
    "| model | test loss (nats/image) | rc | KL | BCE, decoded mean |" +
    (withFloor ? " above floor |" : ""),
    "| --- | ---: | ---: | ---: | ---: |" + (withFloor ? " ---: |" : ""),
  ];
  for (const { name, test } of rows) {
    const kind = test.kind === "vae" ? "−ELBO" : "BCE";
    lines.push(
      `| ${name} | ${format(test.loss)} (${kind}) | ${format(test.rc)} | ${format(test.kl)} | ` +
        `${format(test.meanDecodedBce)} |` +
        (withFloor ? ` ${format(test.loss - options.floor!)} |` : ""),
    );
  }
  if (withFloor) lines.push("", `BCE floor of these images: ${format(options.floor)} nats.`);
  return lines.join("\n");
}
