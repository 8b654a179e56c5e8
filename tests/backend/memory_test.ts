import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { initBackend } from "../../lib/backend/mod.ts";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";

/** Tensors the engine tracks and data buffers the wasm backend holds (intermediates included). */
function counts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() };
}

const KERNEL_CALLS: [string, () => tf.Tensor][] = [
  ["Conv2DBackpropFilter", () => {
    const x = tf.ones([2, 9, 9, 3]), dy = tf.ones([2, 5, 5, 4]);
    const out = tf.engine().runKernel("Conv2DBackpropFilter", { x, dy }, {
      strides: 2,
      pad: "same",
      dataFormat: "NHWC",
      filterShape: [3, 3, 3, 4],
    }) as tf.Tensor;
    tf.dispose([x, dy]);
    return out;
  }],
  ["Conv2DBackpropInput with phases", () => {
    const dy = tf.ones([2, 5, 5, 4]), filter = tf.ones([3, 3, 8, 4]);
    const out = tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
      strides: 2,
      pad: "valid",
      dataFormat: "NHWC",
      inputShape: [2, 12, 12, 8],
    }) as tf.Tensor;
    tf.dispose([dy, filter]);
    return out;
  }],
  ["Conv2DBackpropInput with tap products", () => {
    const dy = tf.ones([2, 9, 9, 4]), filter = tf.ones([3, 3, 1, 4]);
    const out = tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
      strides: 1,
      pad: "same",
      dataFormat: "NHWC",
      inputShape: [2, 9, 9, 1],
    }) as tf.Tensor;
    tf.dispose([dy, filter]);
    return out;
  }],
  ["Conv2DBackpropInput in NCHW", () => {
    const dy = tf.ones([2, 4, 5, 5]), filter = tf.ones([3, 3, 8, 4]);
    const out = tf.engine().runKernel("Conv2DBackpropInput", { dy, filter }, {
      strides: 2,
      pad: "same",
      dataFormat: "NCHW",
      inputShape: [2, 8, 9, 9],
    }) as tf.Tensor;
    tf.dispose([dy, filter]);
    return out;
  }],
  ["BatchMatMul", () => tf.tidy(() => tf.matMul(tf.ones([6, 4]), tf.ones([5, 4]), false, true))],
  ["Sum", () => tf.tidy(() => tf.sum(tf.ones([3, 4, 5]), [0, 1]))],
  ["Identity", () => tf.tidy(() => tf.clone(tf.ones([3, 4])))],
  ["Cast", () => tf.tidy(() => tf.cast(tf.ones([3, 4]), "float32"))],
];

for (const [name, call] of KERNEL_CALLS) {
  Deno.test(`${name} on wasm leaves no tensors or buffers behind`, async () => {
    await initBackend("wasm");
    call().dispose();
    const before = counts();
    for (let i = 0; i < 5; i++) call().dispose();
    assert.deepEqual(counts(), before);
  });
}

Deno.test("a CAE training step on wasm keeps the tensor count flat", async () => {
  await initBackend("wasm");
  const { autoencoder, decoder } = buildConvAutoencoder({ seed: 1 });
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomUniform([4, 28, 28, 1], 0, 1, "float32", 5);
  const step = () =>
    tf.tidy(() =>
      optimizer.minimize(() => {
        const prediction = tf.clipByValue(
          autoencoder.apply(x, { training: true }) as tf.Tensor,
          1e-7,
          1 - 1e-7,
        );
        const crossEntropy = tf.neg(tf.add(
          tf.mul(x, tf.log(prediction)),
          tf.mul(tf.sub(1, x), tf.log(tf.sub(1, prediction))),
        ));
        return tf.mean(tf.sum(crossEntropy, [1, 2, 3])) as tf.Scalar;
      }, true)!
    );
  step().dispose(); // the first step creates Adam's moment variables
  const before = counts();
  const losses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const loss = step();
    losses.push(loss.dataSync()[0]);
    loss.dispose();
  }
  assert.deepEqual(counts(), before);
  assert.ok(losses.every(Number.isFinite), `losses ${losses} are finite`);
  assert.ok(losses[2] < losses[0], `loss decreases on a fixed batch: ${losses}`);
  optimizer.dispose();
  autoencoder.dispose();
  decoder.dispose();
  x.dispose();
});
