/**
 * Finding NaN and ±Infinity in saved weights (TensorFlow.js weight bytes and their specs), so that
 * a checkpoint with a non-finite value is refused when it is saved and when it is loaded: a NaN
 * weight does not show in the loss (predictions are clipped to [1e-7, 1−1e-7]), so nothing else
 * would notice it.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";

/**
 * A weight with non-finite values.
 *
 * @example
 * ```ts
 * const found: NonFiniteWeight = { name: "dense_Dense1/kernel", count: 1, size: 320 };
 * ```
 */
export interface NonFiniteWeight {
  name: string;
  /** How many of its values are NaN or ±Infinity. */
  count: number;
  /** How many values it has. */
  size: number;
}

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/**
 * The float32 weights of `bytes` (laid out as `specs` say) that hold NaN or ±Infinity, in order;
 * empty when every value is finite.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(new Float32Array([1, NaN]).buffer);
 * findNonFiniteWeights(bytes, [{ name: "w", shape: [2], dtype: "float32" }]);
 * // [{ name: "w", count: 1, size: 2 }]
 * ```
 */
export function findNonFiniteWeights(
  bytes: Uint8Array,
  specs: readonly tf.io.WeightsManifestEntry[],
): NonFiniteWeight[] {
  const found: NonFiniteWeight[] = [];
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((product, length) => product * length, 1);
    const width = BYTES_PER_VALUE[spec.dtype ?? "float32"] ?? 4;
    if ((spec.dtype ?? "float32") === "float32" && spec.quantization === undefined) {
      // A file cut short is reported elsewhere; check what there is.
      const available = Math.max(0, Math.min(size * 4, bytes.byteLength - offset));
      const values = new Float32Array(
        bytes.slice(offset, offset + available - (available % 4)).buffer,
      );
      let count = 0;
      for (let index = 0; index < values.length; index++) {
        if (!Number.isFinite(values[index])) count += 1;
      }
      if (count > 0) found.push({ name: spec.name, count, size });
    }
    offset += size * width;
  }
  return found;
}

/**
 * One phrase for an error message: which weights hold how many non-finite values.
 *
 * @example
 * ```ts
 * describeNonFinite([{ name: "w", count: 1, size: 2 }]); // "1 of the 2 values of w"
 * ```
 */
export function describeNonFinite(found: readonly NonFiniteWeight[]): string {
  const shown = found.slice(0, 3).map(({ name, count, size }) =>
    `${count === size ? "all" : count} of the ${size} values of ${name}`
  );
  const more = found.length > 3 ? `, and ${found.length - 3} more weights` : "";
  return shown.join(", ") + more;
}
