/**
 * Named anomaly-detection recipes: which autoencoder, trained how and for how long, scored how.
 * `deno task anomaly --method NAME` starts from one; single flags (`--epochs`, `--score`) override.
 *
 * @module
 */
import type { ConvAutoencoderOptions } from "../../models/conv_autoencoder.ts";
import type { ScoreKind } from "./score_kinds.ts";

/**
 * One recipe: the detector options it sets.
 *
 * @example
 * ```ts
 * const { epochs, score }: AnomalyMethod = ANOMALY_METHODS.restoration;
 * ```
 */
export interface AnomalyMethod {
  /** One line for help texts and reports. */
  description: string;
  model: Omit<ConvAutoencoderOptions, "seed">;
  loss: "bce" | "mse";
  erase: "none" | "rotation";
  epochs: number;
  score: ScoreKind;
}

/**
 * The recipes. `article` is the article's CAE and loss, one epoch, scored by blurred error plus
 * latent distance (chosen on the validation split in the first round). `restoration` is the
 * attribute-restoration autoencoder (rotation erased, squared error, no Dense(16) bottleneck),
 * scored by its blurred error plus the blurred-pixel nearest-neighbour distance, 8 epochs: the best
 * mean AUROC on the validation split in the second round (94.1; see the README).
 *
 * @example
 * ```ts
 * Object.keys(ANOMALY_METHODS); // ["article", "restoration"]
 * ```
 */
export const ANOMALY_METHODS = Object.freeze(
  {
    article: {
      description: "the article's CAE, BCE, 1 epoch; blurred squared error + latent distance",
      model: {},
      loss: "bce",
      erase: "none",
      epochs: 1,
      score: "blurred-mse+latent",
    },
    restoration: {
      description: "rotation-restoring CAE (no bottleneck), squared error, 8 epochs; " +
        "blurred squared error + blurred-pixel 5-nearest-neighbour distance",
      model: { bottleneckUnits: null },
      loss: "mse",
      erase: "rotation",
      epochs: 8,
      score: "blurred-mse+pixel-knn",
    },
  } satisfies Record<string, AnomalyMethod>,
);

/**
 * A recipe's name.
 *
 * @example
 * ```ts
 * const name: AnomalyMethodName = "restoration";
 * ```
 */
export type AnomalyMethodName = "article" | "restoration";

/**
 * Names of the recipes, in help order.
 *
 * @example
 * ```ts
 * ANOMALY_METHOD_NAMES.includes("article"); // true
 * ```
 */
export const ANOMALY_METHOD_NAMES = Object.keys(ANOMALY_METHODS) as AnomalyMethodName[];

/**
 * The model of a recipe in a few words, for reports: "cae (the article's)" or e.g.
 * "cae without the Dense(16) bottleneck".
 *
 * @example
 * ```ts
 * describeMethodModel(ANOMALY_METHODS.article); // "cae (the article's)"
 * ```
 */
export function describeMethodModel(method: AnomalyMethod): string {
  const { bottleneckUnits, filters, latentDim } = method.model;
  const changes = [
    ...(bottleneckUnits === null ? ["without the Dense(16) bottleneck"] : []),
    ...(bottleneckUnits !== undefined && bottleneckUnits !== null
      ? [`Dense(${bottleneckUnits}) bottleneck`]
      : []),
    ...(filters ? [`filters ${filters.join("/")}`] : []),
    ...(latentDim !== undefined ? [`latent ${latentDim}`] : []),
  ];
  return changes.length === 0 ? "cae (the article's)" : `cae ${changes.join(", ")}`;
}
