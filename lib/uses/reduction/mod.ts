/**
 * What the latent space holds: encoding a whole split to latent codes in batches, PCA as the
 * linear baseline (fit, transform, inverse transform), and scatter plots of 2-D codes coloured
 * by class, several encodings side by side.
 *
 * @example
 * ```ts
 * import { encodeSplit, fitPca, latentScatterPanelsSpec, pcaTransform } from "../lib/uses/reduction/mod.ts";
 *
 * const vaeCodes = encodeSplit(vae.encoder, fashion, "test", { indices });
 * const pca = fitPca(fashion.pixelsAsFloat("train", indices), { dimension: 784, components: 2 });
 * const spec = latentScatterPanelsSpec([
 *   { title: "VAE means", codes: vaeCodes },
 *   { title: "PCA", codes: pcaTransform(pca, fashion.pixelsAsFloat("test", indices)) },
 * ], classNames);
 * ```
 *
 * @module
 */

export { encodeImages, type EncodeOptions, encodeSplit, type LatentCodes } from "./encode_split.ts";
export {
  type LatentPanel,
  latentScatterPanelsSpec,
  latentScatterPoints,
} from "../../presentation/charts/latent_scatter.ts";
export {
  fitPca,
  type FitPcaOptions,
  pcaInverseTransform,
  type PcaModel,
  pcaTransform,
} from "./pca.ts";
