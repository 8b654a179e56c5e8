/**
 * `Conv2DBackpropInput` for the wasm backend: the input gradient of a 2-D convolution, which is
 * also the forward pass of `conv2dTranspose`.
 *
 * The wasm original is a scalar loop. Where the gradient has a multiple of 8 channels, the
 * project's SIMD kernel computes it directly (`conv2dInputGradient` in `wasm/kernels.ts`, one pass
 * over the phases described below). Otherwise this version splits a stride-`s` transposed
 * convolution into
 * its `s × s` phases (see {@link planAxis}): each phase is a stride-1 XNNPACK `Conv2D` of `dy` with
 * a small reversed, channel-transposed sub-kernel, and the phase outputs are interleaved into the
 * result. With stride 1 it is a single convolution whose output is the result. Gradients with at
 * most {@link TAP_PRODUCT_MAX_IN_CHANNELS} channels use {@link conv2dBackpropInputByTapProducts}.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  allocateTensorInfo,
  callBackendKernel,
  heapFloat32,
  releaseTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";
import { crop4d, scatterStrided, type StridedPlacement } from "./heap_copies.ts";
import { type AxisPhase, planAxis } from "./phase_plan.ts";
import { withChannelsLast } from "./data_format.ts";
import { conv2dBackpropInputByTapProducts, TAP_PRODUCT_MAX_IN_CHANNELS } from "./tap_products.ts";
import { heapOffset, simdKernels, zeroFloats } from "./simd_kernels.ts";

/**
 * Attributes of the `Conv2DBackpropInput` kernel, as tfjs passes them.
 *
 * @example
 * ```ts
 * const attributes: Conv2DBackpropInputAttributes = {
 *   inputShape: [32, 28, 28, 32], strides: 2, pad: "same", dataFormat: "NHWC",
 * };
 * ```
 */
