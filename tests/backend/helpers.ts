/**
 * Shared helpers for the backend tests: deterministic inputs, running the same computation on
 * the `cpu` reference backend and on `wasm`, and comparing the results.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend/mod.ts";

/** Largest accepted {@link relativeError} between wasm and the cpu reference. */
export const TOLERANCE = 1e-4;

/**
 * Deterministic values in [-1, 1) from a seed (mulberry32), independent of any backend.
 *
 * @example
 * ```ts
 * const values = seededValues([2, 3], 7); // Float32Array(6)
 * ```
 */
export function seededValues(shape: readonly number[], seed: number): Float32Array {
  const size = shape.reduce((product, dimension) => product * dimension, 1);
  const values = new Float32Array(size);
  let state = (seed * 0x9e3779b1) >>> 0;
  for (let i = 0; i < size; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    values[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return values;
}

/**
 * `max |actual − expected| / max |expected|` (the denominator floored at 1e-12): the largest
 * error relative to the scale of the reference, so near-zero reference entries do not inflate it.
 *
 * @example
 * ```ts
 * relativeError(new Float32Array([1, 2.0001]), new Float32Array([1, 2])); // 5e-5
 * ```
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) {
    throw new RangeError(`Lengths differ: actual ${actual.length}, expected ${expected.length}.`);
  }
  let difference = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    difference = Math.max(difference, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  if (Number.isNaN(difference)) return Infinity;
  return difference / Math.max(scale, 1e-12);
}

/** A named input given by shape and seed (values from {@link seededValues}). */
export interface InputSpec {
  shape: number[];
  seed: number;
  dtype?: "float32" | "int32";
}

/** Results of the same computation on both backends. */
export interface BackendResults {
  wasm: Float32Array[];
  cpu: Float32Array[];
  shapes: number[][];
}

async function runOn(
  backend: "wasm" | "cpu",
  inputs: Record<string, InputSpec>,
  compute: (tensors: Record<string, tf.Tensor>) => tf.Tensor | tf.Tensor[],
): Promise<{ values: Float32Array[]; shapes: number[][] }> {
  await initBackend(backend);
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const values = seededValues(spec.shape, spec.seed);
    tensors[name] = spec.dtype === "int32"
      ? tf.tensor(Int32Array.from(values, (v) => Math.round(v * 10)), spec.shape, "int32")
      : tf.tensor(values, spec.shape, "float32");
  }
  try {
    const output = tf.tidy(() => compute(tensors));
    const outputs = Array.isArray(output) ? output : [output];
    const values = outputs.map((t) => Float32Array.from(t.dataSync()));
    const shapes = outputs.map((t) => t.shape.slice());
    tf.dispose(outputs);
    return { values, shapes };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

/**
 * Runs `compute` on fresh copies of `inputs` on the cpu backend, then on wasm (which stays
 * active afterwards), and returns both results.
 *
 * @example
 * ```ts
 * const { wasm, cpu } = await onBothBackends({ x: { shape: [4], seed: 1 } }, ({ x }) => tf.relu(x));
 * ```
 */
export async function onBothBackends(
  inputs: Record<string, InputSpec>,
  compute: (tensors: Record<string, tf.Tensor>) => tf.Tensor | tf.Tensor[],
): Promise<BackendResults> {
  const cpu = await runOn("cpu", inputs, compute);
  const wasm = await runOn("wasm", inputs, compute);
  for (let i = 0; i < cpu.shapes.length; i++) {
    if (cpu.shapes[i].join() !== wasm.shapes[i].join()) {
      throw new Error(
        `Output ${i} has shape [${wasm.shapes[i]}] on wasm but [${cpu.shapes[i]}] on cpu.`,
      );
    }
  }
  return { wasm: wasm.values, cpu: cpu.values, shapes: wasm.shapes };
}

/**
 * The largest {@link relativeError} over all outputs of {@link onBothBackends}.
 *
 * @example
 * ```ts
 * const error = worstRelativeError(await onBothBackends(inputs, compute));
 * ```
 */
export function worstRelativeError(results: BackendResults): number {
  return Math.max(...results.wasm.map((values, i) => relativeError(values, results.cpu[i])));
}
