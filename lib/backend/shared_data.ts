/**
 * Zero-copy `Identity` and same-dtype `Cast` for the wasm backend.
 *
 * The wasm originals copy the whole tensor. TensorFlow.js tensors are immutable, so the result can
 * share the input's memory with an extra reference, as the `cpu` backend and wasm's own `Reshape`
 * do. A training step of the CAE clones tensors dozens of times (layers, tape, optimizer), so
 * this saves that many full copies. Other cases (strings, real casts) keep the original kernels.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { callOriginalKernel, type TensorInfo } from "./backend_calls.ts";

/**
 * A new handle on `x`'s memory (reference-counted), with the same shape and dtype.
 *
 * @example
 * ```ts
 * const alias = shareTensorInfo(backend, x); // alias.dataId === x.dataId
 * ```
 */
export function shareTensorInfo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
}

function identityKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x } = args.inputs as { x: TensorInfo };
  if (x.dtype === "string") return callOriginalKernel(backend, "Identity", { x });
  return shareTensorInfo(backend, x);
}

function castKernel(
  args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap },
): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x } = args.inputs as { x: TensorInfo };
  const { dtype } = args.attrs as { dtype: tf.DataType };
  if (x.dtype !== dtype || dtype === "string") {
    return callOriginalKernel(backend, "Cast", { x }, { dtype });
  }
  return shareTensorInfo(backend, x);
}

/**
 * Kernel config that replaces the wasm backend's copying `Identity`.
 *
 * @example
 * ```ts
 * tf.registerKernel(identityConfig);
 * ```
 */
export const identityConfig: tf.KernelConfig = {
  kernelName: "Identity",
  backendName: "wasm",
  kernelFunc: identityKernel as tf.KernelFunc,
};

/**
 * Kernel config that replaces the wasm backend's `Cast`, sharing memory when the dtype does not
 * change.
 *
 * @example
 * ```ts
 * tf.registerKernel(castConfig);
 * ```
 */
export const castConfig: tf.KernelConfig = {
  kernelName: "Cast",
  backendName: "wasm",
  kernelFunc: castKernel as tf.KernelFunc,
};
