/**
 * How the 2-D map of `latents.json` relates to the model's latent space, and back: for a latent
 * size of 1 or 2 the map shows the codes as they are (`identity`); above 2 it shows their scores on
 * the first two principal components (`pca`), stored with the PCA mean and components so that any
 * map point can be turned back into a latent vector (the inverse projection, a point on the PCA
 * plane) and decoded. The latent explorer page does the same inversion in the browser.
 *
 * @module
 */
import { describeValue, expectFiniteNumber, isJsonObject, RunFolderError } from "./json_checks.ts";

/**
 * The map of a run's latents: the codes themselves, or the plane of their first two principal
 * components (`z = mean + x · components[0] + y · components[1]`).
 *
 * @example
 * ```ts
 * const plane: LatentProjection = {
 *   kind: "pca", mean: [0, 1, 2], components: [[1, 0, 0], [0, 1, 0]],
 *   explainedVariance: [4, 1], totalVariance: 5.5,
 * };
 * ```
 */
export type LatentProjection =
  | { kind: "identity" }
  | {
    kind: "pca";
    /** Mean latent vector of the encoded images (`latentDim` values). */
    mean: number[];
    /** The two unit-length principal directions, largest variance first (`latentDim` each). */
    components: [number[], number[]];
    /** Variance of the codes along each direction. */
    explainedVariance: [number, number];
    /** Total variance of the codes (sum over all latent dimensions). */
    totalVariance: number;
  };

function numberList(value: unknown, length: number, where: string): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    const what = Array.isArray(value) ? `an array of ${value.length}` : describeValue(value);
    throw new RunFolderError(`${where} is ${what}; expected an array of ${length} numbers.`);
  }
  return value.map((entry, index) => expectFiniteNumber(entry, `${where}[${index}]`));
}

/**
 * Checks the parsed `projection` field of `latents.json` against the latent size.
 *
 * @throws {RunFolderError} Naming `where`, the field that is wrong and what was expected.
 *
 * @example
 * ```ts
 * parseLatentProjection({ kind: "identity" }, 2, "runs/x/latents.json, field projection");
 * ```
 */
export function parseLatentProjection(
  value: unknown,
  latentDim: number,
  where: string,
): LatentProjection {
  if (!isJsonObject(value) || (value.kind !== "identity" && value.kind !== "pca")) {
    throw new RunFolderError(
      `${where} is ${describeValue(value)}; expected { "kind": "identity" } or ` +
        `{ "kind": "pca", "mean", "components", "explainedVariance", "totalVariance" }.`,
    );
  }
  if (value.kind === "identity") {
    if (latentDim > 2) {
      throw new RunFolderError(
        `${where} is "identity" but the latent has ${latentDim} dimensions; a map of more than ` +
          `2 needs "pca".`,
      );
    }
    return { kind: "identity" };
  }
  const components = value.components;
  if (!Array.isArray(components) || components.length !== 2) {
    const what = Array.isArray(components)
      ? `an array of ${components.length}`
      : describeValue(components);
    throw new RunFolderError(
      `${where}, field components is ${what}; expected 2 arrays of ${latentDim} numbers.`,
    );
  }
  const variance = numberList(value.explainedVariance, 2, `${where}, field explainedVariance`);
  return {
    kind: "pca",
    mean: numberList(value.mean, latentDim, `${where}, field mean`),
    components: [
      numberList(components[0], latentDim, `${where}, field components[0]`),
      numberList(components[1], latentDim, `${where}, field components[1]`),
    ],
    explainedVariance: [variance[0], variance[1]],
    totalVariance: expectFiniteNumber(value.totalVariance, `${where}, field totalVariance`),
  };
}

/**
 * The latent vector of a map point: `[x, y]` (or `[x]` for a 1-d latent) for `identity`, the
 * inverse PCA projection `mean + x · components[0] + y · components[1]` for `pca`.
 *
 * @example
 * ```ts
 * latentOfMapPoint({ kind: "identity" }, 2, 0.5, -1); // [0.5, -1]
 * ```
 */
export function latentOfMapPoint(
  projection: LatentProjection,
  latentDim: number,
  x: number,
  y: number,
): number[] {
  if (projection.kind === "identity") return latentDim === 1 ? [x] : [x, y];
  const [first, second] = projection.components;
  return projection.mean.map((mean, index) => mean + x * first[index] + y * second[index]);
}
