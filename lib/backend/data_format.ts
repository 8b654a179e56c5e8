/**
 * Support for `NCHW` (channels-first) tensors in kernels that compute in `NHWC`: transpose the
 * inputs to channels-last, compute, transpose the result back. Correct, not fast; the models in
 * this project are channels-last.
 *
 * @module
 */
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { callBackendKernel, releaseTensorInfo, type TensorInfo } from "./backend_calls.ts";

/**
 * A 4-D shape.
 *
 * @example
 * ```ts
 * const shape: Shape4d = [32, 28, 28, 1];
 * ```
 */
export type Shape4d = [number, number, number, number];

/**
 * Data formats of 2-D convolution kernels: channels last (`NHWC`) or first (`NCHW`).
 *
 * @example
 * ```ts
 * const format: DataFormat = "NHWC";
 * ```
 */
export type DataFormat = "NHWC" | "NCHW";

/**
 * `[N, C, H, W]` → `[N, H, W, C]`.
 *
 * @example
 * ```ts
 * channelsLastShape([8, 3, 28, 28]); // [8, 28, 28, 3]
 * ```
 */
export function channelsLastShape(shape: readonly number[]): Shape4d {
  return [shape[0], shape[2], shape[3], shape[1]];
}

/**
 * Runs `compute` on channels-last versions of 4-D `inputs` (and of the 4-D `shape`, given in
 * `dataFormat`); with `transposeResult` the result is transposed back to channels-first.
 * For `"NHWC"` it calls `compute` directly.
 *
 * @example
 * ```ts
 * const dx = withChannelsLast(backend, "NCHW", { dy }, inputShape, true, ({ dy }, shape) =>
 *   conv2dBackpropInputChannelsLast(backend, dy, filter, { ...attributes, inputShape: shape }));
 * ```
 */
export function withChannelsLast<Names extends string>(
  backend: BackendWasm,
  dataFormat: DataFormat,
  inputs: Record<Names, TensorInfo>,
  shape: Shape4d,
  transposeResult: boolean,
  compute: (inputs: Record<Names, TensorInfo>, shape: Shape4d) => TensorInfo,
): TensorInfo {
  if (dataFormat === "NHWC") return compute(inputs, shape);
  if (dataFormat !== "NCHW") {
    throw new TypeError(
      `Unknown convolution dataFormat ${JSON.stringify(dataFormat)}; expected "NHWC" or "NCHW".`,
    );
  }
  const transposed = {} as Record<Names, TensorInfo>;
  try {
    for (const name of Object.keys(inputs) as Names[]) {
      transposed[name] = callBackendKernel(backend, "Transpose", { x: inputs[name] }, {
        perm: [0, 2, 3, 1],
      });
    }
    const result = compute(transposed, channelsLastShape(shape));
    if (!transposeResult) return result;
    const channelsFirst = callBackendKernel(backend, "Transpose", { x: result }, {
      perm: [0, 3, 1, 2],
    });
    releaseTensorInfo(backend, result);
    return channelsFirst;
  } finally {
    for (const info of Object.values<TensorInfo>(transposed)) releaseTensorInfo(backend, info);
  }
}
