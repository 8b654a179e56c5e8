/**
 * Data movement on the wasm heap that the backend has no fast kernel for: cropping a 4-D tensor
 * and scattering one tensor into every `stride`-th pixel of another. Both copy whole pixels
 * (`channels` contiguous floats) with `copyWithin`, which is a native `memmove`.
 *
 * @module
 */
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  allocateTensorInfo,
  heapFloatIndex,
  type TensorInfo,
  wholeHeapFloat32,
} from "./backend_calls.ts";

/**
 * Copies the box `begin … begin + size` of a 4-D float32 tensor into a new tensor (like
 * `tf.slice`, without the wasm `Slice` kernel's read-back of the whole input).
 *
 * @example
 * ```ts
 * // Drop the last row and column of an [N, 9, 9, C] tensor.
 * const cropped = crop4d(backend, x, [0, 0, 0, 0], [n, 8, 8, c]);
 * ```
 */
export function crop4d(
  backend: BackendWasm,
  input: TensorInfo,
  begin: readonly number[],
  size: readonly number[],
): TensorInfo {
  const shape = input.shape;
  if (shape.length !== 4 || begin.length !== 4 || size.length !== 4) {
    throw new RangeError(
      `crop4d expects a rank-4 tensor with 4 begin and size values, got shape [${shape}], ` +
        `begin [${begin}], size [${size}].`,
    );
  }
  for (let axis = 0; axis < 4; axis++) {
    if (begin[axis] < 0 || size[axis] < 0 || begin[axis] + size[axis] > shape[axis]) {
      throw new RangeError(
        `crop4d: box begin [${begin}] size [${size}] does not fit in shape [${shape}].`,
      );
    }
  }
  const output = allocateTensorInfo(backend, [...size], "float32");
  const heap = wholeHeapFloat32(backend, output);
  const source = heapFloatIndex(backend, input);
  let target = heapFloatIndex(backend, output);
  const [, height, width, channels] = shape;
  const rowFloats = size[3];
  for (let n = begin[0]; n < begin[0] + size[0]; n++) {
    for (let y = begin[1]; y < begin[1] + size[1]; y++) {
      const rowStart = source + ((n * height + y) * width + begin[2]) * channels + begin[3];
      if (rowFloats === channels) {
        // Whole pixels: the box row is contiguous.
        const floats = size[2] * channels;
        heap.copyWithin(target, rowStart, rowStart + floats);
        target += floats;
      } else {
        for (let x = 0; x < size[2]; x++) {
          const pixel = rowStart + x * channels;
          heap.copyWithin(target, pixel, pixel + rowFloats);
          target += rowFloats;
        }
      }
    }
  }
  return output;
}

/**
 * Where {@link scatterStrided} writes one source tensor inside the target.
 *
 * @example
 * ```ts
 * const oddRowsEvenColumns: StridedPlacement = { source: phase, firstRow: 1, firstColumn: 0 };
 * ```
 */
export interface StridedPlacement {
  /** Source tensor [N, rows, columns, C]. */
  source: TensorInfo;
  /** Target row of source row 0. */
  firstRow: number;
  /** Target column of source column 0. */
  firstColumn: number;
}

/**
 * Writes each source pixel `(n, i, j)` to target pixel `(n, firstRow + i·rowStride,
 * firstColumn + j·columnStride)`. Used to interleave the phase outputs of a transposed
 * convolution.
 *
 * @example
 * ```ts
 * // Interleave four [N, 7, 7, C] phases into an [N, 14, 14, C] output.
 * scatterStrided(backend, output, 2, 2, [
 *   { source: even, firstRow: 0, firstColumn: 0 }, // …and the three other phases
 * ]);
 * ```
 */
export function scatterStrided(
  backend: BackendWasm,
  target: TensorInfo,
  rowStride: number,
  columnStride: number,
  placements: readonly StridedPlacement[],
): void {
  const [batch, height, width, channels] = target.shape;
  const heap = wholeHeapFloat32(backend, target);
  const targetBase = heapFloatIndex(backend, target);
  for (const { source, firstRow, firstColumn } of placements) {
    const [sourceBatch, rows, columns, sourceChannels] = source.shape;
    if (
      sourceBatch !== batch || sourceChannels !== channels ||
      firstRow + (rows - 1) * rowStride >= height ||
      firstColumn + (columns - 1) * columnStride >= width || firstRow < 0 || firstColumn < 0
    ) {
      throw new RangeError(
        `scatterStrided: a source of shape [${source.shape}] placed at (${firstRow}, ` +
          `${firstColumn}) with strides (${rowStride}, ${columnStride}) does not fit in a ` +
          `target of shape [${target.shape}].`,
      );
    }
    let from = heapFloatIndex(backend, source);
    const rowFloats = columns * channels;
    for (let n = 0; n < batch; n++) {
      for (let i = 0; i < rows; i++) {
        let to = targetBase + ((n * height + firstRow + i * rowStride) * width + firstColumn) *
            channels;
        if (columnStride === 1) {
          heap.copyWithin(to, from, from + rowFloats);
          from += rowFloats;
          continue;
        }
        const step = columnStride * channels;
        if (channels === 1) {
          for (let j = 0; j < columns; j++, to += step) heap[to] = heap[from++];
        } else {
          for (let j = 0; j < columns; j++, to += step, from += channels) {
            heap.copyWithin(to, from, from + channels);
          }
        }
      }
    }
  }
}
