/**
 * Calling the wasm backend's own kernels from inside another kernel.
 *
 * A kernel function that is composed of other kernels must not go through `tf.*` ops or
 * `tf.engine().runKernel`: those would be recorded on the gradient tape and tracked by the engine
 * while the outer kernel runs. Instead the composed kernels here call the registered kernel
 * functions of the backend directly, exactly like tfjs's own kernels do (e.g. wasm `BatchMatMul`
 * calls `reshape`). Every intermediate result is a bare {@link TensorInfo} owned by the backend; it
 * must be released with {@link releaseTensorInfo}. The one returned to the engine must not be.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/**
 * A bare tensor handle as kernels see it: data id, shape and dtype.
 *
 * @example
 * ```ts
 * const info: TensorInfo = { dataId: x.dataId, shape: [2, 2], dtype: "float32" };
 * ```
 */
export type TensorInfo = tf.TensorInfo;

/**
 * Attributes passed to a kernel.
 *
 * @example
 * ```ts
 * const attributes: KernelAttributes = { perm: [1, 0] };
 * ```
 */
export type KernelAttributes = tf.NamedAttrMap;

/**
 * Runs the kernel `kernelName` registered for the backend's name (normally `"wasm"`) on `inputs`.
 * The result is owned by the caller: release it with {@link releaseTensorInfo} unless it is the
 * value the calling kernel returns.
 *
 * @example
 * ```ts
 * const flipped = callBackendKernel(backend, "Reverse", { x: filter }, { dims: [0, 1] });
 * // ... use flipped ...
 * releaseTensorInfo(backend, flipped);
 * ```
 */
export function callBackendKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: Record<string, TensorInfo>,
  attributes: KernelAttributes = {},
): TensorInfo {
  const config = tf.getKernel(kernelName, "wasm");
  if (config === undefined) {
    throw new Error(
      `The wasm backend has no kernel "${kernelName}", which the fast training kernels need. ` +
        `Expected @tensorflow/tfjs-backend-wasm 4.22.0 to provide it; check the installed version.`,
    );
  }
  const result = config.kernelFunc({ inputs, backend, attrs: attributes });
  if (Array.isArray(result)) {
    throw new Error(
      `The wasm kernel "${kernelName}" returned ${result.length} outputs where one was expected.`,
    );
  }
  return result;
}

/**
 * Releases an intermediate {@link TensorInfo} made by {@link callBackendKernel} or
 * {@link allocateTensorInfo}.
 *
 * @example
 * ```ts
 * const scratch = allocateTensorInfo(backend, [4, 4], "float32");
 * releaseTensorInfo(backend, scratch);
 * ```
 */
export function releaseTensorInfo(backend: BackendWasm, info: TensorInfo): void {
  backend.disposeData(info.dataId);
}

/**
 * Allocates an output tensor on the wasm heap. The memory is not cleared unless `values` is given.
 *
 * @example
 * ```ts
 * const bias = allocateTensorInfo(backend, [3], "float32", new Float32Array([1, 2, 3]));
 * ```
 */
export function allocateTensorInfo(
  backend: BackendWasm,
  shape: number[],
  dtype: tf.DataType = "float32",
  values?: Float32Array,
): TensorInfo {
  return backend.makeOutput(shape, dtype, undefined, values);
}

/**
 * A `Float32Array` view of a float32 tensor's memory on the wasm heap. Views become invalid when
 * the heap grows, so take the view after the last allocation and do not keep it.
 *
 * @example
 * ```ts
 * const values = heapFloat32(backend, info); // values[0] is the first element of `info`
 * ```
 */
export function heapFloat32(backend: BackendWasm, info: TensorInfo): Float32Array {
  if (info.dtype !== "float32") {
    throw new TypeError(
      `Expected a float32 tensor on the wasm heap, got dtype ${info.dtype} (shape [${info.shape}]).`,
    );
  }
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/**
 * Returns a new {@link TensorInfo} that shares `info`'s memory under another shape with the same
 * number of elements (a reshape without copying). Release it like any other intermediate.
 *
 * @example
 * ```ts
 * const matrix = reshapeTensorInfo(backend, image, [28 * 28, 1]);
 * releaseTensorInfo(backend, matrix);
 * ```
 */
export function reshapeTensorInfo(
  backend: BackendWasm,
  info: TensorInfo,
  shape: number[],
): TensorInfo {
  return callBackendKernel(backend, "Reshape", { x: info }, { shape });
}

/**
 * Name under which the fast training kernels keep the wasm backend's original implementation of a
 * kernel they replace, so the replacement can fall back to it.
 *
 * @example
 * ```ts
 * originalKernelName("Sum"); // "Sum(wasm original)"
 * ```
 */
export function originalKernelName(kernelName: string): string {
  return `${kernelName}(wasm original)`;
}

/**
 * Runs the wasm backend's original implementation of a kernel that the fast training kernels
 * replaced (see {@link originalKernelName}).
 *
 * @example
 * ```ts
 * const total = callOriginalKernel(backend, "Sum", { x }, { axis: [1], keepDims: false });
 * ```
 */
export function callOriginalKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: Record<string, TensorInfo>,
  attributes: KernelAttributes = {},
): TensorInfo {
  return callBackendKernel(backend, originalKernelName(kernelName), inputs, attributes);
}

/**
 * A `Float32Array` over the whole wasm heap (reached through any tensor `on` it), for copies
 * between tensors with `copyWithin`, a native `memmove`; index a tensor with
 * {@link heapFloatIndex}. Invalid after the heap grows.
 *
 * @example
 * ```ts
 * const heap = wholeHeapFloat32(backend, x);
 * const from = heapFloatIndex(backend, x);
 * heap.copyWithin(heapFloatIndex(backend, out), from, from + 4);
 * ```
 */
export function wholeHeapFloat32(backend: BackendWasm, on: TensorInfo): Float32Array {
  const buffer = backend.typedArrayFromHeap(on).buffer;
  return new Float32Array(buffer, 0, buffer.byteLength >> 2);
}

/**
 * Index of a float32 tensor's first element in {@link wholeHeapFloat32}.
 *
 * @example
 * ```ts
 * wholeHeapFloat32(backend)[heapFloatIndex(backend, x)]; // first element of x
 * ```
 */
export function heapFloatIndex(backend: BackendWasm, info: TensorInfo): number {
  return backend.getMemoryOffset(info.dataId) >> 2;
}
