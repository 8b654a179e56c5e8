/**
 * Gathering convolution patches ("im2col") on the wasm heap, in the two layouts the filter
 * gradient's matrix products need. Positions outside the input (padding) are zero.
 *
 * For a convolution with geometry `info` (stride `s`, padding `top`/`left`), the patch of output
 * pixel `p = (n, oh, ow)` at filter tap `(kh, kw)` and channel `ci` is
 * `x[n, s·oh + kh − top, s·ow + kw − left, ci]`. Pixels are numbered `p = (n·outH + oh)·outW + ow`,
 * the order of `dy` viewed as `[pixels, outC]`.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { allocateTensorInfo, heapFloat32, type TensorInfo } from "./backend_calls.ts";
import { insideRange } from "./tap_products.ts";

/**
 * The parts of a `Conv2DInfo` the gathers use.
 *
 * @example
 * ```ts
 * const geometry: PatchGeometry = tf.backend_util.computeConv2DInfo(
 *   [32, 28, 28, 1], [3, 3, 1, 32], 2, 1, "same",
 * );
 * ```
 */
export type PatchGeometry = Pick<
  tf.backend_util.Conv2DInfo,
  | "batchSize"
  | "inHeight"
  | "inWidth"
  | "inChannels"
  | "outHeight"
  | "outWidth"
  | "filterHeight"
  | "filterWidth"
  | "strideHeight"
  | "strideWidth"
  | "padInfo"
>;

function checkImageRange(info: PatchGeometry, firstImage: number, imageCount: number): void {
  if (
    !Number.isInteger(firstImage) || !Number.isInteger(imageCount) || firstImage < 0 ||
    imageCount < 1 || firstImage + imageCount > info.batchSize
  ) {
    throw new RangeError(
      `Patch gathering: images ${firstImage} … ${firstImage + imageCount - 1} are not inside ` +
        `the batch of ${info.batchSize}.`,
    );
  }
}

/**
 * Patches as rows: `[1, kH·kW·inC, pixels]`, row `(kh, kw, ci)`, column `p`. This is the left
 * operand of `dW = patchesᵀ · dy`.
 *
 * @example
 * ```ts
 * const rows = gatherPatchRows(backend, x, info); // [1, 9 · 32, 32 · 14 · 14] for conv2's x
 * ```
 */
export function gatherPatchRows(
  backend: BackendWasm,
  x: TensorInfo,
  info: PatchGeometry,
  firstImage = 0,
  imageCount: number = info.batchSize - firstImage,
): TensorInfo {
  const { inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  checkImageRange(info, firstImage, imageCount);
  const pixels = imageCount * outHeight * outWidth;
  const output = allocateTensorInfo(backend, [
    1,
    info.filterHeight * info.filterWidth * inChannels,
    pixels,
  ]);
  const source = heapFloat32(backend, x);
  const target = heapFloat32(backend, output);
  // Tiles of [inC rows × outW columns]: contiguous reads of whole pixels, and the writes of one
  // tile stay within a few cache lines per row. (Measured faster than hoisting the bounds checks.)
  for (let kh = 0; kh < info.filterHeight; kh++) {
    for (let kw = 0; kw < info.filterWidth; kw++) {
      const tapRow = (kh * info.filterWidth + kw) * inChannels * pixels;
      for (let n = 0; n < imageCount; n++) {
        for (let oh = 0; oh < outHeight; oh++) {
          const h = info.strideHeight * oh + kh - info.padInfo.top;
          const rowStart = tapRow + (n * outHeight + oh) * outWidth;
          if (h < 0 || h >= inHeight) {
            for (let ci = 0; ci < inChannels; ci++) {
              const start = rowStart + ci * pixels;
              target.fill(0, start, start + outWidth);
            }
            continue;
          }
          const sourceRow = ((firstImage + n) * inHeight + h) * inWidth;
          for (let ow = 0; ow < outWidth; ow++) {
            const w = info.strideWidth * ow + kw - info.padInfo.left;
            let to = rowStart + ow;
            if (w < 0 || w >= inWidth) {
              for (let ci = 0; ci < inChannels; ci++, to += pixels) target[to] = 0;
              continue;
            }
            const from = (sourceRow + w) * inChannels;
            for (let ci = 0; ci < inChannels; ci++, to += pixels) target[to] = source[from + ci];
          }
        }
      }
    }
  }
  return output;
}

/**
 * Patches as columns: `[1, pixels, kH·kW·inC]`, row `p`, column `(kh, kw, ci)` (the classic
 * im2col matrix). Each patch row is copied as whole pixels of `inC` contiguous floats.
 *
 * @example
 * ```ts
 * const columns = gatherPatchColumns(backend, x, info); // [1, 32 · 28 · 28, 9] for x [32,28,28,1]
 * ```
 */
export function gatherPatchColumns(
  backend: BackendWasm,
  x: TensorInfo,
  info: PatchGeometry,
  firstImage = 0,
  imageCount: number = info.batchSize - firstImage,
): TensorInfo {
  const { inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  checkImageRange(info, firstImage, imageCount);
  const patchSize = info.filterHeight * info.filterWidth * inChannels;
  const output = allocateTensorInfo(backend, [1, imageCount * outHeight * outWidth, patchSize]);
  const source = heapFloat32(backend, x);
  const target = heapFloat32(backend, output);
  const padded = info.padInfo.top > 0 || info.padInfo.left > 0 ||
    info.strideHeight * (outHeight - 1) + info.filterHeight - info.padInfo.top > inHeight ||
    info.strideWidth * (outWidth - 1) + info.filterWidth - info.padInfo.left > inWidth;
  if (padded) target.fill(0);
  for (let n = 0; n < imageCount; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const pixelRow = (n * outHeight + oh) * outWidth;
      for (let kh = 0; kh < info.filterHeight; kh++) {
        const h = info.strideHeight * oh + kh - info.padInfo.top;
        if (h < 0 || h >= inHeight) continue;
        const sourceRow = ((firstImage + n) * inHeight + h) * inWidth;
        for (let kw = 0; kw < info.filterWidth; kw++) {
          const shift = kw - info.padInfo.left;
          const [first, end] = insideRange(outWidth, inWidth, info.strideWidth, shift);
          let to = (pixelRow + first) * patchSize + (kh * info.filterWidth + kw) * inChannels;
          let from = (sourceRow + info.strideWidth * first + shift) * inChannels;
          const fromStep = info.strideWidth * inChannels;
          if (inChannels === 1) {
            for (let ow = first; ow < end; ow++, from += fromStep, to += patchSize) {
              target[to] = source[from];
            }
          } else {
            for (let ow = first; ow < end; ow++, from += fromStep, to += patchSize) {
              for (let ci = 0; ci < inChannels; ci++) target[to + ci] = source[from + ci];
            }
          }
        }
      }
    }
  }
  return output;
}
