/**
 * `Conv2DBackpropFilter` for the wasm backend (which has none): the filter gradient of a 2-D
 * convolution, by the project's direct SIMD kernel (`"direct"`, see `wasm/kernels.ts`), or, where
 * that cannot run, as XNNPACK matrix products over gathered patches.
 *
 * The direct kernel reads `x` and `dy` where they are: tiles of 4 input × 8 output channels sum
 * over the pixels in registers, with no patch matrix in between.
 *
 * `dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, s·oh + kh − pad, s·ow + kw − pad, ci] · dy[n, oh, ow, co]`
 * is the product of the gathered input patches (transposed) with `dy` viewed as a
 * `[pixels, outC]` matrix. A matrix product beats the equivalent dilated convolution (`xᵀ`
 * `[ci, H, W, n]` with the "filter" `dyᵀ`): XNNPACK tiles a convolution's output per image, and
 * here every "image" has only `kH·kW` output pixels.
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
  reshapeTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";
import { crop4d } from "./heap_copies.ts";
import { heapOffset, simdKernels } from "./simd_kernels.ts";
import { gatherPatchColumns, gatherPatchRows } from "./patches.ts";
import { withChannelsLast } from "./data_format.ts";

/**
 * Attributes of the `Conv2DBackpropFilter` kernel, as tfjs passes them.
 *
 * @example
 * ```ts
 * const attributes: Conv2DBackpropFilterAttributes = {
 *   filterShape: [3, 3, 32, 64], strides: 2, pad: "same", dataFormat: "NHWC",
 * };
 * ```
 */
