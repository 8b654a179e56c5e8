/**
 * Convolution geometries shared by the kernel and gradient tests: strides 1–3, 'same', 'valid',
 * numeric and explicit padding, odd and even sizes, 1 to 64 channels, batch 1 and more, and the
 * CAE's own shapes.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";

/** One forward convolution `conv2d(x, filter, strides, pad)`. */
export interface ConvCase {
  /** Forward input `[N, H, W, inC]` (or `[N, inC, H, W]` with NCHW). */
  x: [number, number, number, number];
  /** `[kH, kW, inC, outC]`. */
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: "same" | "valid" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
}

/** Readable one-line description for test names. */
export function describeCase(c: ConvCase): string {
  const pad = Array.isArray(c.pad)
    ? `explicit padding ${JSON.stringify(c.pad)}`
    : typeof c.pad === "number"
    ? `padding ${c.pad}`
    : `'${c.pad}' padding`;
  const strides = typeof c.strides === "number" ? `stride ${c.strides}` : `strides [${c.strides}]`;
  return `x [${c.x}], filter [${c.filter}], ${strides}, ${pad}` +
    (c.dataFormat === "NCHW" ? ", NCHW" : "");
}

/** The cases. */
export const CONV_CASES: ConvCase[] = [
  { x: [1, 7, 7, 3], filter: [3, 3, 3, 5], strides: 1, pad: "same" },
  { x: [3, 9, 9, 3], filter: [3, 3, 3, 5], strides: 2, pad: "same" },
  { x: [3, 9, 9, 3], filter: [3, 3, 3, 5], strides: 2, pad: "valid" },
  { x: [2, 13, 13, 4], filter: [5, 5, 4, 6], strides: 3, pad: "same" },
  { x: [2, 13, 11, 4], filter: [5, 3, 4, 6], strides: 3, pad: "valid" },
  { x: [2, 9, 9, 8], filter: [3, 3, 8, 8], strides: 1, pad: "valid" },
  { x: [2, 8, 8, 2], filter: [1, 1, 2, 3], strides: 2, pad: "valid" },
  { x: [2, 10, 10, 3], filter: [2, 2, 3, 4], strides: 2, pad: "same" },
  { x: [2, 9, 8, 3], filter: [3, 3, 3, 4], strides: [2, 1], pad: "same" },
  { x: [2, 9, 9, 3], filter: [3, 3, 3, 4], strides: 2, pad: 1 },
  { x: [2, 9, 9, 6], filter: [3, 3, 6, 4], strides: 2, pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { x: [2, 3, 9, 9], filter: [3, 3, 3, 5], strides: 2, pad: "same", dataFormat: "NCHW" },
  // Batches big enough that the filter gradient is computed in chunks of images (6 + 5, 7 + 6).
  { x: [11, 28, 28, 2], filter: [3, 3, 2, 3], strides: 1, pad: "same" },
  { x: [13, 28, 28, 8], filter: [3, 3, 8, 4], strides: 1, pad: "same" },
  // The CAE: encoder convolutions and the transposed convolutions (as their forward convs).
  { x: [2, 28, 28, 1], filter: [3, 3, 1, 32], strides: 2, pad: "same" },
  { x: [2, 14, 14, 32], filter: [3, 3, 32, 64], strides: 2, pad: "same" },
  { x: [1, 14, 14, 64], filter: [3, 3, 64, 64], strides: 2, pad: "same" },
  { x: [2, 28, 28, 32], filter: [3, 3, 32, 64], strides: 2, pad: "same" },
  { x: [2, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: "same" },
];

/** Shape of `dy` (the forward output) for a case. */
export function outputShape(c: ConvCase): [number, number, number, number] {
  const channelsFirst = c.dataFormat === "NCHW";
  const [n, h, w] = channelsFirst ? [c.x[0], c.x[2], c.x[3]] : [c.x[0], c.x[1], c.x[2]];
  const [kh, kw, , outC] = c.filter;
  const [sh, sw] = typeof c.strides === "number" ? [c.strides, c.strides] : c.strides;
  let outH: number, outW: number;
  if (c.pad === "same") {
    outH = Math.ceil(h / sh);
    outW = Math.ceil(w / sw);
  } else if (c.pad === "valid") {
    outH = Math.ceil((h - kh + 1) / sh);
    outW = Math.ceil((w - kw + 1) / sw);
  } else if (typeof c.pad === "number") {
    outH = Math.floor((h + 2 * c.pad - kh) / sh) + 1;
    outW = Math.floor((w + 2 * c.pad - kw) / sw) + 1;
  } else {
    const [, [top, bottom], [left, right]] = c.pad;
    outH = Math.floor((h + top + bottom - kh) / sh) + 1;
    outW = Math.floor((w + left + right - kw) / sw) + 1;
  }
  return channelsFirst ? [n, outC, outH, outW] : [n, outH, outW, outC];
}
