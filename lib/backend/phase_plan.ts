/**
 * Geometry of the sub-pixel (phase) decomposition of a strided transposed convolution.
 *
 * A convolution with stride `s`, kernel `k` and leading padding `p` maps input row `y` to output
 * rows `o` with `o·s + t − p = y` for taps `t`. Its input gradient (= the transposed convolution)
 * at row `y` therefore only uses taps `t ≡ (y + p) mod s`. Grouping the rows `y` by their phase
 * `r = (y + p) mod s` turns the strided transposed convolution into `s` stride-1 convolutions per
 * axis, each with the sub-kernel of taps `r, r + s, r + 2s, …` (reversed), whose outputs interleave:
 * `y = s·q + r − p`. Compared with inserting `s − 1` zeros between input rows this skips the
 * multiplications by zero, about `1/s²` of the work in 2-D.
 *
 * This module only computes index ranges; it touches no tensors.
 *
 * @module
 */

/**
 * How one phase of one axis is computed as a stride-1 convolution over `dy`.
 *
 * @example
 * ```ts
 * const odd: AxisPhase = planAxis(14, 7, 3, 2, 0).phases[1]; // taps [1], rows 1, 3, …, 13
 * ```
 */
export interface AxisPhase {
  /** The phase `r` (0 ≤ r < stride): output rows `y` with `(y + padBefore) mod stride = r`. */
  phase: number;
  /** Kernel taps of this phase, in the order the stride-1 sub-kernel uses them (reversed). */
  taps: number[];
  /** First `q` computed; output row is `y = stride·q + phase − padBefore`. */
  firstQ: number;
  /** Number of `q` values (output rows of this phase) the sub-convolution computes; may be 0. */
  count: number;
  /** First `dy` row the sub-convolution reads. */
  inputStart: number;
  /** Number of `dy` rows it reads (a contiguous range inside `dy`). */
  inputCount: number;
  /** Zero padding before the `dy` rows it reads. */
  padBefore: number;
  /** Zero padding after them. */
  padAfter: number;
  /** First output row `y` of this phase (for `q = firstQ`); next ones follow every `stride`. */
  firstOutput: number;
}

/**
 * The phase decomposition of one spatial axis.
 *
 * @example
 * ```ts
 * const plan: AxisPlan = planAxis(28, 14, 3, 2, 0); // two phases of 14 rows each
 * ```
 */
export interface AxisPlan {
  stride: number;
  /** Every phase, including those with no taps or no output rows (count 0). */
  phases: AxisPhase[];
  /** True when the computed phases write every output row; otherwise the rest must be zero. */
  coversOutput: boolean;
}

/**
 * Plans the phases of one axis of a transposed convolution.
 *
 * @param outputSize rows of the transposed convolution's output (the forward conv's input `x`).
 * @param inputSize rows of its input (the forward conv's output `dy`).
 * @param kernelSize taps of the kernel along this axis.
 * @param stride stride of the forward convolution.
 * @param padBefore padding before the first row in the forward convolution (`padInfo.top/left`).
 *
 * @example
 * ```ts
 * // Conv2DTranspose 7 → 14 rows, kernel 3, stride 2, 'same' (forward pad top 0):
 * const plan = planAxis(14, 7, 3, 2, 0);
 * plan.phases.map((p) => p.taps); // [[2, 0], [1]]
 * ```
 */
export function planAxis(
  outputSize: number,
  inputSize: number,
  kernelSize: number,
  stride: number,
  padBefore: number,
): AxisPlan {
  for (const [name, value] of Object.entries({ outputSize, inputSize, kernelSize, stride })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`planAxis: ${name} must be a positive integer, got ${value}.`);
    }
  }
  if (!Number.isInteger(padBefore) || padBefore < 0) {
    throw new RangeError(`planAxis: padBefore must be a non-negative integer, got ${padBefore}.`);
  }
  const phases: AxisPhase[] = [];
  let covered = 0;
  for (let phase = 0; phase < stride; phase++) {
    const taps: number[] = [];
    for (let tap = phase; tap < kernelSize; tap += stride) taps.unshift(tap);
    const length = taps.length;
    // All q whose output row y = stride·q + phase − padBefore lies in [0, outputSize).
    const allFirstQ = Math.ceil((padBefore - phase) / stride);
    const allLastQ = Math.floor((outputSize - 1 + padBefore - phase) / stride);
    // Output q reads dy rows q − length + 1 … q; keep the q whose window meets [0, inputSize).
    const firstQ = Math.max(allFirstQ, 0);
    const lastQ = Math.min(allLastQ, inputSize - 1 + length - 1);
    const count = length === 0 ? 0 : Math.max(0, lastQ - firstQ + 1);
    let inputStart = 0, inputCount = 0, padStart = 0, padEnd = 0;
    if (count > 0) {
      const windowStart = firstQ - length + 1;
      inputStart = Math.max(0, windowStart);
      const inputEnd = Math.min(inputSize - 1, lastQ);
      inputCount = inputEnd - inputStart + 1;
      padStart = inputStart - windowStart;
      padEnd = lastQ - inputEnd;
    }
    covered += count;
    phases.push({
      phase,
      taps,
      firstQ,
      count,
      inputStart,
      inputCount,
      padBefore: padStart,
      padAfter: padEnd,
      firstOutput: stride * firstQ + phase - padBefore,
    });
  }
  return { stride, phases, coversOutput: covered === outputSize };
}
