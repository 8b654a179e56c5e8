import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { FashionMnist } from "../../lib/data/dataset.ts";
import { loadFashionMnist } from "../../lib/data/fashion_mnist.ts";
import { datasetEntropyFloor } from "../../lib/training/entropy_floor.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("the entropy floor of a hand-made split matches the binary entropy of its pixels", async () => {
  await useBackend();
  // Image 1: all pixels 0 or 255 → entropy ≈ 0. Image 2: all pixels 51 (p = 0.2) →
  // 784 · H(0.2) with H(p) = −p ln p − (1−p) ln(1−p).
  const images = new Uint8Array(2 * 784);
  for (let i = 0; i < 784; i++) images[i] = i % 2 ? 255 : 0;
  images.fill(51, 784);
  const split = { images, labels: new Uint8Array([0, 1]), count: 2 };
  const data = new FashionMnist({ train: split, test: split, source: "hand-made" });
  const p = Math.fround(51 / 255);
  const entropy = -p * Math.log(p) - (1 - p) * Math.log(1 - p);
  const floor = datasetEntropyFloor(data, "test", { batchSize: 1 });
  assert.ok(Math.abs(floor - 784 * entropy / 2) < 1e-3 * 784 * entropy, `${floor}`);
});

Deno.test("the BCE floor of the Fashion-MNIST test set is about 189.9 nats per image", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  const floor = datasetEntropyFloor(await loadFashionMnist(), "test");
  assert.ok(Math.abs(floor - 189.9) < 0.5, `${floor}`);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("the entropy floor of chosen images averages over those images only", async () => {
  await useBackend();
  // Image 0: black and white (entropy 0); image 1: all pixels 51 (p = 0.2).
  const images = new Uint8Array(2 * 784);
  images.fill(51, 784);
  const split = { images, labels: new Uint8Array([0, 1]), count: 2 };
  const data = new FashionMnist({ train: split, test: split, source: "hand-made" });
  const both = datasetEntropyFloor(data, "test");
  const grey = datasetEntropyFloor(data, "test", { indices: [1] });
  assert.ok(Math.abs(grey - 2 * both) < 1e-3 * grey, `${grey} vs ${both}`);
  assert.ok(datasetEntropyFloor(data, "test", { indices: [0] }) < 1e-3);
  assert.throws(() => datasetEntropyFloor(data, "test", { indices: [] }), /indices is empty/);
  assert.throws(() => datasetEntropyFloor(data, "test", { indices: [2] }), /index 2 is not/);
});
