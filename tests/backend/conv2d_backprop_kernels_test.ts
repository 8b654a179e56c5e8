import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { CONV_CASES, type ConvCase, describeCase, outputShape } from "./conv_cases.ts";
import { onBothBackends, TOLERANCE, worstRelativeError } from "./helpers.ts";

function testConv2D(c: ConvCase, index: number): void {
  Deno.test(`Conv2D on wasm matches cpu for ${describeCase(c)}`, async () => {
    const results = await onBothBackends({
      x: { shape: c.x, seed: 50 + index },
      filter: { shape: c.filter, seed: 60 + index },
    }, ({ x, filter }) =>
      tf.engine().runKernel("Conv2D", { x, filter }, {
        strides: c.strides,
        pad: c.pad,
        dataFormat: c.dataFormat ?? "NHWC",
        dilations: 1,
      }) as tf.Tensor);
    assert.deepEqual(results.shapes[0], outputShape(c));
    const error = worstRelativeError(results);
    assert.ok(error <= TOLERANCE, `relative error ${error} exceeds ${TOLERANCE}`);
  });
}

testConv2D(
  { x: [2, 8, 9, 9], filter: [3, 3, 8, 16], strides: 2, pad: "same", dataFormat: "NCHW" },
  99,
);

for (const [index, c] of CONV_CASES.entries()) {
  Deno.test(`Conv2DBackpropFilter on wasm matches cpu for ${describeCase(c)}`, async () => {
    const results = await onBothBackends({
      x: { shape: c.x, seed: 10 + index },
      dy: { shape: outputShape(c), seed: 20 + index },
    }, ({ x, dy }) =>
      tf.engine().runKernel("Conv2DBackpropFilter", { x, dy }, {
        strides: c.strides,
        pad: c.pad,
        dataFormat: c.dataFormat ?? "NHWC",
        filterShape: c.filter,
      }) as tf.Tensor);
    assert.deepEqual(results.shapes[0], c.filter);
    const error = worstRelativeError(results);
    assert.ok(error <= TOLERANCE, `relative error ${error} exceeds ${TOLERANCE}`);
  });

  // wasm's own Conv2D rejects NCHW; the project's handles it from 8 channels (case 99 above).
  if (c.dataFormat !== "NCHW") testConv2D(c, index);

  Deno.test(`Conv2DBackpropInput on wasm matches cpu for ${describeCase(c)}`, async () => {
    const results = await onBothBackends({
      dy: { shape: outputShape(c), seed: 30 + index },
      filter: { shape: c.filter, seed: 40 + index },
    }, ({ dy, filter }) =>
      tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
        strides: c.strides,
        pad: c.pad,
        dataFormat: c.dataFormat ?? "NHWC",
        inputShape: c.x,
      }) as tf.Tensor);
    assert.deepEqual(results.shapes[0], c.x);
    const error = worstRelativeError(results);
    assert.ok(error <= TOLERANCE, `relative error ${error} exceeds ${TOLERANCE}`);
  });
}

Deno.test("Conv2DBackpropInput on wasm rejects a dy that does not fit the input shape", async () => {
  await onBothBackends({}, () => tf.scalar(0)); // leaves wasm active
  const dy = tf.zeros([1, 5, 5, 2]);
  const filter = tf.zeros([3, 3, 1, 2]);
  assert.throws(
    () =>
      tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
        strides: 2,
        pad: "same",
        dataFormat: "NHWC",
        inputShape: [1, 28, 28, 1],
      }),
    /dy has shape \[1,5,5,2\]/,
  );
  tf.dispose([dy, filter]);
});
