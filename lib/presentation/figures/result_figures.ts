/**
 * The pictures that go with the results table, made from trained models: prior samples (VAE next
 * to the plain autoencoders), the VAE's 2-D manifold, an interpolation (pixels, VAE, CAE) and the
 * latent scatter of VAE means, CAE latents and PCA. Each figure is made only when the models it
 * needs are given.
 *
 * @module
 */
import type { AutoencoderBundle } from "../../models/autoencoder_bundle.ts";
import { FASHION_MNIST_CLASS_NAMES, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import type { FashionMnist } from "../../data/dataset.ts";
import {
  decodeManifold,
  interpolateImages,
  interpolateLatents,
  samplePrior,
} from "../../uses/generation/mod.ts";
import { encodeSplit, fitPca, pcaTransform } from "../../uses/reduction/mod.ts";
import { latentScatterPanelsSpec } from "../charts/latent_scatter.ts";
import { imageGridPng } from "./image_grid.ts";
import { type ImageRow, labelledRowsGridPng } from "./labelled_rows_grid.ts";
import { renderVegaLitePng } from "../charts/vega_render.ts";

/**
 * The trained models to draw from, by kind and latent size; any may be missing.
 *
 * @example
 * ```ts
 * const models: ResultFigureModels = { vae20: splitAutoencoder(await loadModel("runs/results-vae-latent20")) };
 * ```
 */
export interface ResultFigureModels {
  vae20?: AutoencoderBundle;
  cae20?: AutoencoderBundle;
  dense20?: AutoencoderBundle;
  vae2?: AutoencoderBundle;
  cae2?: AutoencoderBundle;
}

/**
 * One figure: a file name (without folder), PNG bytes and a one-line description (alt text).
 *
 * @example
 * ```ts
 * const figure: ResultFigure = { fileName: "vae-manifold.png", png, description: "…" };
 * ```
 */
export interface ResultFigure {
  fileName: string;
  png: Uint8Array;
  description: string;
}

/**
 * Options of {@link resultFigures}.
 *
 * @example
 * ```ts
 * const options: ResultFigureOptions = { scatterCount: 2000, interpolationPair: [0, 2] };
 * ```
 */
export interface ResultFigureOptions {
  /** Test images in the latent scatter. Default 2000 (or all, if fewer). */
  scatterCount?: number;
  /** Training images PCA is fitted on. Default 10000 (or all, if fewer). */
  pcaCount?: number;
  /** Test image indices to interpolate between. Default [0, 2] (Ankle boot → Trouser). */
  interpolationPair?: [number, number];
  /** Seed of the prior samples. Default 1. */
  seed?: number;
}

function firstIndices(count: number, available: number): number[] {
  return Array.from({ length: Math.min(count, available) }, (_, index) => index);
}

/**
 * Makes every figure whose models are present, in a fixed order.
 *
 * @example
 * ```ts
 * for (const figure of await resultFigures(models, fashion)) {
 *   await Deno.writeFile(`figures/${figure.fileName}`, figure.png);
 * }
 * ```
 */
export async function resultFigures(
  models: ResultFigureModels,
  data: FashionMnist,
  options: ResultFigureOptions = {},
): Promise<ResultFigure[]> {
  const seed = options.seed ?? 1;
  const figures: ResultFigure[] = [];
  const { vae20, cae20, dense20, vae2, cae2 } = models;
  if (vae20) {
    const rows: ImageRow[] = [
      ["VAE", vae20],
      ["CAE", cae20],
      ["dense AE", dense20],
    ].filter((entry): entry is [string, AutoencoderBundle] => entry[1] !== undefined)
      .map(([label, bundle]) => ({
        label,
        images: samplePrior(bundle.decoder, { count: 12, seed }).images,
      }));
    figures.push({
      fileName: "prior-samples-latent20.png",
      png: await labelledRowsGridPng(rows, { scale: 2 }),
      description: "The same 12 draws from N(0, I) decoded by each model (latent 20)",
    });
    const hundred = samplePrior(vae20.decoder, { count: 100, seed: seed + 1 });
    figures.push({
      fileName: "vae-samples-latent20.png",
      png: await imageGridPng(hundred.images, hundred.count, { columns: 10, scale: 2, gap: 2 }),
      description: "100 samples from the prior, decoded by the VAE (latent 20)",
    });
  }
  if (vae2) {
    const manifold = decodeManifold(vae2.decoder, 20);
    figures.push({
      fileName: "vae-manifold-latent2.png",
      png: await imageGridPng(manifold.images, manifold.count, { columns: 20, scale: 2, gap: 2 }),
      description: "The VAE's 2-D latent space: a 20×20 grid of prior quantiles, decoded",
    });
  }
  if (vae20 && cae20) {
    const [first, second] = options.interpolationPair ?? [0, 2];
    const start = data.image(first, "test");
    const end = data.image(second, "test");
    figures.push({
      fileName: "interpolation-latent20.png",
      png: await labelledRowsGridPng([
        { label: "pixels", images: interpolateLatents(start, end, 10) },
        { label: "VAE", images: interpolateImages(vae20, start, end, 10).images },
        { label: "CAE", images: interpolateImages(cae20, start, end, 10).images },
      ], { scale: 2 }),
      description: `From a ${data.labelName(first, "test")} to a ${
        data.labelName(second, "test")
      }: pixel blend, VAE and CAE latent paths (latent 20)`,
    });
  }
  if (vae2 && cae2) {
    const indices = firstIndices(options.scatterCount ?? 2000, data.test.count);
    const pca = fitPca(
      data.pixelsAsFloat("train", firstIndices(options.pcaCount ?? 10000, data.train.count)),
      { dimension: PIXELS_PER_IMAGE, components: 2 },
    );
    const spec = latentScatterPanelsSpec(
      [
        { title: "VAE means", codes: encodeSplit(vae2.encoder, data, "test", { indices }) },
        { title: "CAE latents", codes: encodeSplit(cae2.encoder, data, "test", { indices }) },
        {
          title: "PCA",
          codes: pcaTransform(pca, data.pixelsAsFloat("test", indices)),
          axisNames: ["PC1", "PC2"],
        },
      ],
      indices.map((index) => data.labelName(index, "test")),
      { categoryOrder: FASHION_MNIST_CLASS_NAMES, categoryTitle: "class", pointSize: 8 },
    );
    figures.push({
      fileName: "latent-scatter-latent2.png",
      png: await renderVegaLitePng(spec),
      description: `${indices.length} test images in 2-d: VAE means, CAE latents and PCA`,
    });
  }
  return figures;
}
