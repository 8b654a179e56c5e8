/**
 * Choosing and initialising the TensorFlow.js backend for training.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { registerTrainingKernels, TRAINING_KERNEL_NAMES } from "./training_kernels.ts";

/**
 * Backends {@link initBackend} can activate.
 *
 * @example
 * ```ts
 * const name: BackendName = Deno.env.get("TF_BACKEND") === "cpu" ? "cpu" : "wasm";
 * ```
 */
export type BackendName = "wasm" | "cpu";

/**
 * Names of the kernels {@link initBackend} registers for the `wasm` backend (it registers none
 * for `cpu`).
 *
 * @example
 * ```ts
 * REGISTERED_KERNELS.includes("Conv2DBackpropFilter"); // true
 * ```
 */
export const REGISTERED_KERNELS: readonly string[] = TRAINING_KERNEL_NAMES;

/**
 * The `file://` folder that holds the `.wasm` binaries of the installed
 * `@tensorflow/tfjs-backend-wasm`, with a trailing slash.
 *
 * @example
 * ```ts
 * wasmBinaryFolder(); // "file:///…/node_modules/…/tfjs-backend-wasm/dist/"
 * ```
 */
export function wasmBinaryFolder(): string {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  } catch (cause) {
    throw new Error(
      `Could not find the installed package @tensorflow/tfjs-backend-wasm (${cause}). ` +
        `Expected it in node_modules (deno.json has "nodeModulesDir": "auto"); ` +
        `run \`deno install\` in the project root and try again.`,
      { cause },
    );
  }
  return "file://" + dirname(entry) + "/";
}

/**
 * Activates a TensorFlow.js backend and, for `wasm`, registers the fast training kernels
 * ({@link REGISTERED_KERNELS}): `Conv2D` and the convolution gradients (`Conv2DBackpropFilter`,
 * missing in wasm, and `Conv2DBackpropInput`, scalar there, which is also `conv2dTranspose`) and
 * `BatchMatMul` by the project's WebAssembly SIMD kernels (`wasm/kernels.ts`, with XNNPACK-based
 * fallbacks), `Sum` over leading axes, and copy-free `Identity`/`Cast`. Safe to call more than
 * once; wasm runs single-threaded (threads are unavailable under Deno; see the data-parallel
 * engine in the training layer for the second core).
 *
 * @param name `"wasm"` (default, fast) or `"cpu"` (slow reference).
 * @returns the name of the active backend, equal to `name`.
 * @throws Error if the backend cannot be activated, saying why and what to do.
 *
 * @example
 * ```ts
 * const backend = await initBackend(); // "wasm"
 * const step = () => optimizer.minimize(() => loss(x, model.apply(x, { training: true })));
 * ```
 */
export async function initBackend(name: BackendName = "wasm"): Promise<string> {
  if (name !== "wasm" && name !== "cpu") {
    throw new TypeError(
      `initBackend expects "wasm" or "cpu", got ${JSON.stringify(name)}. ` +
        `Use "wasm" for training and "cpu" only as a slow reference.`,
    );
  }
  if (name === "wasm") {
    // The paths are read when the wasm backend initialises (once, on the first setBackend);
    // setting them again afterwards is harmless. (tf.findBackend would start that
    // initialisation, so it is not used to check.)
    try {
      setWasmPaths(wasmBinaryFolder());
    } catch (cause) {
      throw new Error(
        `The wasm backend failed to initialise earlier in this process, so it cannot be ` +
          `activated now (${cause instanceof Error ? cause.message : cause}). Fix the first ` +
          `error (see the warnings logged by TensorFlow.js) and restart the process.`,
        { cause },
      );
    }
    registerTrainingKernels();
  }
  let activated = false;
  let failure: unknown = undefined;
  try {
    activated = await tf.setBackend(name);
    await tf.ready();
  } catch (cause) {
    failure = cause;
  }
  const active = tf.getBackend();
  if (!activated || active !== name) {
    const hint = name === "wasm"
      ? `Check that ${wasmBinaryFolder()}tfjs-backend-wasm-simd.wasm exists and is readable ` +
        `(run with --allow-read), and that @tensorflow/tfjs-backend-wasm matches ` +
        `@tensorflow/tfjs (both 4.22.0); TensorFlow.js logs the cause as a warning. ` +
        `Use initBackend("cpu") only as a slow fallback.`
      : `The cpu backend ships with @tensorflow/tfjs; check that "@tensorflow/tfjs" is imported.`;
    throw new Error(
      `Could not activate the TensorFlow.js "${name}" backend: tf.setBackend returned ` +
        `${activated} and the active backend is "${active}". ${hint}`,
      { cause: failure },
    );
  }
  return active;
}
