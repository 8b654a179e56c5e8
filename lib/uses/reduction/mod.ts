/**
 * Dimensionality reduction: encoding a whole split to latent codes in batches, PCA as the linear
 * baseline (fit, transform, inverse transform), and the reconstruction error (MSE per pixel) of
 * each at a code size k. The scatter plots of codes are `latentScatterPanelsSpec` in
 * `lib/presentation/charts/`.
 *
 * @example
 * ```ts
 * import { encodeSplit, fitPca, pcaTransform } from "../lib/uses/reduction/mod.ts";
 * import { latentScatterPanelsSpec } from "../lib/presentation/charts/mod.ts";
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
  fitPca,
  type FitPcaOptions,
  pcaInverseTransform,
  type PcaModel,
  pcaTransform,
} from "./pca.ts";
export {
  autoencoderReconstructionMse,
  pcaReconstructionMse,
  truncatePca,
} from "./reconstruction_mse.ts";
export { type LabelledSplits, latentMap, type LatentMapOptions } from "./latent_map.ts";