export interface Conv2DBackpropInputAttributes {
  inputShape: [number, number, number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * Builds the stride-1 sub-kernel of one phase: `[rowTaps, columnTaps, outChannels, inChannels]`
 * from a forward filter `[filterHeight, filterWidth, inChannels, outChannels]`, taking the taps in
 * the (reversed) order the phase plan lists them.
 *
 * @example
 * ```ts
 * const sub = phaseSubKernel(backend, filter, [2, 0], [1]); // shape [2, 1, outC, inC]
 * ```
 */
export function phaseSubKernel(
  backend: BackendWasm,
  filter: TensorInfo,
  rowTaps: readonly number[],
  columnTaps: readonly number[],
): TensorInfo {
  const [, filterWidth, inChannels, outChannels] = filter.shape;
  const sub = allocateTensorInfo(backend, [
    rowTaps.length,
    columnTaps.length,
    outChannels,
    inChannels,
  ]);
  const source = heapFloat32(backend, filter);
  const target = heapFloat32(backend, sub);
  let to = 0;
  for (const row of rowTaps) {
    for (const column of columnTaps) {
      const tapStart = (row * filterWidth + column) * inChannels * outChannels;
      for (let out = 0; out < outChannels; out++) {
        let from = tapStart + out;
        for (let inChannel = 0; inChannel < inChannels; inChannel++, from += outChannels) {
          target[to++] = source[from];
        }
      }
    }
  }
  return sub;
}

function phaseConvolution(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  rowPhase: AxisPhase,
  columnPhase: AxisPhase,
): TensorInfo {
  const [batch, dyHeight, dyWidth, dyChannels] = dy.shape;
  const needsCrop = rowPhase.inputStart !== 0 || rowPhase.inputCount !== dyHeight ||
    columnPhase.inputStart !== 0 || columnPhase.inputCount !== dyWidth;
  const input = needsCrop
    ? crop4d(backend, dy, [0, rowPhase.inputStart, columnPhase.inputStart, 0], [
      batch,
      rowPhase.inputCount,
      columnPhase.inputCount,
      dyChannels,
    ])
    : dy;
  const sub = phaseSubKernel(backend, filter, rowPhase.taps, columnPhase.taps);
  const output = callBackendKernel(backend, "Conv2D", { x: input, filter: sub }, {
    strides: [1, 1],
    dilations: [1, 1],
    pad: [[0, 0], [rowPhase.padBefore, rowPhase.padAfter], [
      columnPhase.padBefore,
      columnPhase.padAfter,
    ], [0, 0]],
    dataFormat: "NHWC",
  });
  releaseTensorInfo(backend, sub);
  if (needsCrop) releaseTensorInfo(backend, input);
  return output;
}

/**
 * Computes `Conv2DBackpropInput` for channels-last tensors: `dy` `[N, outH, outW, outC]` and
 * `filter` `[kH, kW, inC, outC]` give the gradient `[N, inH, inW, inC]` of `inputShape`.
 * `options.direct: false` skips the SIMD kernel (for comparisons).
 *
 * @example
 * ```ts
 * const dx = conv2dBackpropInputChannelsLast(backend, dy, filter, {
 *   inputShape: [32, 14, 14, 64], strides: 2, pad: "same",
 * });
 * ```
 */
export function conv2dBackpropInputChannelsLast(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  attributes: Conv2DBackpropInputAttributes,
  options: { direct?: boolean } = {},
): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    attributes.inputShape,
    filter.shape as [number, number, number, number],
    attributes.strides,
    1,
    attributes.pad,
    attributes.dimRoundingMode,
    false,
    "channelsLast",
  );
  if (dy.shape[1] !== info.outHeight || dy.shape[2] !== info.outWidth) {
    throw new RangeError(
      `Conv2DBackpropInput: dy has shape [${dy.shape}] but a convolution of input ` +
        `[${attributes.inputShape}] with filter [${filter.shape}] produces ` +
        `[${info.outShape}]. Pass the dy of that convolution.`,
    );
  }
  const kernels = options.direct === false ? undefined : simdKernels(backend);
  if (kernels && info.inChannels % 8 === 0) {
    const { filterHeight, filterWidth, inChannels, outChannels } = info;
    const output = allocateTensorInfo(backend, info.inShape.slice());
    const transposed = allocateTensorInfo(backend, filter.shape.slice());
    const zeros = zeroFloats(backend, outChannels);
    kernels.transposeTaps(
      heapOffset(backend, filter),
      heapOffset(backend, transposed),
      filterHeight * filterWidth,
      inChannels,
      outChannels,
    );
    kernels.conv2dInputGradient(
      heapOffset(backend, dy),
      heapOffset(backend, transposed),
      heapOffset(backend, output),
      heapOffset(backend, zeros),
      info.batchSize,
      info.inHeight,
      info.inWidth,
      inChannels,
      info.outHeight,
      info.outWidth,
      outChannels,
      filterHeight,
      filterWidth,
      info.strideHeight,
      info.strideWidth,
      info.padInfo.top,
      info.padInfo.left,
    );
    releaseTensorInfo(backend, transposed);
    releaseTensorInfo(backend, zeros);
    return output;
  }
  if (info.inChannels <= TAP_PRODUCT_MAX_IN_CHANNELS) {
    return conv2dBackpropInputByTapProducts(backend, dy, filter, info);
  }
  const rows = planAxis(
    info.inHeight,
    info.outHeight,
    info.filterHeight,
    info.strideHeight,
    info.padInfo.top,
  );
  const columns = planAxis(
    info.inWidth,
    info.outWidth,
    info.filterWidth,
    info.strideWidth,
    info.padInfo.left,
  );
  const rowPhases = rows.phases.filter((phase) => phase.count > 0);
  const columnPhases = columns.phases.filter((phase) => phase.count > 0);
  if (
    rowPhases.length === 1 && columnPhases.length === 1 && rows.coversOutput &&
    columns.coversOutput && rows.stride === 1 && columns.stride === 1
  ) {
    // Stride 1: the single phase is the whole result, already in place.
    return phaseConvolution(backend, dy, filter, rowPhases[0], columnPhases[0]);
  }
  const output = allocateTensorInfo(backend, info.inShape.slice());
  if (!rows.coversOutput || !columns.coversOutput) heapFloat32(backend, output).fill(0);
  const placements: StridedPlacement[] = [];
  try {
    for (const rowPhase of rowPhases) {
      for (const columnPhase of columnPhases) {
        placements.push({
          source: phaseConvolution(backend, dy, filter, rowPhase, columnPhase),
          firstRow: rowPhase.firstOutput,
          firstColumn: columnPhase.firstOutput,
        });
      }
    }
    scatterStrided(backend, output, info.strideHeight, info.strideWidth, placements);
  } catch (error) {
    releaseTensorInfo(backend, output);
    throw error;
  } finally {
    for (const placement of placements) releaseTensorInfo(backend, placement.source);
  }
  return output;
}

function conv2dBackpropInputKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
  const attributes = args.attrs as unknown as Conv2DBackpropInputAttributes;
  if (dy.dtype !== "float32" || filter.dtype !== "float32") {
    throw new TypeError(
      `Conv2DBackpropInput on wasm supports float32 only, got dy ${dy.dtype} and filter ` +
        `${filter.dtype}. Cast the tensors to float32 first.`,
    );
  }
  return withChannelsLast(
    backend,
    attributes.dataFormat ?? "NHWC",
    { dy },
    attributes.inputShape,
    true,
    ({ dy: dyChannelsLast }, inputShape) =>
      conv2dBackpropInputChannelsLast(backend, dyChannelsLast, filter, {
        ...attributes,
        inputShape,
      }),
  );
}

/**
 * Kernel config that replaces the wasm backend's scalar `Conv2DBackpropInput`.
 *
 * @example
 * ```ts
 * tf.registerKernel(conv2dBackpropInputConfig);
 * ```
 */
export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: "Conv2DBackpropInput",
  backendName: "wasm",
  kernelFunc: conv2dBackpropInputKernel as tf.KernelFunc,
};
