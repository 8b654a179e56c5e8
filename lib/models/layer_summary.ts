/**
 * A clean description of an autoencoder's layers, one row per layer: its name, type, which half
 * of the autoencoder it belongs to, the shape of its output for one image and its parameters.
 * TensorFlow.js' `summary()` prints the shapes of every place a layer is used (the decoder's
 * layers twice, `[[null,20]],[[null,20]]`) and cuts long type names; this does neither.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { AutoencoderBundle } from "./autoencoder_bundle.ts";

/**
 * One layer of {@link layerSummary}.
 *
 * @example
 * ```ts
 * const row: LayerSummaryRow = {
 *   name: "encoder_conv1",
 *   type: "Conv2D",
 *   part: "encoder",
 *   outputShape: [14, 14, 32],
 *   parameters: 320,
 * };
 * ```
 */
export interface LayerSummaryRow {
  name: string;
  /** The TensorFlow.js class name, e.g. "Conv2DTranspose". */
  type: string;
  /** "input" for the image input, else the view of the bundle the layer belongs to ("—": none). */
  part: "input" | "encoder" | "decoder" | "—";
  /** Output shape for one image (the batch dimension left out), e.g. [14, 14, 32]. */
  outputShape: number[];
  /** Weights of the layer, trainable or not, as Keras counts them. */
  parameters: number;
}

/**
 * Every layer of the bundle's flat autoencoder, in order, with the parts its encoder and decoder
 * views are made of. The parameters add up to `bundle.autoencoder.countParams()`.
 *
 * @throws {TypeError} When a layer's output shape is not one fixed shape per image.
 *
 * @example
 * ```ts
 * const rows = layerSummary(buildConvAutoencoder());
 * rows[1]; // { name: "encoder_conv1", type: "Conv2D", part: "encoder", outputShape: [14, 14, 32], parameters: 320 }
 * rows.reduce((sum, row) => sum + row.parameters, 0); // 190885
 * ```
 */
export function layerSummary(bundle: AutoencoderBundle): LayerSummaryRow[] {
  const encoderNames = new Set(bundle.encoder.layers.map((layer) => layer.name));
  const decoderNames = new Set(bundle.decoder.layers.map((layer) => layer.name));
  return bundle.autoencoder.layers.map((layer) => {
    const isInput = layer.getClassName() === "InputLayer";
    const part = isInput
      ? "input"
      : encoderNames.has(layer.name)
      ? "encoder"
      : decoderNames.has(layer.name)
      ? "decoder"
      : "—";
    return {
      name: layer.name,
      type: layer.getClassName(),
      part,
      outputShape: imageShape(layer),
      parameters: layer.countParams(),
    };
  });
}

/** The layer's output shape without the batch dimension; one shape however often it is used. */
function imageShape(layer: tf.layers.Layer): number[] {
  const shape = layer.outputShape;
  const single = Array.isArray(shape[0]) ? undefined : shape as (number | null)[];
  const perImage = single?.slice(1);
  if (perImage === undefined || perImage.some((size) => typeof size !== "number")) {
    throw new TypeError(
      `layerSummary: layer "${layer.name}" has output shape ${JSON.stringify(shape)}; expected ` +
        `one shape [batch, ...sizes] with fixed sizes, as the project's autoencoders have.`,
    );
  }
  return perImage as number[];
}
