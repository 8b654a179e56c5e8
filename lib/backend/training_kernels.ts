/**
 * The set of fast training kernels for the wasm backend and their (idempotent) registration.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { originalKernelName } from "./backend_calls.ts";
import { batchMatMulConfig } from "./batch_mat_mul.ts";
import { conv2dConfig } from "./conv2d.ts";
import { conv2dBackpropFilterConfig } from "./conv2d_backprop_filter.ts";
import { conv2dBackpropInputConfig } from "./conv2d_backprop_input.ts";
import { castConfig, identityConfig } from "./shared_data.ts";
import { sumConfig } from "./sum.ts";

/**
 * Kernel configs registered for the wasm backend, in registration order.
 *
 * @example
 * ```ts
 * TRAINING_KERNEL_CONFIGS.map((config) => config.kernelName); // ["Conv2DBackpropFilter", …]
 * ```
 */
export const TRAINING_KERNEL_CONFIGS: readonly tf.KernelConfig[] = [
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  conv2dConfig,
  batchMatMulConfig,
  sumConfig,
  identityConfig,
  castConfig,
];

/**
 * Kernels whose wasm original stays registered under {@link originalKernelName}: the replacements
 * of all but the first fall back to it for cases they do not speed up; the scalar
 * `Conv2DBackpropInput` is kept for benchmarks.
 */
const KEEPS_ORIGINAL: readonly string[] = [
  "Conv2DBackpropInput",
  "Conv2D",
  "BatchMatMul",
  "Sum",
  "Identity",
  "Cast",
];

/**
 * Names of the kernels in {@link TRAINING_KERNEL_CONFIGS}.
 *
 * @example
 * ```ts
 * TRAINING_KERNEL_NAMES.includes("Conv2DBackpropInput"); // true
 * ```
 */
export const TRAINING_KERNEL_NAMES: readonly string[] = TRAINING_KERNEL_CONFIGS.map(
  (config) => config.kernelName,
);

/**
 * Registers {@link TRAINING_KERNEL_CONFIGS} for the wasm backend, replacing whatever is registered
 * under those names (tfjs's own kernels or an earlier registration). Calling it again changes
 * nothing. Kernels can be registered before or after the wasm backend initialises.
 *
 * @returns the names of the registered kernels.
 *
 * @example
 * ```ts
 * registerTrainingKernels();
 * await tf.setBackend("wasm");
 * ```
 */
export function registerTrainingKernels(): string[] {
  for (const config of TRAINING_KERNEL_CONFIGS) {
    const { kernelName, backendName } = config;
    const current = tf.getKernel(kernelName, backendName);
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (KEEPS_ORIGINAL.includes(kernelName)) {
      const alias = originalKernelName(kernelName);
      if (tf.getKernel(alias, backendName) === undefined) {
        if (current === undefined) {
          throw new Error(
            `The wasm backend has no "${kernelName}" kernel to keep as a fallback. Expected ` +
              `@tensorflow/tfjs-backend-wasm 4.22.0 to be imported before registering kernels.`,
          );
        }
        // Keep setupFunc: it binds the wasm function and runs when the backend (re)activates.
        tf.registerKernel({ ...current, kernelName: alias });
      }
    }
    if (current !== undefined) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(config);
  }
  return [...TRAINING_KERNEL_NAMES];
}
