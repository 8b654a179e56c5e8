/**
 * `BatchMatMul` for the wasm backend: single float32 products (every Dense layer's forward pass
 * and gradients) by the project's SIMD kernels, transposed operands included.
 *
 * The wasm original uses XNNPACK only for a single, untransposed product, packing the right
 * operand again at every call (the weights change at every step); with `transposeA` or
 * `transposeB` it falls back to a scalar loop about 10× slower. Here `matmul` (`wasm/kernels.ts`)
 * reads a transposed left operand through strides, and a transposed right operand is either
 * multiplied as dot products (long sums, `matmulTransposedB`) or transposed first. Without the
 * SIMD kernels, transposed operands are transposed explicitly for the XNNPACK product. Batched
 * products (batch > 1) keep the original implementation.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  allocateTensorInfo,
  callBackendKernel,
  callOriginalKernel,
  releaseTensorInfo,
  reshapeTensorInfo,
  type TensorInfo,
} from "./backend_calls.ts";
import { heapOffset, type SimdKernels, simdKernels } from "./simd_kernels.ts";

/** Shortest sum over which a transposed right operand is multiplied as dot products. */
const DOT_PRODUCT_MIN_INNER = 64;

/** The product by the SIMD kernels; shapes already checked. */
function simdProduct(
  backend: BackendWasm,
  kernels: SimdKernels,
  a: TensorInfo,
  b: TensorInfo,
  attributes: BatchMatMulAttributes,
  outShape: number[],
): TensorInfo {
  const { transposeA, transposeB } = attributes;
  const [aRows, aColumns] = a.shape.slice(-2);
  const [bRows, bColumns] = b.shape.slice(-2);
  const rows = transposeA ? aColumns : aRows;
  const inner = transposeA ? aRows : aColumns;
  const columns = transposeB ? bRows : bColumns;
  const output = allocateTensorInfo(backend, outShape);
  if (transposeB && !transposeA && inner >= DOT_PRODUCT_MIN_INNER) {
    kernels.matmulTransposedB(
      heapOffset(backend, a),
      heapOffset(backend, b),
      heapOffset(backend, output),
      rows,
      columns,
      inner,
    );
    return output;
  }
  let right = b;
  if (transposeB) {
    right = allocateTensorInfo(backend, [inner, columns]);
    kernels.transposeTaps(heapOffset(backend, b), heapOffset(backend, right), 1, columns, inner);
  }
  kernels.matmul(
    heapOffset(backend, a),
    heapOffset(backend, right),
    heapOffset(backend, output),
    rows,
    columns,
    inner,
    transposeA ? 1 : inner,
    transposeA ? rows : 1,
  );
  if (right !== b) releaseTensorInfo(backend, right);
  return output;
}

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
 * Matrix product of `a` and `b` (rank ≥ 2) by the SIMD kernels (or, without them, on the XNNPACK
 * path for transposed operands) when both have a batch size of 1; otherwise the original kernel.
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
  const kernels = simdKernels(backend);
  if (
    (!transposeA && !transposeB && !kernels) || batchSize(a.shape) !== 1 ||
    batchSize(b.shape) !== 1 || a.dtype !== "float32" || b.dtype !== "float32"
  ) {
    return callOriginalKernel(backend, "BatchMatMul", { a, b }, { transposeA, transposeB });
  }
  if (kernels) {
    const inner = a.shape[a.shape.length - (transposeA ? 2 : 1)];
    const innerB = b.shape[b.shape.length - (transposeB ? 1 : 2)];
    if (inner !== innerB) {
      throw new RangeError(
        `BatchMatMul: inner dimensions differ: a [${a.shape}] (transposeA ${transposeA}) and ` +
          `b [${b.shape}] (transposeB ${transposeB}) give ${inner} and ${innerB}; ` +
          `they must be equal. Check the operand shapes and transpose flags.`,
      );
    }
    const outShape = [
      ...(a.shape.length >= b.shape.length ? a.shape : b.shape).slice(0, -2),
      a.shape[a.shape.length - (transposeA ? 1 : 2)],
      b.shape[b.shape.length - (transposeB ? 2 : 1)],
    ];
    return simdProduct(backend, kernels, a, b, attributes, outShape);
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
