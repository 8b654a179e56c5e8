/**
 * Markdown tables of the latent-space report (reconstruction MSE by k, few-label accuracy by
 * feature type, clustering scores, pretraining accuracy by label budget), shared by the CLI and
 * the notebooks.
 *
 * @module
 */
import type { ClusteringRow } from "../clustering/clustering_comparison.ts";
import type { PretrainingSummary } from "../pretraining/pretraining_comparison.ts";
import type { VanishingGradientResult } from "../pretraining/vanishing_gradients.ts";
import type { FeatureClassificationRow } from "../features/feature_classification.ts";

/**
 * One measured reconstruction error.
 *
 * @example
 * ```ts
 * const row: ReconstructionRow = { method: "PCA", k: 64, testMse: 0.0091, source: "fit on 60,000" };
 * ```
 */
export interface ReconstructionRow {
  method: string;
  k: number;
  testMse: number;
  /** Where it comes from, e.g. the run folder and its epochs. */
  source: string;
}

const percent = (value: number) => (100 * value).toFixed(1);
const budgetName = (budget: number | "all") => budget === "all" ? "all" : `${budget}/class`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * Methods as rows, k as columns, MSE per pixel with four significant digits.
 *
 * @example
 * ```ts
 * reconstructionTable([{ method: "PCA", k: 2, testMse: 0.0401, source: "" }]);
 * ```
 */
export function reconstructionTable(rows: readonly ReconstructionRow[]): string {
  const ks = [...new Set(rows.map((row) => row.k))].sort((a, b) => a - b);
  const methods = [...new Set(rows.map((row) => row.method))];
  return table(
    ["method", ...ks.map((k) => `k = ${k}`)],
    methods.map((method) => [
      method,
      ...ks.map((k) => {
        const row = rows.find((candidate) => candidate.method === method && candidate.k === k);
        return row === undefined ? "—" : row.testMse.toPrecision(3);
      }),
    ]),
  );
}

/**
 * Feature types as rows, label budgets as columns: test accuracy % mean ± std (train − test gap).
 *
 * @example
 * ```ts
 * console.log(featureClassificationTable(rows));
 * ```
 */
export function featureClassificationTable(rows: readonly FeatureClassificationRow[]): string {
  const budgets = [...new Set(rows.map((row) => row.budget))];
  const features = [...new Set(rows.map((row) => row.features))];
  return table(
    ["features", ...budgets.map((budget) => `${budgetName(budget)}: test % (gap)`)],
    features.map((name) => [
      name,
      ...budgets.map((budget) => {
        const row = rows.find((candidate) =>
          candidate.features === name && candidate.budget === budget
        );
        return row === undefined
          ? "—"
          : `${percent(row.testMean)} ± ${percent(row.testStd)} (${percent(row.gap)})`;
      }),
    ]),
  );
}

/**
 * One row per feature type: ACC, NMI, ARI, plus published reference rows given as text.
 *
 * @example
 * ```ts
 * console.log(clusteringTable(rows, [["k-means on pixels (published)", "0.47", "0.51", "—"]]));
 * ```
 */
export function clusteringTable(
  rows: readonly ClusteringRow[],
  published: readonly (readonly string[])[] = [],
): string {
  return table(
    ["features (k-means, k = 10)", "ACC", "NMI", "ARI"],
    [
      ...rows.map((row) => [
        row.features,
        row.accuracy.toFixed(3),
        row.nmi.toFixed(3),
        row.ari.toFixed(3),
      ]),
      ...published.map((row) => [...row]),
    ],
  );
}

/**
 * Initialisations as rows, label budgets as columns: test accuracy % mean ± std (runs).
 *
 * @example
 * ```ts
 * console.log(pretrainingTable(summarisePretraining(results)));
 * ```
 */
export function pretrainingTable(rows: readonly PretrainingSummary[]): string {
  const budgets = [...new Set(rows.map((row) => row.budget))];
  const kinds = [...new Set(rows.map((row) => row.kind))];
  return table(
    ["encoder start", ...budgets.map(budgetName)],
    kinds.map((kind) => [
      kind,
      ...budgets.map((budget) => {
        const row = rows.find((candidate) =>
          candidate.kind === kind && candidate.budget === budget
        );
        if (row === undefined) return "—";
        const runs = row.runs === 1 ? " (1 seed)" : "";
        return `${percent(row.mean)} ± ${percent(row.std)}${runs}`;
      }),
    ]),
  );
}

/**
 * One row per (initialisation, seed) of the deep sigmoid network: the first hidden layer's early
 * gradient norm as a fraction of the output layer's, and the test accuracy after training.
 *
 * @example
 * ```ts
 * console.log(vanishingGradientTable(compareSigmoidGradients(fashion, { seeds: [0, 1, 2] })));
 * ```
 */
export function vanishingGradientTable(rows: readonly VanishingGradientResult[]): string {
  return table(
    ["initialisation", "seed", "gradient norm, first hidden / output layer", "test accuracy %"],
    rows.map((row) => [
      row.initialisation,
      String(row.seed),
      row.firstToLastRatio.toExponential(1),
      percent(row.testAccuracy),
    ]),
  );
}

/**
 * Published k-means-style results on Fashion-MNIST (ACC, NMI; ARI not reported), for orientation
 * next to the measured rows: k-means on pixels, AE + k-means, DEC (as reported in the N2D paper,
 * McConville et al. 2020) and N2D itself.
 *
 * @example
 * ```ts
 * console.log(clusteringTable(rows, PUBLISHED_CLUSTERING));
 * ```
 */
export const PUBLISHED_CLUSTERING: readonly (readonly string[])[] = Object.freeze([
  Object.freeze(["published: k-means on pixels", "0.47", "0.51", "—"]),
  Object.freeze(["published: AE + k-means", "0.61", "0.64", "—"]),
  Object.freeze(["published: DEC", "0.62", "0.65", "—"]),
  Object.freeze(["published: N2D (AE + UMAP + GMM)", "0.67", "0.68", "—"]),
]);
