/**
 * The input gradient of a convolution with few input channels, as one matrix product followed by
 * a scatter-add ("col2im").
 *
 * `dx[n, s·oh + kh − top, s·ow + kw − left, ci] += Σ_co dy[n, oh, ow, co] · W[kh, kw, ci, co]`.
 * The inner sums for all taps at once are the matrix product `dy [pixels, outC] · Wᵀ
 * [outC, kH·kW·inC]`; adding each tap's column into the right output pixel is cheap when `inC` is
 * small. XNNPACK computes 8 output channels at a time, so a stride-1 convolution with 1 output
 * channel (the phase path for `conv2dTranspose(…, 1 filter)`) would waste 7/8 of its work; here
 * the product has `kH·kW·inC` columns instead.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  allocateTensorInfo,
  callBackendKernel,
  heapFloat32,
  releaseTensorInfo,
  reshapeTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";

/**
 * Largest number of input channels for which {@link conv2dBackpropInputByTapProducts} is used
 * instead of the phase decomposition.
 *
 * @example
 * ```ts
 * const useTapProducts = inChannels <= TAP_PRODUCT_MAX_IN_CHANNELS;
 * ```
 */
export const TAP_PRODUCT_MAX_IN_CHANNELS = 4;

/**
 * The output positions `o` in `[0, outputs)` whose input position `stride·o + shift` lies inside
 * `[0, inputs)`, as a half-open range `[first, end)` (empty when `first >= end`).
 *
 * @example
 * ```ts
 * insideRange(14, 28, 2, -1); // [1, 14]: o = 0 reads position −1
 * ```
 */
export function insideRange(
  outputs: number,
  inputs: number,
  stride: number,
  shift: number,
): [number, number] {
  const first = Math.max(0, Math.ceil(-shift / stride));
  const end = Math.min(outputs, Math.floor((inputs - 1 - shift) / stride) + 1);
  return [first, Math.max(first, end)];
}

/**
 * Computes `Conv2DBackpropInput` (channels-last) as `dy · Wᵀ` plus a scatter-add.
 *
 * @param info the forward convolution's geometry (`computeConv2DInfo` of the input shape).
 *
 * @example
 * ```ts
 * const dx = conv2dBackpropInputByTapProducts(backend, dy, filter, info); // [N, 28, 28, 1]
 * ```
 */
export function conv2dBackpropInputByTapProducts(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const patchSize = filterHeight * filterWidth * inChannels;
  const pixels = batchSize * outHeight * outWidth;
  // Wᵀ [1, outC, kH·kW·inC] from W [kH, kW, inC, outC].
  const filterMatrix = reshapeTensorInfo(backend, filter, [1, patchSize, outChannels]);
  const filterT = callBackendKernel(backend, "Transpose", { x: filterMatrix }, {
    perm: [0, 2, 1],
  });
  releaseTensorInfo(backend, filterMatrix);
  const dyMatrix = reshapeTensorInfo(backend, dy, [1, pixels, outChannels]);
  const taps = callBackendKernel(backend, "_FusedMatMul", { a: dyMatrix, b: filterT }, {
    transposeA: false,
    transposeB: false,
    activation: "linear",
  });
  releaseTensorInfo(backend, dyMatrix);
  releaseTensorInfo(backend, filterT);
  const output = allocateTensorInfo(backend, [batchSize, inHeight, inWidth, inChannels]);
  const target = heapFloat32(backend, output);
  const source = heapFloat32(backend, taps);
  target.fill(0);
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const pixelRow = (n * outHeight + oh) * outWidth;
      for (let kh = 0; kh < filterHeight; kh++) {
        const y = strideHeight * oh + kh - info.padInfo.top;
        if (y < 0 || y >= inHeight) continue;
        const outputRow = (n * inHeight + y) * inWidth;
        for (let kw = 0; kw < filterWidth; kw++) {
          const shift = kw - info.padInfo.left;
          const [first, end] = insideRange(outWidth, inWidth, strideWidth, shift);
          let from = (pixelRow + first) * patchSize + (kh * filterWidth + kw) * inChannels;
          let to = (outputRow + strideWidth * first + shift) * inChannels;
          const fromStep = patchSize;
          const toStep = strideWidth * inChannels;
          if (inChannels === 1) {
            for (let ow = first; ow < end; ow++, from += fromStep, to += toStep) {
              target[to] += source[from];
            }
          } else {
            for (let ow = first; ow < end; ow++, from += fromStep, to += toStep) {
              for (let ci = 0; ci < inChannels; ci++) target[to + ci] += source[from + ci];
            }
          }
        }
      }
    }
  }
  releaseTensorInfo(backend, taps);
  return output;
}
