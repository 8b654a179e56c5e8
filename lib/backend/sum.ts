/**
 * `Sum` for the wasm backend over leading axes, as bias gradients need it (`[N, H, W, C]` summed
 * over `[0, 1, 2]`).
 *
 * The wasm original first transposes the reduced axes to the end (a full copy in a slow generic
 * 4-D transpose) and then reduces. Here the `[rows, C]` view is reduced in place by XNNPACK's
 * average pooling (see {@link sumRows}). Other reductions keep the original kernel.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  allocateTensorInfo,
  callBackendKernel,
  callOriginalKernel,
  heapFloat32,
  releaseTensorInfo,
  reshapeTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";

/**
 * Attributes of the `Sum` kernel (`axis` null or undefined: all axes).
 *
 * @example
 * ```ts
 * const biasGradient: SumAttributes = { axis: [0, 1, 2], keepDims: false };
 * ```
 */
export interface SumAttributes {
  axis?: number | number[] | null;
  keepDims: boolean;
}

/**
 * The number of leading axes `axis` reduces when it is exactly `[0, 1, …, k − 1]` (in any order,
 * negative values allowed) with `k` < rank; otherwise 0 (also for `null`, meaning all axes).
 *
 * @example
 * ```ts
 * leadingAxesCount([2, 0, 1], 4); // 3
 * leadingAxesCount([1, 2], 4); // 0
 * ```
 */
export function leadingAxesCount(
  axis: number | readonly number[] | null | undefined,
  rank: number,
): number {
  if (axis === null || axis === undefined) return 0;
  const axes = (typeof axis === "number" ? [axis] : [...axis]).map((a) => (a < 0 ? a + rank : a));
  const unique = [...new Set(axes)].sort((p, q) => p - q);
  if (unique.length === 0 || unique.length >= rank) return 0;
  return unique.every((a, index) => a === index) ? unique.length : 0;
}

/**
 * Sums a float32 `[rows, columns]` view of `x` over its rows into a new `[columns]` tensor, as an
 * XNNPACK average pooling over the whole `[leading, rows / leading]` window scaled by `rows`
 * (about 6× faster than a JavaScript loop: 0.5 ms instead of 3 ms for [128, 28, 28, 32]).
 *
 * @param leading a factor of `rows` used as the pooling window's height (e.g. N·H for an
 *   [N, H, W, C] tensor), so that neither window side is huge.
 *
 * @example
 * ```ts
 * const biasGradient = sumRows(backend, dy, 32 * 28 * 28, 32, 32 * 28); // [32]
 * ```
 */
export function sumRows(
  backend: BackendWasm,
  x: TensorInfo,
  rows: number,
  columns: number,
  leading: number = rows,
): TensorInfo {
  if (rows % leading !== 0) {
    throw new RangeError(`sumRows: leading ${leading} does not divide rows ${rows}.`);
  }
  if (rows === 1) {
    const copy = allocateTensorInfo(backend, [columns]);
    heapFloat32(backend, copy).set(heapFloat32(backend, x));
    return copy;
  }
  const window = [leading, rows / leading];
  const view = reshapeTensorInfo(backend, x, [1, window[0], window[1], columns]);
  const mean = callBackendKernel(backend, "AvgPool", { x: view }, {
    filterSize: window,
    strides: [1, 1],
    pad: "valid",
  });
  releaseTensorInfo(backend, view);
  // `mean` is this kernel's own intermediate: scale it in place and hand it out as [columns].
  const values = heapFloat32(backend, mean);
  for (let column = 0; column < columns; column++) values[column] *= rows;
  const sum = reshapeTensorInfo(backend, mean, [columns]);
  releaseTensorInfo(backend, mean);
  return sum;
}

function sumKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x } = args.inputs as { x: TensorInfo };
  const attributes = args.attrs as unknown as SumAttributes;
  const leading = x.dtype === "float32" ? leadingAxesCount(attributes.axis, x.shape.length) : 0;
  if (leading === 0) return callOriginalKernel(backend, "Sum", { x }, args.attrs);
  let rows = 1;
  for (let axis = 0; axis < leading; axis++) rows *= x.shape[axis];
  const kept = x.shape.slice(leading);
  const columns = kept.reduce((product, size) => product * size, 1);
  if (rows === 0 || columns === 0) return callOriginalKernel(backend, "Sum", { x }, args.attrs);
  // Pooling window: all reduced axes but the last by the last (e.g. [N·H, W] for [N, H, W, C]).
  const summed = sumRows(backend, x, rows, columns, rows / x.shape[leading - 1]);
  const shape = attributes.keepDims ? [...x.shape.slice(0, leading).map(() => 1), ...kept] : kept;
  const result = reshapeTensorInfo(backend, summed, shape);
  releaseTensorInfo(backend, summed);
  return result;
}

/**
 * Kernel config that replaces the wasm backend's `Sum`.
 *
 * @example
 * ```ts
 * tf.registerKernel(sumConfig);
 * ```
 */
export const sumConfig: tf.KernelConfig = {
  kernelName: "Sum",
  backendName: "wasm",
  kernelFunc: sumKernel as tf.KernelFunc,
};
