/**
 * The latent map of a run: every image of a split encoded (a VAE's by its posterior mean), and for
 * a latent size above 2 projected onto the first two principal components of those codes, with the
 * PCA kept so that the map can be turned back into latent vectors. `deno task train` writes it as
 * the run folder's `latents.json` (format: `lib/training/run_folder/latents_file.ts`).
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { LatentProjection } from "../../training/run_folder/latent_projection.ts";
import type { LatentsFile } from "../../training/run_folder/latents_file.ts";
import type { TrainingData } from "../../training/trainer.ts";
import { encodeSplit } from "./encode_split.ts";
import { fitPca, pcaTransform } from "./pca.ts";

/**
 * Images with labels, as `FashionMnist` has them.
 *
 * @example
 * ```ts
 * const data: LabelledSplits = await loadFashionMnist({ limit: 1000 });
 * ```
 */
export interface LabelledSplits extends TrainingData {
  train: { count: number; labels: ArrayLike<number> };
  test: { count: number; labels: ArrayLike<number> };
}

/**
 * Options of {@link latentMap}.
 *
 * @example
 * ```ts
 * const options: LatentMapOptions = { model: "vae", epoch: 3 };
 * ```
 */
export interface LatentMapOptions {
  /** Split to encode, all of it. Default "test". */
  split?: "train" | "test";
  /** Model kind, recorded in the file; a VAE's map is titled "latent means". */
  model?: string;
  /** Checkpoint epoch, recorded in the file. */
  epoch?: number;
  /** Images per `predict` call. Default 500. */
  batchSize?: number;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${(100 * part / whole).toFixed(1)}%` : "n/a";
}

/**
 * Encodes a whole split with `encoder` (image → latent; a VAE bundle's encoder gives the mean) and
 * returns the content of `latents.json`: the codes themselves for a latent size of 1 or 2, else
 * their scores on the first two principal components with the PCA stored. Frees every tensor.
 *
 * @throws {RangeError} When the split is empty.
 *
 * @example
 * ```ts
 * const bundle = splitAutoencoder(await loadModel("runs/cae"), "cae");
 * const latents = latentMap(bundle.encoder, await loadFashionMnist(), { model: "cae", epoch: 3 });
 * await writeLatentsFile("runs/cae", latents);
 * ```
 */
export function latentMap(
  encoder: tf.LayersModel,
  data: LabelledSplits,
  options: LatentMapOptions = {},
): LatentsFile {
  const split = options.split ?? "test";
  const count = data[split].count;
  if (count === 0) {
    throw new RangeError(`latentMap: the ${split} split is empty; there is nothing to encode.`);
  }
  const codes = encodeSplit(encoder, data, split, { batchSize: options.batchSize });
  const latentDim = codes.dimension;
  let map: Float32Array;
  let projection: LatentProjection;
  let axes: [string, string];
  if (latentDim <= 2) {
    map = latentDim === 2 ? codes.values : Float32Array.from(
      { length: 2 * count },
      (_, position) => position % 2 === 0 ? codes.values[position / 2] : 0,
    );
    projection = { kind: "identity" };
    axes = ["z1", latentDim === 2 ? "z2" : "(1-d latent)"];
  } else {
    const pca = fitPca(codes.values, { dimension: latentDim, components: 2 });
    map = pcaTransform(pca, codes.values).values;
    const [first, second] = pca.explainedVariance;
    projection = {
      kind: "pca",
      mean: Array.from(pca.mean),
      components: [
        Array.from(pca.components.subarray(0, latentDim)),
        Array.from(pca.components.subarray(latentDim, 2 * latentDim)),
      ],
      explainedVariance: [first, second],
      totalVariance: pca.totalVariance,
    };
    axes = [
      `PC1 (${percent(first, pca.totalVariance)} of the latent variance)`,
      `PC2 (${percent(second, pca.totalVariance)})`,
    ];
  }
  const what = options.model === "vae" ? "Latent means" : "Latent codes";
  const where = latentDim > 2 ? ` on their PCA plane (${latentDim}-d latent)` : "";
  const latents: LatentsFile = {
    title: `${what}${where}, ${count} ${split} images`,
    xTitle: axes[0],
    yTitle: axes[1],
    split,
    ...(options.model === undefined ? {} : { model: options.model }),
    latentDim,
    ...(options.epoch === undefined ? {} : { epoch: options.epoch }),
    projection,
    points: Array.from({ length: count }, (_, index) => ({
      x: map[2 * index],
      y: map[2 * index + 1],
      label: data[split].labels[index],
      index,
    })),
  };
  return latents;
}
