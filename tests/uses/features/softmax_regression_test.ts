import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  classificationAccuracy,
  fitSoftmaxRegression,
  predictClasses,
} from "../../../lib/uses/features/softmax_regression.ts";
import { createRandom } from "../../../lib/data/random.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("softmax regression separates three linearly separable classes, leak-free", async () => {
  await useBackend();
  const random = createRandom(2);
  const centres = [[0, 0, 5], [4, 0, 5], [0, 4, 5]]; // third feature constant: scale stays 1
  const rows = new Float32Array(300 * 3);
  const labels: number[] = [];
  for (let index = 0; index < 300; index++) {
    const label = index % 3;
    rows.set(
      centres[label].map((value, axis) => axis < 2 ? value + random() - 0.5 : value),
      index * 3,
    );
    labels.push(label);
  }
  const before = tf.memory().numTensors;
  const model = fitSoftmaxRegression(rows, labels, {
    dimension: 3,
    classes: 3,
    steps: 200,
    batchSize: 64,
  });
  assert.equal(classificationAccuracy(predictClasses(model, rows), labels), 1);
  assert.equal(model.scale[2], 1);
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => fitSoftmaxRegression(rows, labels.slice(1), { dimension: 3 }), /labels/);
  assert.throws(() => fitSoftmaxRegression(rows, labels, { dimension: 3, classes: 2 }), /0 … 1/);
});

Deno.test("classificationAccuracy counts matches", () => {
  assert.equal(classificationAccuracy([1, 2, 3, 4], [1, 2, 0, 4]), 0.75);
  assert.throws(() => classificationAccuracy([1], [1, 2]), /predictions/);
});
