/**
 * Mean ± standard deviation over seeds of a one-class table: per class, and for the ten-class mean
 * (the spread of the per-seed means), with the published reference numbers of the same protocol
 * beside them as a Markdown table.
 *
 * @module
 */
import type { ScoreKind } from "./score_kinds.ts";

/**
 * What {@link summarizeSeeds} needs of a report line.
 *
 * @example
 * ```ts
 * const line: SeedLine = { normalClass: 0, className: "T-shirt/top", seed: 1, auroc: 0.93, aurocByScore: {} };
 * ```
 */
export interface SeedLine {
  normalClass: number;
  className: string;
  seed: number;
  auroc: number;
  aurocByScore: Partial<Record<ScoreKind, number>>;
}

/**
 * Mean and sample standard deviation (n − 1; NaN for one value) of some numbers.
 *
 * @example
 * ```ts
 * const spread: MeanStd = meanStd([0.9, 0.92, 0.94]); // { mean: 0.92, std: 0.02, count: 3 }
 * ```
 */
export interface MeanStd {
  mean: number;
  std: number;
  count: number;
}

/**
 * Mean and sample standard deviation (divided by n − 1) of `values`.
 *
 * @example
 * ```ts
 * meanStd([1, 2, 3]); // { mean: 2, std: 1, count: 3 }
 * ```
 */
export function meanStd(values: readonly number[]): MeanStd {
  const count = values.length;
  if (count === 0) return { mean: NaN, std: NaN, count };
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  if (count === 1) return { mean, std: NaN, count };
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (count - 1)), count };
}

/**
 * The seed summary of a report: per class over its seeds, and the ten-class mean per seed.
 *
 * @example
 * ```ts
 * const { overall, classes }: SeedSummary = summarizeSeeds(report.classes);
 * ```
 */
export interface SeedSummary {
  /** Per class (sorted by label): AUROC mean ± std over the seeds that class has. */
  classes: {
    normalClass: number;
    className: string;
    seeds: number[];
    auroc: MeanStd;
    /** Mean over seeds of each score kind's AUROC. */
    aurocByScore: Partial<Record<ScoreKind, number>>;
  }[];
  /** Mean AUROC over the classes, per seed that has every class of the report. */
  meanAurocBySeed: Record<string, number>;
  /** Mean ± std over those complete seeds of the per-seed class mean. */
  overall: MeanStd;
}

/**
 * Groups report lines by class and by seed. A seed counts towards `overall` only when it has a
 * line for every class that appears in the report, so a half-finished seed does not skew it.
 *
 * @example
 * ```ts
 * const summary = summarizeSeeds(report.classes);
 * console.log(summary.overall.mean, summary.overall.std);
 * ```
 */
export function summarizeSeeds(lines: readonly SeedLine[]): SeedSummary {
  const labels = [...new Set(lines.map((line) => line.normalClass))].sort((a, b) => a - b);
  const classes = labels.map((normalClass) => {
    const mine = lines.filter((line) => line.normalClass === normalClass);
    const kinds = Object.keys(mine[0].aurocByScore) as ScoreKind[];
    return {
      normalClass,
      className: mine[0].className,
      seeds: mine.map((line) => line.seed),
      auroc: meanStd(mine.map((line) => line.auroc)),
      aurocByScore: Object.fromEntries(
        kinds.map((
          kind,
        ) => [kind, meanStd(mine.map((line) => line.aurocByScore[kind] ?? NaN)).mean]),
      ) as Partial<Record<ScoreKind, number>>,
    };
  });
  const seeds = [...new Set(lines.map((line) => line.seed))].sort((a, b) => a - b);
  const meanAurocBySeed: Record<string, number> = {};
  for (const seed of seeds) {
    const mine = lines.filter((line) => line.seed === seed);
    const covered = new Set(mine.map((line) => line.normalClass));
    if (labels.every((label) => covered.has(label))) {
      meanAurocBySeed[String(seed)] = meanStd(mine.map((line) => line.auroc)).mean;
    }
  }
  return { classes, meanAurocBySeed, overall: meanStd(Object.values(meanAurocBySeed)) };
}

/**
 * A published per-class (or mean-only) AUROC on the one-class Fashion-MNIST protocol, in percent.
 *
 * @example
 * ```ts
 * const anchor: PublishedResult = PUBLISHED_ONE_CLASS_RESULTS[0];
 * ```
 */
export interface PublishedResult {
  name: string;
  source: string;
  mean: number;
  /** Per class 0..9 in percent, when the paper lists them. */
  perClass?: readonly number[];
}

/**
 * Reference numbers of the same protocol (train on one class, score the 10,000 test images).
 *
 * @example
 * ```ts
 * PUBLISHED_ONE_CLASS_RESULTS.map((result) => result.mean); // [93.5, 93.9]
 * ```
 */
export const PUBLISHED_ONE_CLASS_RESULTS: readonly PublishedResult[] = Object.freeze([
  {
    name: "GEOM",
    source: "Golan & El-Yaniv, NeurIPS 2018",
    mean: 93.5,
  },
  {
    name: "ARNet",
    source: "Ye et al., IEEE TMM 2022 (attribute-restoration autoencoder)",
    mean: 93.9,
    perClass: [92.7, 99.3, 89.1, 93.6, 90.8, 93.1, 85.0, 98.4, 97.8, 98.4],
  },
]);

/**
 * The per-class table "mean ± std over seeds" in percent, one column per published result, the
 * ten-class mean (± the spread of the per-seed means) as the last row.
 *
 * @example
 * ```ts
 * console.log(seedTableMarkdown(report.summary, "restoration"));
 * ```
 */
export function seedTableMarkdown(
  summary: SeedSummary,
  label: string,
  published: readonly PublishedResult[] = PUBLISHED_ONE_CLASS_RESULTS,
): string {
  const percent = (value: number) => (100 * value).toFixed(1);
  const withStd = ({ mean, std }: MeanStd) =>
    Number.isNaN(std) ? percent(mean) : `${percent(mean)} ± ${percent(std)}`;
  const seedCount = Object.keys(summary.meanAurocBySeed).length;
  const header = [
    "normal class",
    `${label} (${seedCount} seed${seedCount === 1 ? "" : "s"})`,
    ...published.map((result) => result.name),
  ];
  const rows = summary.classes.map((line) => [
    `${line.normalClass} ${line.className}`,
    withStd(line.auroc),
    ...published.map((result) => result.perClass?.[line.normalClass]?.toFixed(1) ?? ""),
  ]);
  rows.push([
    "**mean**",
    `**${withStd(summary.overall)}**`,
    ...published.map((result) => result.mean.toFixed(1)),
  ]);
  const align = header.map((_, index) => (index === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
