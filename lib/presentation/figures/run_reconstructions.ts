/**
 * The picture a run folder keeps after every epoch, `reconstructions.png`: the given test images
 * (top row) over the model's reconstructions (bottom row).
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { splitAutoencoder } from "../../models/autoencoder_bundle.ts";
import { reconstructImages } from "../../uses/evaluation/reconstruct.ts";
import { imageGridPng } from "./image_grid.ts";

/**
 * The given images (pixels in [0, 1], one 28×28 image after another) over their reconstructions
 * by `model`, as PNG, one image per column. A VAE decodes the mean of q(z|x), so the picture does
 * not depend on sampling noise.
 *
 * @example
 * ```ts
 * const png = await reconstructionsPng(autoencoder, data.pixelsAsFloat("test", [0, 1, 2]));
 * await writeFileAtomically("runs/x/reconstructions.png", png);
 * ```
 */
export async function reconstructionsPng(
  model: tf.LayersModel,
  pixels: Float32Array,
): Promise<Uint8Array> {
  const { images, count } = reconstructImages(splitAutoencoder(model), pixels);
  const both = new Float32Array(pixels.length * 2);
  both.set(pixels, 0);
  both.set(images, pixels.length);
  return await imageGridPng(both, count * 2, { columns: count });
}
