import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { CONV_CASES, describeCase, outputShape } from "./conv_cases.ts";
import { onBothBackends, relativeError, seededValues, TOLERANCE } from "./helpers.ts";

// NHWC cases only: tf.conv2dTranspose has no dataFormat argument.
const CASES = CONV_CASES.filter((c) => c.dataFormat !== "NCHW");

function assertClose(results: { wasm: Float32Array[]; cpu: Float32Array[] }, names: string[]) {
  results.wasm.forEach((values, i) => {
    const error = relativeError(values, results.cpu[i]);
    assert.ok(error <= TOLERANCE, `${names[i]}: relative error ${error} exceeds ${TOLERANCE}`);
  });
}

for (const [index, c] of CASES.entries()) {
  Deno.test(`tf.grad of conv2d on wasm matches cpu for ${describeCase(c)}`, async () => {
    const results = await onBothBackends({
      x: { shape: c.x, seed: 100 + index },
      filter: { shape: c.filter, seed: 110 + index },
      weights: { shape: outputShape(c), seed: 120 + index },
    }, ({ x, filter, weights }) => {
      const f = (input: tf.Tensor, kernel: tf.Tensor) =>
        tf.sum(
          tf.mul(tf.conv2d(input as tf.Tensor4D, kernel as tf.Tensor4D, c.strides, c.pad), weights),
        );
      const [dx, dFilter] = tf.grads(f)([x, filter]);
      return [dx, dFilter];
    });
    assertClose(results, ["dx", "dFilter"]);
  });

  Deno.test(`tf.grad of conv2dTranspose on wasm matches cpu for ${describeCase(c)}`, async () => {
    // conv2dTranspose(y, filter, x.shape) is the transpose of conv2d(x, filter): y has dy's shape.
    const results = await onBothBackends({
      y: { shape: outputShape(c), seed: 130 + index },
      filter: { shape: c.filter, seed: 140 + index },
      weights: { shape: c.x, seed: 150 + index },
    }, ({ y, filter, weights }) => {
      const f = (input: tf.Tensor, kernel: tf.Tensor) =>
        tf.sum(tf.mul(
          tf.conv2dTranspose(
            input as tf.Tensor4D,
            kernel as tf.Tensor4D,
            c.x,
            c.strides,
            c.pad as "same" | "valid" | number,
          ),
          weights,
        ));
      const [dy, dFilter] = tf.grads(f)([y, filter]);
      return [f(y, filter), dy, dFilter];
    });
    assertClose(results, ["output", "dy", "dFilter"]);
  });
}

Deno.test("the CAE's loss and every weight gradient on wasm match cpu (batch 2)", async () => {
  const images = seededValues([2, 28, 28, 1], 7).map((v) => (v + 1) / 2);
  const results = await onBothBackends({}, () => {
    const { autoencoder, decoder } = buildConvAutoencoder({ seed: 3 });
    const x = tf.tensor4d(images, [2, 28, 28, 1]);
    const { value, grads } = tf.variableGrads(() => {
      const prediction = tf.clipByValue(
        autoencoder.apply(x, { training: true }) as tf.Tensor,
        1e-7,
        1 - 1e-7,
      );
      const crossEntropy = tf.neg(tf.add(
        tf.mul(x, tf.log(prediction)),
        tf.mul(tf.sub(1, x), tf.log(tf.sub(1, prediction))),
      ));
      return tf.mean(tf.sum(crossEntropy, [1, 2, 3]));
    }, autoencoder.trainableWeights.map((w) => w.read() as tf.Variable));
    const names = Object.keys(grads).sort();
    const outputs = [value, ...names.map((name) => grads[name])];
    autoencoder.dispose();
    decoder.dispose();
    return outputs;
  });
  assert.equal(results.wasm.length, 1 + 16, "the loss and 16 gradients (8 layers × kernel, bias)");
  assertClose(results, results.wasm.map((_, i) => (i === 0 ? "loss" : `gradient ${i}`)));
});
