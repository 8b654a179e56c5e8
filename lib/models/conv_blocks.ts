/**
 * The article's convolutional encoder trunk and decoder as layer lists, shared by the CAE and
 * the VAE (which differ only in what sits between them).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_SIZE } from "../data/constants.ts";
import type { seededInitializers } from "./layer_helpers.ts";

/** Shape options shared by the convolutional models. */
export interface ConvBlockOptions {
  /** Filters of the two encoder convolutions (the decoder mirrors them). */
  filters: [number, number];
  /** Width of the Dense layer after Flatten, or null for none. */
  bottleneckUnits: number | null;
}

type Initializers = ReturnType<typeof seededInitializers>;

/**
 * Conv2D(f1,3,s2,same,relu) → Conv2D(f2,3,s2,same,relu) → Flatten → [Dense(bottleneck,relu)].
 * Call before {@link convDecoderLayers} with the same `init`, so seeds follow the layer order.
 *
 * @example
 * ```ts
 * const init = seededInitializers(0);
 * const trunk = convEncoderTrunk(init, { filters: [32, 64], bottleneckUnits: 16 });
 * ```
 */
export function convEncoderTrunk(init: Initializers, options: ConvBlockOptions): tf.layers.Layer[] {
  const conv = (filters: number, name: string) =>
    tf.layers.conv2d({
      filters,
      kernelSize: 3,
      strides: 2,
      padding: "same",
      activation: "relu",
      kernelInitializer: init(),
      name,
    });
  const [filters1, filters2] = options.filters;
  return [
    conv(filters1, "encoder_conv1"),
    conv(filters2, "encoder_conv2"),
    tf.layers.flatten({ name: "encoder_flatten" }),
    ...(options.bottleneckUnits === null ? [] : [
      tf.layers.dense({
        units: options.bottleneckUnits,
        activation: "relu",
        kernelInitializer: init(),
        name: "encoder_bottleneck",
      }),
    ]),
  ];
}

/**
 * Dense(7·7·f2,relu) → Reshape(7,7,f2) → Conv2DTranspose(f2,3,s2,relu) →
 * Conv2DTranspose(f1,3,s2,relu) → Conv2DTranspose(1,3,sigmoid). Layer names start with `decoder_`.
 *
 * @example
 * ```ts
 * const decoder = convDecoderLayers(init, { filters: [32, 64], bottleneckUnits: 16 });
 * ```
 */
export function convDecoderLayers(
  init: Initializers,
  options: Pick<ConvBlockOptions, "filters">,
): tf.layers.Layer[] {
  const deconv = (filters: number, strides: number, activation: "relu" | "sigmoid", name: string) =>
    tf.layers.conv2dTranspose({
      filters,
      kernelSize: 3,
      strides,
      padding: "same",
      activation,
      kernelInitializer: init(),
      name,
    });
  const [filters1, filters2] = options.filters;
  const side = IMAGE_SIZE / 4;
  return [
    tf.layers.dense({
      units: side * side * filters2,
      activation: "relu",
      kernelInitializer: init(),
      name: "decoder_dense",
    }),
    tf.layers.reshape({ targetShape: [side, side, filters2], name: "decoder_reshape" }),
    deconv(filters2, 2, "relu", "decoder_deconv1"),
    deconv(filters1, 2, "relu", "decoder_deconv2"),
    deconv(1, 1, "sigmoid", "decoder_output"),
  ];
}

/**
 * Applies layers one after another to a symbolic tensor.
 *
 * @example
 * ```ts
 * const latent = applyChain(encoderLayers, tf.input({ shape: [28, 28, 1] }));
 * ```
 */
export function applyChain(layers: tf.layers.Layer[], input: tf.SymbolicTensor): tf.SymbolicTensor {
  let output = input;
  for (const layer of layers) output = layer.apply(output) as tf.SymbolicTensor;
  return output;
}
