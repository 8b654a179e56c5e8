/**
 * Adam with one SIMD kernel call per variable on the wasm backend.
 *
 * TensorFlow.js's `AdamOptimizer` updates each variable with 15 small kernels (the moments, the
 * bias corrections, the step), about 250 calls per step for the CAE's 16 variables, each paying
 * the engine's bookkeeping. {@link FusedAdamOptimizer} computes the same float32 operations, in the
 * same order, in one pass of `adamStep` (`wasm/kernels.ts`), so its weights, moments and saved
 * state are bit for bit those of `tf.train.adam`. On other backends it is `tf.train.adam`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapOffset, simdKernels } from "./simd_kernels.ts";

/** What `applyGradients` takes: gradients by variable name, or a list of named gradients. */
type VariableGradients = Parameters<tf.AdamOptimizer["applyGradients"]>[0];

/** The AdamOptimizer fields the fused update reads (private in tfjs's typings). */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
}

/**
 * `tf.AdamOptimizer` whose update runs as one fused kernel per variable on the wasm backend
 * (same results to the last bit). Serialises, saves and restores its state exactly like Adam.
 *
 * @example
 * ```ts
 * const optimizer = new FusedAdamOptimizer(1e-3, 0.9, 0.999);
 * optimizer.minimize(() => loss(model.apply(x)), false, variables);
 * ```
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    const kernels = tf.getBackend() === "wasm"
      ? simdKernels(tf.backend() as unknown as BackendWasm)
      : undefined;
    if (!kernels) {
      super.applyGradients(variableGradients);
      return;
    }
    const backend = tf.backend() as unknown as BackendWasm;
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((entry) => entry.name)
      : Object.keys(variableGradients);
    const f32 = Math.fround;
    const beta1 = f32(state.beta1);
    const beta2 = f32(state.beta2);
    const oneMinusBeta1 = f32(1 - state.beta1);
    const oneMinusBeta2 = f32(1 - state.beta2);
    // tfjs computes sub(1, accBeta) in float32: the exact difference, rounded once.
    const oneMinusAccBeta1 = f32(1 - state.accBeta1.dataSync()[0]);
    const oneMinusAccBeta2 = f32(1 - state.accBeta2.dataSync()[0]);
    const epsilon = f32(state.epsilon);
    const negativeLearningRate = f32(-state.learningRate);
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        state.accumulatedFirstMoment[i] ??= {
          originalName: `${name}/m`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        state.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i].tensor
          : variableGradients[name];
        if (gradient == null) return;
        if (gradient.dtype !== "float32" || value.dtype !== "float32") {
          throw new TypeError(
            `FusedAdamOptimizer updates float32 variables with float32 gradients; "${name}" is ` +
              `${value.dtype} with a ${gradient.dtype} gradient. Cast them to float32.`,
          );
        }
        const firstMoment = state.accumulatedFirstMoment[i].variable;
        const secondMoment = state.accumulatedSecondMoment[i].variable;
        const outputs = [0, 1, 2].map(() => backend.makeOutput(value.shape, "float32"));
        kernels.adamStep(
          heapOffset(backend, value),
          heapOffset(backend, firstMoment),
          heapOffset(backend, secondMoment),
          heapOffset(backend, gradient),
          heapOffset(backend, outputs[0]),
          heapOffset(backend, outputs[1]),
          heapOffset(backend, outputs[2]),
          value.size,
          beta1,
          oneMinusBeta1,
          beta2,
          oneMinusBeta2,
          oneMinusAccBeta1,
          oneMinusAccBeta2,
          epsilon,
          negativeLearningRate,
        );
        const [newValue, newFirstMoment, newSecondMoment] = outputs.map((info) =>
          tf.engine().makeTensorFromTensorInfo(info)
        );
        firstMoment.assign(newFirstMoment);
        secondMoment.assign(newSecondMoment);
        value.assign(newValue);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
    });
    this.incrementIterations();
  }
}

/**
 * Adam as `tf.train.adam(learningRate)` (β1 0.9, β2 0.999, ε of the backend), fused on wasm.
 *
 * @example
 * ```ts
 * const optimizer = createAdam(1e-3);
 * ```
 */
export function createAdam(learningRate: number): FusedAdamOptimizer {
  return new FusedAdamOptimizer(learningRate, 0.9, 0.999);
}
