/**
 * Small helpers shared by the model factories.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * Throws a RangeError naming the option unless `value` is a positive integer.
 *
 * @example
 * ```ts
 * checkPositiveInteger("latentDim", 20); // passes
 * ```
 */
export function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `${name} must be a positive integer, got ${value}. Pass e.g. ${name}: 20.`,
    );
  }
}

/**
 * Returns a function that makes a Glorot-uniform initialiser per call, each with its own seed
 * derived from `seed` (or unseeded when `seed` is undefined), so that a model built twice with
 * the same seed starts from the same weights.
 *
 * @example
 * ```ts
 * const init = seededInitializers(1);
 * tf.layers.dense({ units: 4, kernelInitializer: init() });
 * ```
 */
export function seededInitializers(
  seed: number | undefined,
): () => ReturnType<typeof tf.initializers.glorotUniform> {
  let layerIndex = 0;
  return () => {
    layerIndex += 1;
    return tf.initializers.glorotUniform({
      seed: seed === undefined ? undefined : seed * 1000 + layerIndex,
    });
  };
}
