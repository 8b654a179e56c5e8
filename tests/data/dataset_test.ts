import assert from "node:assert/strict";
import { FashionMnist, type FashionMnistSplit } from "../../lib/data/mod.ts";
import { pixels } from "./helpers.ts";

function tinyDataset(): FashionMnist {
  const split = (count: number, fill: number): FashionMnistSplit => {
    const images = new Uint8Array(pixels(count));
    for (let image = 0; image < count; image++) {
      images.fill(fill + image, pixels(image), pixels(image + 1));
    }
    return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count };
  };
  return new FashionMnist({ train: split(3, 100), test: split(2, 0), source: "synthetic" });
}

Deno.test("FashionMnist pixelsAsFloat gathers the requested images in order, scaled by 1/255", () => {
  const pixelsOut = tinyDataset().pixelsAsFloat("train", new Uint32Array([2, 0]));
  assert.equal(pixelsOut.length, 2 * 784);
  assert.equal(pixelsOut[0], Math.fround(102 / 255));
  assert.equal(pixelsOut[783], Math.fround(102 / 255));
  assert.equal(pixelsOut[784], Math.fround(100 / 255));
});

Deno.test("FashionMnist pixelsAsFloat maps 0 to 0 and 255 to exactly 1", () => {
  const images = new Uint8Array(784);
  images[1] = 255;
  const split = { images, labels: new Uint8Array([0]), count: 1 };
  const dataset = new FashionMnist({ train: split, test: split, source: "synthetic" });
  const image = dataset.image(0);
  assert.equal(image[0], 0);
  assert.equal(image[1], 1);
});

Deno.test("FashionMnist image, label and labelName default to the test split", () => {
  const dataset = tinyDataset();
  assert.equal(dataset.image(1)[0], Math.fround(1 / 255));
  assert.equal(dataset.image(1, "train")[0], Math.fround(101 / 255));
  assert.equal(dataset.label(1), 1);
  assert.equal(dataset.labelName(0), "T-shirt/top");
  assert.equal(dataset.labelName(1, "train"), "Trouser");
});

Deno.test("FashionMnist rejects image indices that are out of range or not integers", () => {
  const dataset = tinyDataset();
  assert.throws(
    () => dataset.image(2),
    /out of range for the test split: expected an integer from 0 to 1/,
  );
  assert.throws(() => dataset.image(-1), RangeError);
  assert.throws(() => dataset.labelName(0.5), RangeError);
  assert.throws(() => dataset.pixelsAsFloat("train", [0, 3]), RangeError);
});

Deno.test("FashionMnist rejects an unknown split name", () => {
  assert.throws(() => tinyDataset().image(0, "validation" as "test"), TypeError);
});

Deno.test("FashionMnist rejects splits whose arrays do not match their count", () => {
  const good = { images: new Uint8Array(784), labels: new Uint8Array(1), count: 1 };
  const badImages = { images: new Uint8Array(700), labels: new Uint8Array(1), count: 1 };
  const badLabels = { images: new Uint8Array(784), labels: new Uint8Array(2), count: 1 };
  assert.throws(
    () => new FashionMnist({ train: badImages, test: good, source: "" }),
    /train split/,
  );
  assert.throws(() => new FashionMnist({ train: good, test: badLabels, source: "" }), /test split/);
});

Deno.test("FashionMnist info reports counts, NHWC shapes, class names and source", () => {
  const info = tinyDataset().info();
  assert.deepEqual(info.train, { count: 3, shape: [3, 28, 28, 1] });
  assert.deepEqual(info.test, { count: 2, shape: [2, 28, 28, 1] });
  assert.equal(info.classNames.length, 10);
  assert.equal(info.classNames[9], "Ankle boot");
  assert.equal(info.source, "synthetic");
});
