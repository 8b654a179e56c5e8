import assert from "node:assert/strict";
import { AnomalyDataError, oneClassData } from "../../../lib/uses/anomaly/one_class_data.ts";
import { syntheticDataset } from "./synthetic.ts";

const labels = (count: number) => Array.from({ length: count }, (_, index) => index % 2);

Deno.test("the protocol fits on one class and tests on every test image", () => {
  const data = oneClassData(syntheticDataset(labels(20), labels(10)), 1, { classCount: 2 });
  assert.equal(data.fitIndices.length, 10);
  assert.ok(data.fitIndices.every((index) => index % 2 === 1));
  assert.equal(data.fitPixels.length, 10 * 784);
  assert.equal(data.test.indices.length, 10);
  assert.deepEqual(data.test.isAnomaly, labels(10).map((label) => label !== 1));
  assert.equal(data.validation, undefined);
});

Deno.test("the validation split uses training images only: held-out normals and other classes", () => {
  const dataset = syntheticDataset(labels(40), labels(10));
  const data = oneClassData(dataset, 0, { validationFraction: 0.25, seed: 4, classCount: 2 });
  const validation = data.validation!;
  assert.equal(data.fitIndices.length, 15);
  assert.equal(validation.indices.length, 10);
  assert.equal(validation.isAnomaly.filter(Boolean).length, 5);
  const held = validation.indices.filter((_, row) => !validation.isAnomaly[row]);
  assert.ok(held.every((index) => !data.fitIndices.includes(index) && index % 2 === 0));
  assert.deepEqual(validation.labels, validation.indices.map((index) => index % 2));
  const again = oneClassData(dataset, 0, { validationFraction: 0.25, seed: 4, classCount: 2 });
  assert.deepEqual(again.validation!.indices, validation.indices);
});

Deno.test("an unknown class or empty data is an error that says what to do", () => {
  const dataset = syntheticDataset([0, 0, 0], [0, 1]);
  assert.throws(() => oneClassData(dataset, 10), /integer label from 0 to 9, got 10/);
  assert.throws(() => oneClassData(dataset, 1), AnomalyDataError);
  assert.throws(() => oneClassData(dataset, 1), /Class 1 has no training images/);
  assert.throws(
    () => oneClassData(syntheticDataset([0, 1], [0, 0]), 0),
    /has 2 images of class 0 and 0 of other classes/,
  );
});