export interface Conv2DBackpropFilterAttributes {
  filterShape: [number, number, number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * Overrides of {@link conv2dBackpropFilterChannelsLast}'s choices, for benchmarks and tests.
 *
 * @example
 * ```ts
 * const options: FilterGradientOptions = { strategy: "patch-rows", chunkPixels: 4096 };
 * ```
 */
export interface FilterGradientOptions {
  /** Arrangement of the matrix product; default {@link filterGradientStrategy}. */
  strategy?: FilterGradientStrategy;
  /** Pixels per chunk of the batch; default {@link FILTER_GRADIENT_CHUNK_PIXELS}. */
  chunkPixels?: number;
}

/**
 * How {@link conv2dBackpropFilterChannelsLast} computes: `"direct"` (the SIMD kernel, the default
 * where it runs) or one of the two arrangements of the XNNPACK matrix product (see
 * {@link filterGradientStrategy}).
 *
 * @example
 * ```ts
 * const strategy: FilterGradientStrategy = "patch-rows";
 * ```
 */
export type FilterGradientStrategy = "direct" | "patch-rows" | "patch-columns";

/**
 * Picks the cheaper arrangement of `dW = patchesᵀ · dy` for the XNNPACK matrix product, which
 * copies ("packs") its right operand on every call at a few nanoseconds per float:
 * - `"patch-rows"`: `patchesᵀ [taps·inC, pixels] · dy [pixels, outC]`; packs `dy`.
 * - `"patch-columns"`: `dyᵀ [outC, pixels] · patches [pixels, taps·inC]`, then a small transpose;
 *   packs the patches and transposes `dy`, so it wins when `taps·inC` is well below `outC` (a
 *   first convolution on a 1-channel image, or a transposed convolution to 1 channel).
 *
 * @example
 * ```ts
 * filterGradientStrategy(3, 3, 1, 32); // "patch-columns"
 * filterGradientStrategy(3, 3, 32, 64); // "patch-rows"
 * ```
 */
export function filterGradientStrategy(
  filterHeight: number,
  filterWidth: number,
  inChannels: number,
  outChannels: number,
): FilterGradientStrategy {
  return 2 * filterHeight * filterWidth * inChannels <= outChannels
    ? "patch-columns"
    : "patch-rows";
}

function matrixProduct(backend: BackendWasm, a: TensorInfo, b: TensorInfo): TensorInfo {
  return callBackendKernel(backend, "_FusedMatMul", { a, b }, {
    transposeA: false,
    transposeB: false,
    activation: "linear",
  });
}

/**
 * Computes `Conv2DBackpropFilter` for channels-last `x` `[N, H, W, inC]` and `dy`
 * `[N, outH, outW, outC]`; returns the filter gradient `[kH, kW, inC, outC]`, as XNNPACK
 * matrix products over gathered patches (see {@link filterGradientStrategy}), one per chunk of
 * the batch (see {@link filterGradientChunkImages}).
 *
 * @example
 * ```ts
 * const dw = conv2dBackpropFilterChannelsLast(backend, x, dy, {
 *   filterShape: [3, 3, 32, 64], strides: 2, pad: "same",
 * });
 * ```
 */
export function conv2dBackpropFilterChannelsLast(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  attributes: Conv2DBackpropFilterAttributes,
  options: FilterGradientOptions = {},
): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attributes.filterShape,
    attributes.strides,
    1,
    attributes.pad,
    attributes.dimRoundingMode,
    false,
    "channelsLast",
  );
  if (
    dy.shape[0] !== info.batchSize || dy.shape[1] !== info.outHeight ||
    dy.shape[2] !== info.outWidth || dy.shape[3] !== info.outChannels
  ) {
    throw new RangeError(
      `Conv2DBackpropFilter: dy has shape [${dy.shape}] but a convolution of x [${x.shape}] ` +
        `with a filter [${attributes.filterShape}] produces [${info.outShape}]. ` +
        `Pass the dy of that convolution.`,
    );
  }
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const kernels = simdKernels(backend);
  const chosen = options.strategy ??
    (kernels
      ? "direct"
      : filterGradientStrategy(filterHeight, filterWidth, inChannels, outChannels));
  if (chosen === "direct") {
    if (!kernels) {
      throw new Error(
        `Conv2DBackpropFilter: the "direct" strategy needs the SIMD kernels, which this ` +
          `JavaScript engine cannot run (relaxed SIMD missing). Use "patch-rows".`,
      );
    }
    const gradient = allocateTensorInfo(backend, [...attributes.filterShape]);
    kernels.conv2dFilterGradient(
      heapOffset(backend, x),
      heapOffset(backend, dy),
      heapOffset(backend, gradient),
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
      directChunkRows(info),
    );
    return gradient;
  }
  const chunk = filterGradientChunkImages(
    info.batchSize,
    info.outHeight * info.outWidth,
    options.chunkPixels,
  );
  let total: TensorInfo | undefined;
  for (let firstImage = 0; firstImage < info.batchSize; firstImage += chunk) {
    const imageCount = Math.min(chunk, info.batchSize - firstImage);
    const part = filterGradientOfImages(backend, x, dy, info, chosen, firstImage, imageCount);
    if (total === undefined) {
      total = part;
    } else {
      // `total` is this kernel's own intermediate, so it may be updated in place.
      const sum = heapFloat32(backend, total);
      const values = heapFloat32(backend, part);
      for (let i = 0; i < sum.length; i++) sum[i] += values[i];
      releaseTensorInfo(backend, part);
    }
  }
  const result = reshapeTensorInfo(backend, total!, [
    filterHeight,
    filterWidth,
    inChannels,
    outChannels,
  ]);
  releaseTensorInfo(backend, total!);
  return result;
}

/**
 * Bytes of `x` and `dy` the direct kernel keeps in the cache at a time (about 96 KiB: a chunk of
 * rows is reused by all taps and channel tiles before the next is read).
 *
 * @example
 * ```ts
 * const rows = directChunkRows(info); // 9 for the CAE's largest filter gradient
 * ```
 */
export const DIRECT_CHUNK_BYTES = 96 * 1024;

/**
 * Rows of `dy` per chunk of the direct kernel: as many as fit {@link DIRECT_CHUNK_BYTES} with the
 * rows of `x` they read (at least one).
 *
 * @example
 * ```ts
 * directChunkRows(tf.backend_util.computeConv2DInfo([32, 28, 28, 32], [3, 3, 32, 64], 2, 1,
 *   "same")); // 9
 * ```
 */
export function directChunkRows(
  info: Pick<
    tf.backend_util.Conv2DInfo,
    "outWidth" | "outChannels" | "strideHeight" | "inWidth" | "inChannels"
  >,
): number {
  const rowBytes = 4 * (info.outWidth * info.outChannels +
    info.strideHeight * info.inWidth * info.inChannels);
  return Math.max(1, Math.floor(DIRECT_CHUNK_BYTES / rowBytes));
}

