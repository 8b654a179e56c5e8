/**
 * Latent codes as coloured points: two coordinates of each code plus its class name, ready for
 * `scatterSpec`, and side-by-side panels of several encodings of the same images (e.g. VAE means,
 * plain-AE latents and PCA scores).
 *
 * @module
 */
import type { ScatterPoint } from "./scatter_spec.ts";
import { type ScatterPanelsOptions, scatterPanelsSpec } from "./scatter_panels_spec.ts";
import type { VegaLiteSpec } from "./vega_lite_spec.ts";
import type { LatentCodes } from "../../uses/reduction/encode_split.ts";

/**
 * Scatter points from latent codes: x and y are coordinates `dimensions[0]` and `dimensions[1]`
 * of each code, category is `categories[i]` (e.g. the class name of image i).
 *
 * @throws {RangeError} When there are fewer categories than codes, or a dimension is out of range.
 *
 * @example
 * ```ts
 * const codes = encodeSplit(vae.encoder, fashion, "test", { indices });
 * const points = latentScatterPoints(codes, indices.map((i) => fashion.labelName(i, "test")));
 * ```
 */
export function latentScatterPoints(
  codes: LatentCodes,
  categories: readonly string[],
  dimensions: readonly [number, number] = [0, 1],
): ScatterPoint[] {
  if (categories.length < codes.count) {
    throw new RangeError(
      `latentScatterPoints got ${categories.length} categories for ${codes.count} codes; ` +
        `pass one category (e.g. class name) per code.`,
    );
  }
  for (const dimension of dimensions) {
    if (!Number.isInteger(dimension) || dimension < 0 || dimension >= codes.dimension) {
      throw new RangeError(
        `latentScatterPoints: dimension ${dimension} does not exist in codes of size ` +
          `${codes.dimension}; pick two of 0 … ${codes.dimension - 1}.`,
      );
    }
  }
  const [xDimension, yDimension] = dimensions;
  return Array.from({ length: codes.count }, (_, index) => ({
    x: codes.values[index * codes.dimension + xDimension],
    y: codes.values[index * codes.dimension + yDimension],
    category: categories[index],
  }));
}

/**
 * One panel of {@link latentScatterPanelsSpec}: a title, the codes, and the axis names.
 *
 * @example
 * ```ts
 * const panel: LatentPanel = { title: "PCA", codes: pcaScores, axisNames: ["PC1", "PC2"] };
 * ```
 */
export interface LatentPanel {
  title: string;
  codes: LatentCodes;
  /** Names of the two axes. Default ["z1", "z2"]. */
  axisNames?: readonly [string, string];
}

/**
 * Side-by-side scatter plots of several 2-D encodings of the same images, coloured by
 * `categories` with one shared legend (the first two coordinates of each code are drawn).
 *
 * @throws {RangeError} When there are no panels or too few categories.
 *
 * @example
 * ```ts
 * const spec = latentScatterPanelsSpec([
 *   { title: "VAE means", codes: vaeCodes },
 *   { title: "CAE latents", codes: caeCodes },
 *   { title: "PCA", codes: pcaScores, axisNames: ["PC1", "PC2"] },
 * ], classNames, { categoryOrder: FASHION_MNIST_CLASS_NAMES, categoryTitle: "class" });
 * await show(await chartPicture(spec, { name: "latent-scatter" }));
 * ```
 */
export function latentScatterPanelsSpec(
  panels: readonly LatentPanel[],
  categories: readonly string[],
  options: ScatterPanelsOptions = {},
): VegaLiteSpec {
  return scatterPanelsSpec(
    panels.map((panel) => ({
      title: panel.title,
      points: latentScatterPoints(panel.codes, categories),
      xTitle: panel.axisNames?.[0] ?? "z1",
      yTitle: panel.axisNames?.[1] ?? "z2",
    })),
    options,
  );
}
