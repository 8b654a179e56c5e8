/**
 * The project's WebAssembly SIMD kernels (source `wasm/kernels.ts`, built into
 * {@link SIMD_MODULE_BASE64} by `deno task build:wasm`), instantiated on the memory of a
 * TensorFlow.js wasm backend so that they read and write its tensors in place.
 *
 * @module
 */
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import type { TensorInfo } from "./backend_calls.ts";
import { SIMD_MODULE_BASE64 } from "./simd_module.ts";

/**
 * The exported functions of the kernel module; pointers are byte offsets in the backend's
 * memory (see {@link heapOffset}). `wasm/kernels.ts` documents each.
 *
 * @example
 * ```ts
 * const kernels = simdKernels(backend);
 * kernels?.adamStep(value, m, v, g, newValue, newM, newV, count, 0.9, 0.1, 0.999, 0.001,
 *   0.1, 0.001, 1e-7, -0.001);
 * ```
 */
export interface SimdKernels {
  conv2dFilterGradient(
    x: number,
    dy: number,
    dw: number,
    batch: number,
    height: number,
    width: number,
    inChannels: number,
    outHeight: number,
    outWidth: number,
    outChannels: number,
    filterHeight: number,
    filterWidth: number,
    strideHeight: number,
    strideWidth: number,
    padTop: number,
    padLeft: number,
    chunkRows: number,
  ): void;
  conv2d(
    x: number,
    filter: number,
    y: number,
    zeros: number,
    batch: number,
    height: number,
    width: number,
    inChannels: number,
    outHeight: number,
    outWidth: number,
    outChannels: number,
    filterHeight: number,
    filterWidth: number,
    strideHeight: number,
    strideWidth: number,
    padTop: number,
    padLeft: number,
  ): void;
  transposeTaps(
    filter: number,
    transposed: number,
    taps: number,
    inChannels: number,
    outChannels: number,
  ): void;
  conv2dInputGradient(
    dy: number,
    transposedFilter: number,
    dx: number,
    zeros: number,
    batch: number,
    height: number,
    width: number,
    inChannels: number,
    outHeight: number,
    outWidth: number,
    outChannels: number,
    filterHeight: number,
    filterWidth: number,
    strideHeight: number,
    strideWidth: number,
    padTop: number,
    padLeft: number,
  ): void;
  matmul(
    a: number,
    b: number,
    c: number,
    rows: number,
    columns: number,
    inner: number,
    rowStride: number,
    columnStride: number,
  ): void;
  matmulTransposedB(
    a: number,
    b: number,
    c: number,
    rows: number,
    columns: number,
    inner: number,
  ): void;
  adamStep(
    value: number,
    m: number,
    v: number,
    gradient: number,
    newValue: number,
    newM: number,
    newV: number,
    count: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    epsilon: number,
    negativeLearningRate: number,
  ): void;
}

/** Where a backend keeps its instance of the kernels (or `null` when they cannot run). */
const INSTANCE = Symbol("fmnist-autoencoders SIMD kernels");

type WithKernels = BackendWasm & { [INSTANCE]?: SimdKernels | null };

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The backend's `WebAssembly.Memory` (the emscripten module exports it as `asm.memory`). */
function backendMemory(backend: BackendWasm): WebAssembly.Memory | undefined {
  const module = backend.wasm as unknown as { asm?: { memory?: unknown } };
  const memory = module.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

/**
 * The SIMD kernels bound to `backend`'s memory, instantiated on first use; `undefined` when
 * this JavaScript engine lacks relaxed SIMD or the backend does not expose its memory (callers
 * then use the XNNPACK-based kernels).
 *
 * @example
 * ```ts
 * const kernels = simdKernels(tf.backend() as BackendWasm);
 * if (kernels) kernels.conv2dFilterGradient(...);
 * ```
 */
export function simdKernels(backend: BackendWasm): SimdKernels | undefined {
  const holder = backend as WithKernels;
  if (holder[INSTANCE] === undefined) {
    const bytes = decodeBase64(SIMD_MODULE_BASE64);
    const memory = backendMemory(backend);
    holder[INSTANCE] = memory && WebAssembly.validate(bytes)
      ? new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })
        .exports as unknown as SimdKernels
      : null;
  }
  return holder[INSTANCE] ?? undefined;
}

/**
 * Allocates `count` zero floats on the backend's heap (the stand-in the convolution kernels read
 * for positions outside their input). Release with `backend.disposeData`.
 *
 * @example
 * ```ts
 * const zeros = zeroFloats(backend, 64);
 * backend.disposeData(zeros.dataId);
 * ```
 */
export function zeroFloats(backend: BackendWasm, count: number): TensorInfo {
  const info = backend.makeOutput([Math.max(1, count)], "float32");
  (backend.typedArrayFromHeap(info) as Float32Array).fill(0);
  return info;
}

/**
 * Byte offset of a tensor's first element in the backend's memory.
 *
 * @example
 * ```ts
 * kernels.adamStep(heapOffset(backend, value), ...);
 * ```
 */
export function heapOffset(backend: BackendWasm, info: TensorInfo): number {
  return backend.getMemoryOffset(info.dataId);
}