/**
 * Pixels of `dy` per matrix product in {@link conv2dBackpropFilterChannelsLast}. Longer products
 * stream operands bigger than the caches (XNNPACK does not block the shared dimension), so the
 * batch is split into chunks of about this many pixels and the partial gradients are added.
 * (Measured: at batch 128 the largest CAE filter gradient takes 59 ms in chunks, 86 ms whole.)
 *
 * @example
 * ```ts
 * const chunks = Math.ceil((128 * 14 * 14) / FILTER_GRADIENT_CHUNK_PIXELS); // 4
 * ```
 */
export const FILTER_GRADIENT_CHUNK_PIXELS = 8192;

/**
 * Images per chunk of the batch for the filter gradient: balanced chunks of at most about
 * {@link FILTER_GRADIENT_CHUNK_PIXELS} output pixels (at least one image).
 *
 * @example
 * ```ts
 * filterGradientChunkImages(128, 14 * 14); // 32
 * filterGradientChunkImages(32, 7 * 7); // 32
 * ```
 */
export function filterGradientChunkImages(
  batchSize: number,
  pixelsPerImage: number,
  chunkPixels: number = FILTER_GRADIENT_CHUNK_PIXELS,
): number {
  const chunks = Math.max(1, Math.ceil((batchSize * pixelsPerImage) / chunkPixels));
  return Math.ceil(batchSize / chunks);
}

/** The filter gradient `[1, taps·inC, outC]` from images `firstImage … + imageCount − 1`. */
function filterGradientOfImages(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  strategy: FilterGradientStrategy,
  firstImage: number,
  imageCount: number,
): TensorInfo {
  const { outHeight, outWidth, outChannels } = info;
  const pixels = imageCount * outHeight * outWidth;
  const dyPart = imageCount === info.batchSize
    ? reshapeTensorInfo(backend, dy, [1, pixels, outChannels])
    : crop4d(backend, dy, [firstImage, 0, 0, 0], [imageCount, outHeight, outWidth, outChannels]);
  const dyMatrix = reshapeTensorInfo(backend, dyPart, [1, pixels, outChannels]);
  releaseTensorInfo(backend, dyPart);
  if (strategy === "patch-rows") {
    const rows = gatherPatchRows(backend, x, info, firstImage, imageCount);
    const gradient = matrixProduct(backend, rows, dyMatrix);
    releaseTensorInfo(backend, rows);
    releaseTensorInfo(backend, dyMatrix);
    return gradient;
  }
  const columns = gatherPatchColumns(backend, x, info, firstImage, imageCount);
  const dyT = callBackendKernel(backend, "Transpose", { x: dyMatrix }, { perm: [0, 2, 1] });
  releaseTensorInfo(backend, dyMatrix);
  const transposed = matrixProduct(backend, dyT, columns);
  releaseTensorInfo(backend, dyT);
  releaseTensorInfo(backend, columns);
  const gradient = callBackendKernel(backend, "Transpose", { x: transposed }, { perm: [0, 2, 1] });
  releaseTensorInfo(backend, transposed);
  return gradient;
}

function conv2dBackpropFilterKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
  const attributes = args.attrs as unknown as Conv2DBackpropFilterAttributes;
  if (x.dtype !== "float32" || dy.dtype !== "float32") {
    throw new TypeError(
      `Conv2DBackpropFilter on wasm supports float32 only, got x ${x.dtype} and dy ` +
        `${dy.dtype}. Cast the tensors to float32 first.`,
    );
  }
  return withChannelsLast(
    backend,
    attributes.dataFormat ?? "NHWC",
    { x, dy },
    x.shape as [number, number, number, number],
    false,
    (channelsLast) =>
      conv2dBackpropFilterChannelsLast(backend, channelsLast.x, channelsLast.dy, attributes),
  );
}

/**
 * Kernel config that adds `Conv2DBackpropFilter` to the wasm backend.
 *
 * @example
 * ```ts
 * tf.registerKernel(conv2dBackpropFilterConfig);
 * ```
 */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilterKernel as tf.KernelFunc,
};
