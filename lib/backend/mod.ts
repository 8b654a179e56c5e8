/**
 * Fast TensorFlow.js training on the `wasm` backend: backend setup and the kernels it registers.
 *
 * @example
 * ```ts
 * import { initBackend } from "./lib/backend/mod.ts";
 * await initBackend(); // "wasm", with fast convolution gradients registered
 * ```
 *
 * @module
 */
export { type BackendName, initBackend, REGISTERED_KERNELS, wasmBinaryFolder } from "./setup.ts";
export {
  registerTrainingKernels,
  TRAINING_KERNEL_CONFIGS,
  TRAINING_KERNEL_NAMES,
} from "./training_kernels.ts";
export {
  type Conv2DBackpropFilterAttributes,
  conv2dBackpropFilterChannelsLast,
  conv2dBackpropFilterConfig,
  type FilterGradientStrategy,
  filterGradientStrategy,
} from "./conv2d_backprop_filter.ts";
export {
  type Conv2DBackpropInputAttributes,
  conv2dBackpropInputChannelsLast,
  conv2dBackpropInputConfig,
} from "./conv2d_backprop_input.ts";
export {
  type Conv2DAttributes,
  conv2dConfig,
  conv2dDirect,
  directConv2dApplies,
} from "./conv2d.ts";
export { batchMatMulConfig, batchMatMulFast } from "./batch_mat_mul.ts";
export { leadingAxesCount, sumConfig, sumRows } from "./sum.ts";
export { castConfig, identityConfig, shareTensorInfo } from "./shared_data.ts";
export { type AxisPhase, type AxisPlan, planAxis } from "./phase_plan.ts";
export { originalKernelName } from "./backend_calls.ts";
export { createAdam, FusedAdamOptimizer } from "./fused_adam.ts";
export { heapOffset, type SimdKernels, simdKernels } from "./simd_kernels.ts";
