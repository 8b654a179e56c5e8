/**
 * `BatchMatMul` for the wasm backend with transposed operands on the XNNPACK path.
 *
 * The wasm original uses XNNPACK only for a single, untransposed product; with `transposeA` or
 * `transposeB` (as every Dense layer's gradient has) it falls back to a scalar loop about 10×
 * slower. This version transposes the operand explicitly (a cheap memory pass) and then runs the
 * XNNPACK product. Batched products (batch > 1) keep the original implementation.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  callBackendKernel,
  callOriginalKernel,
  releaseTensorInfo,
  reshapeTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";

/**
 * Attributes of the `BatchMatMul` kernel.
 *
 * @example
 * ```ts
 * const attributes: BatchMatMulAttributes = { transposeA: true, transposeB: false };
 * ```
 */
export interface BatchMatMulAttributes {
  transposeA: boolean;
  transposeB: boolean;
}

function batchSize(shape: readonly number[]): number {
  let size = 1;
  for (let axis = 0; axis < shape.length - 2; axis++) size *= shape[axis];
  return size;
}

/** `[..., rows, columns]` → a `[1, columns, rows]` transposed copy (or a reshape if already so). */
function asSingleMatrix(backend: BackendWasm, x: TensorInfo, transpose: boolean): TensorInfo {
  const rank = x.shape.length;
  const rows = x.shape[rank - 2];
  const columns = x.shape[rank - 1];
  const matrix = reshapeTensorInfo(backend, x, [rows, columns]);
  if (!transpose) {
    const single = reshapeTensorInfo(backend, matrix, [1, rows, columns]);
    releaseTensorInfo(backend, matrix);
    return single;
  }
  const transposed = callBackendKernel(backend, "Transpose", { x: matrix }, { perm: [1, 0] });
  releaseTensorInfo(backend, matrix);
  const single = reshapeTensorInfo(backend, transposed, [1, columns, rows]);
  releaseTensorInfo(backend, transposed);
  return single;
}

/**
 * Matrix product of `a` and `b` (rank ≥ 2) on the XNNPACK path when both have a batch size of 1;
 * otherwise the original kernel.
 *
 * @example
 * ```ts
 * const dw = batchMatMulFast(backend, x, dy, { transposeA: true, transposeB: false }); // xᵀ·dy
 * ```
 */
export function batchMatMulFast(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  attributes: BatchMatMulAttributes,
): TensorInfo {
  const { transposeA, transposeB } = attributes;
  if (
    (!transposeA && !transposeB) || batchSize(a.shape) !== 1 || batchSize(b.shape) !== 1 ||
    a.dtype !== "float32" || b.dtype !== "float32"
  ) {
    return callOriginalKernel(backend, "BatchMatMul", { a, b }, { transposeA, transposeB });
  }
  const left = asSingleMatrix(backend, a, transposeA);
  const right = asSingleMatrix(backend, b, transposeB);
  if (left.shape[2] !== right.shape[1]) {
    releaseTensorInfo(backend, left);
    releaseTensorInfo(backend, right);
    throw new RangeError(
      `BatchMatMul: inner dimensions differ: a [${a.shape}] (transposeA ${transposeA}) and ` +
        `b [${b.shape}] (transposeB ${transposeB}) give ${left.shape[2]} and ${right.shape[1]}; ` +
        `they must be equal. Check the operand shapes and transpose flags.`,
    );
  }
  const product = callBackendKernel(backend, "_FusedMatMul", { a: left, b: right }, {
    transposeA: false,
    transposeB: false,
    activation: "linear",
  });
  releaseTensorInfo(backend, left);
  releaseTensorInfo(backend, right);
  const outShape = [
    ...(a.shape.length >= b.shape.length ? a.shape : b.shape).slice(0, -2),
    product.shape[1],
    product.shape[2],
  ];
  const result = reshapeTensorInfo(backend, product, outShape);
  releaseTensorInfo(backend, product);
  return result;
}

function batchMatMulKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  const attributes = args.attrs as unknown as BatchMatMulAttributes;
  return batchMatMulFast(args.backend as BackendWasm, a, b, attributes);
}

/**
 * Kernel config that replaces the wasm backend's `BatchMatMul`.
 *
 * @example
 * ```ts
 * tf.registerKernel(batchMatMulConfig);
 * ```
 */
export const batchMatMulConfig: tf.KernelConfig = {
  kernelName: "BatchMatMul",
  backendName: "wasm",
  kernelFunc: batchMatMulKernel as tf.KernelFunc,
};
