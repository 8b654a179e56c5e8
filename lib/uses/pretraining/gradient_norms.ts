/**
 * Measures vanishing gradients: trains a classifier on flat pixel rows with Adam and records, at
 * every step, the L2 norm of the loss gradient with respect to each layer's kernel, before the
 * update. Small first-layer norms next to large last-layer norms are the vanishing-gradient
 * signature.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../../data/random.ts";

/**
 * Options of {@link trainWithGradientNorms}.
 *
 * @example
 * ```ts
 * const options: GradientNormOptions = { steps: 200, batchSize: 32, seed: 0 };
 * ```
 */
export interface GradientNormOptions {
  steps: number;
  /** Rows per step. Default 32. */
  batchSize?: number;
  /** Adam learning rate. Default 1e-3. */
  learningRate?: number;
  /** Seed of the batch draws. Default 0. */
  seed?: number;
}

/**
 * What {@link trainWithGradientNorms} returns.
 *
 * @example
 * ```ts
 * const { layerNames, norms } = trainWithGradientNorms(network, rows, labels, { steps: 10 });
 * norms[0][0]; // first step, first layer
 * ```
 */
export interface GradientNormTrace {
  /** Layers with a kernel, input to output. */
  layerNames: string[];
  /** norms[step][layer]: ‖∂loss/∂kernel‖₂ before that step's update. */
  norms: number[][];
  /** Mean loss of each step's batch. */
  losses: number[];
}

/**
 * Trains `model` (flat rows → logits) on `rows` (`count · width` values) with softmax
 * cross-entropy for `steps` Adam steps on random batches, recording gradient norms per layer.
 *
 * @example
 * ```ts
 * const trace = trainWithGradientNorms(buildSigmoidNetwork(), rows, labels, { steps: 100 });
 * ```
 */
export function trainWithGradientNorms(
  model: tf.LayersModel,
  rows: Float32Array,
  labels: ArrayLike<number>,
  options: GradientNormOptions,
): GradientNormTrace {
  const width = model.inputs[0].shape[1] as number;
  const classes = model.outputs[0].shape[1] as number;
  const count = labels.length;
  if (rows.length !== count * width) {
    throw new RangeError(
      `trainWithGradientNorms got ${rows.length} values for ${count} labels of width ${width}.`,
    );
  }
  const kernels = model.layers
    .filter((layer) => layer.getWeights().length > 0)
    .map((layer) => ({
      name: layer.name,
      kernel: layer.trainableWeights[0].read() as tf.Variable,
    }));
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const batchSize = Math.min(options.batchSize ?? 32, count);
  const random = createRandom(options.seed ?? 0);
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const allRows = tf.tensor2d(rows, [count, width]);
  const allLabels = tf.tensor1d(Int32Array.from(labels as ArrayLike<number>), "int32");
  const norms: number[][] = [];
  const losses: number[] = [];
  try {
    for (let step = 0; step < options.steps; step++) {
      tf.tidy(() => {
        const picks = tf.tensor1d(
          Int32Array.from({ length: batchSize }, () => Math.floor(random() * count)),
          "int32",
        );
        const batch = tf.gather(allRows, picks);
        const targets = tf.oneHot(tf.gather(allLabels, picks), classes);
        const { value, grads } = tf.variableGrads(
          () =>
            tf.losses.softmaxCrossEntropy(targets, model.apply(batch) as tf.Tensor) as tf.Scalar,
          variables,
        );
        norms.push(kernels.map(({ kernel }) => tf.norm(grads[kernel.name]).dataSync()[0]));
        losses.push(value.dataSync()[0]);
        optimizer.applyGradients(grads as tf.NamedTensorMap as Record<string, tf.Variable>);
      });
    }
  } finally {
    tf.dispose([allRows, allLabels]);
    optimizer.dispose();
  }
  return { layerNames: kernels.map(({ name }) => name), norms, losses };
}

/**
 * Mean over the first `steps` steps of each layer's gradient norm.
 *
 * @example
 * ```ts
 * meanEarlyNorms({ layerNames: ["a"], norms: [[1], [3], [9]], losses: [] }, 2); // [2]
 * ```
 */
export function meanEarlyNorms(trace: GradientNormTrace, steps: number): number[] {
  const used = trace.norms.slice(0, steps);
  return trace.layerNames.map((_, layer) =>
    used.reduce((sum, stepNorms) => sum + stepNorms[layer], 0) / used.length
  );
}
