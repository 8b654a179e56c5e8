import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  perImageError,
  restorationLoss,
  rotateQuarterTurns,
  turnBatchQuarters,
} from "../../../lib/uses/anomaly/restoration.ts";
import { useBackend } from "../../helpers/backend.ts";

const grid = (values: number[][]) =>
  tf.tensor4d(values.flat(), [1, values.length, values[0].length, 1]);

Deno.test("a quarter turn is counter-clockwise and four of them give the image back", async () => {
  await useBackend();
  const image = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  const once = rotateQuarterTurns(image, 1);
  assert.deepEqual(once.arraySync(), [[[[3], [6], [9]], [[2], [5], [8]], [[1], [4], [7]]]]);
  const half = rotateQuarterTurns(image, 2);
  assert.deepEqual([...half.dataSync()], [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const back = rotateQuarterTurns(image, -1);
  assert.deepEqual([...back.dataSync()], [7, 4, 1, 8, 5, 2, 9, 6, 3]);
  let turned = image.clone();
  for (let step = 0; step < 4; step++) {
    const next = rotateQuarterTurns(turned, 1);
    turned.dispose();
    turned = next;
  }
  assert.deepEqual([...turned.dataSync()], [...image.dataSync()]);
  tf.dispose([image, once, half, back, turned]);
  assert.throws(() => rotateQuarterTurns(image, 0.5), /whole number/);
});

Deno.test("a batch is split into four parts turned 0, 1, 2 and 3 times", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  const one = [[1, 2], [3, 4]];
  const batch = tf.tidy(() =>
    tf.concat([grid(one), grid(one), grid(one), grid(one), grid(one)], 0)
  );
  const turned = turnBatchQuarters(batch as tf.Tensor4D);
  assert.deepEqual(turned.shape, [5, 2, 2, 1]);
  // 5 images: parts of 2, 2 and 1 (turns 0, 1, 2).
  assert.deepEqual([...turned.dataSync()], [
    ...[1, 2, 3, 4],
    ...[1, 2, 3, 4],
    ...[2, 4, 1, 3],
    ...[2, 4, 1, 3],
    ...[4, 3, 2, 1],
  ]);
  tf.dispose([batch, turned]);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("the restoration loss compares the output of the turned input with the upright image", async () => {
  await useBackend();
  // An identity "model" restores nothing: its loss is the squared difference image vs turned image.
  const input = tf.input({ shape: [2, 2, 1] });
  const identity = tf.model({
    inputs: input,
    outputs: tf.layers.activation({ activation: "linear" }).apply(input) as tf.SymbolicTensor,
  });
  const images = tf.tidy(() => tf.concat([grid([[1, 0], [0, 0]]), grid([[1, 0], [0, 0]])], 0));
  const rotation = restorationLoss({ erase: "rotation", error: "mse" })(identity, images, false);
  const plain = restorationLoss({ erase: "none", error: "mse" })(identity, images, false);
  // Image 0 is not turned (error 0); image 1 is turned once: the 1 moves to another corner (error 2).
  assert.deepEqual([...rotation.loss.dataSync()], [0, 2]);
  assert.deepEqual([...plain.loss.dataSync()], [0, 0]);
  const squared = perImageError("mse", tf.ones([1, 28, 28, 1]), tf.zeros([1, 28, 28, 1]));
  assert.equal(squared.dataSync()[0], 784);
  tf.dispose([images, rotation.loss, plain.loss, squared]);
});
