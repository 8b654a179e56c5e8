/**
 * `Conv2D` for the wasm backend by the project's SIMD kernel (`conv2d` in `wasm/kernels.ts`).
 *
 * During training every convolution runs as a plain `Conv2D` (tfjs fuses bias and activation only
 * outside a gradient tape): the encoder's forward convolutions and the input gradients of the
 * transposed convolutions. XNNPACK builds an operator for each new filter, packing the weights
 * and an indirection buffer, and the weights change at every step; the direct kernel reads the
 * filter as it is (NCHW inputs are transposed around it, which the original cannot do at all).
 * Other cases (dilations, fewer than 8 input channels, output channels not a multiple of 8, other
 * dtypes) keep the original.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { allocateTensorInfo, callOriginalKernel, type TensorInfo } from "./backend_calls.ts";
import { withChannelsLast } from "./data_format.ts";
import { heapOffset, simdKernels, zeroFloats } from "./simd_kernels.ts";

/**
 * Attributes of the `Conv2D` kernel, as tfjs passes them.
 *
 * @example
 * ```ts
 * const attributes: Conv2DAttributes = { strides: 2, pad: "same", dataFormat: "NHWC", dilations: 1 };
 * ```
 */
export interface Conv2DAttributes {
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dilations?: number | [number, number];
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * Whether {@link conv2dDirect} handles a convolution (with NCHW transposed around it): no
 * dilation, float32, at least 8 input channels (with fewer, each tap is too short a sum for the
 * kernel's tiles and XNNPACK's is faster), a multiple of 8 output channels, and the SIMD kernels
 * available.
 *
 * @example
 * ```ts
 * directConv2dApplies(backend, x, filter, { strides: 1, pad: "same" }); // [3, 3, 32, 64]: true
 * ```
 */
export function directConv2dApplies(
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  attributes: Conv2DAttributes,
): boolean {
  const dilations = attributes.dilations ?? 1;
  const undilated = Array.isArray(dilations) ? dilations.every((d) => d === 1) : dilations === 1;
  return undilated && x.dtype === "float32" && filter.dtype === "float32" && x.shape.length === 4 &&
    filter.shape[2] >= 8 && filter.shape[3] % 8 === 0 && simdKernels(backend) !== undefined;
}

/**
 * Computes a channels-last `Conv2D` of `x` `[N, H, W, inC]` with `filter` `[kH, kW, inC, outC]`
 * (outC a multiple of 8) by the direct SIMD kernel.
 *
 * @example
 * ```ts
 * const y = conv2dDirect(backend, x, filter, { strides: 2, pad: "same" }); // [N, H/2, W/2, outC]
 * ```
 */
export function conv2dDirect(
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  attributes: Conv2DAttributes,
): TensorInfo {
  const kernels = simdKernels(backend);
  if (!kernels || filter.shape[3] % 8 !== 0) {
    throw new Error(
      `conv2dDirect needs the SIMD kernels and a multiple of 8 output channels (filter ` +
        `[${filter.shape}]); check directConv2dApplies first.`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    attributes.strides,
    1,
    attributes.pad,
    attributes.dimRoundingMode,
    false,
    "channelsLast",
  );
  const output = allocateTensorInfo(backend, info.outShape.slice());
  const zeros = zeroFloats(backend, info.inChannels);
  kernels.conv2d(
    heapOffset(backend, x),
    heapOffset(backend, filter),
    heapOffset(backend, output),
    heapOffset(backend, zeros),
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  );
  backend.disposeData(zeros.dataId);
  return output;
}

function conv2dKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
  const attributes = args.attrs as unknown as Conv2DAttributes;
  if (!directConv2dApplies(backend, x, filter, attributes)) {
    return callOriginalKernel(backend, "Conv2D", { x, filter }, args.attrs);
  }
  return withChannelsLast(
    backend,
    attributes.dataFormat ?? "NHWC",
    { x },
    x.shape as [number, number, number, number],
    true,
    (channelsLast) => conv2dDirect(backend, channelsLast.x, filter, attributes),
  );
}

/**
 * Kernel config that replaces the wasm backend's `Conv2D` where {@link directConv2dApplies}.
 *
 * @example
 * ```ts
 * tf.registerKernel(conv2dConfig);
 * ```
 */
export const conv2dConfig: tf.KernelConfig = {
  kernelName: "Conv2D",
  backendName: "wasm",
  kernelFunc: conv2dKernel as tf.KernelFunc,
};
