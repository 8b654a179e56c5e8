import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  FASHION_MNIST_CLASS_NAMES,
  findFilesInDirectory,
  loadFashionMnist,
} from "../../lib/data/mod.ts";
import { isolated, makeFakeDataset, pixels, withTempDir, writeDataset } from "./helpers.ts";

const debianComplete =
  (await findFilesInDirectory(DEBIAN_FASHION_MNIST_DIRECTORY)).missing.length === 0;
const needsDebian = {
  ignore: !debianComplete,
  permissions: { read: true, env: true },
};

Deno.test({
  name: "loadFashionMnist reads the real Debian files: 60000 train and 10000 test 28x28 images",
  ...needsDebian,
  fn: async () => {
    const fashion = await loadFashionMnist({ ...isolated(), dir: DEBIAN_FASHION_MNIST_DIRECTORY });
    const info = fashion.info();
    assert.deepEqual(info.train, { count: 60000, shape: [60000, 28, 28, 1] });
    assert.deepEqual(info.test, { count: 10000, shape: [10000, 28, 28, 1] });
    assert.equal(info.source, DEBIAN_FASHION_MNIST_DIRECTORY);
    assert.deepEqual(info.classNames, FASHION_MNIST_CLASS_NAMES);
    assert.equal(fashion.train.images.length, pixels(60000));
    assert.equal(fashion.train.labels.length, 60000);
    assert.equal(fashion.test.images.length, pixels(10000));
    assert.equal(fashion.test.labels.length, 10000);
    assert.equal(fashion.train.labels[0], 9);
    assert.equal(fashion.labelName(0, "train"), "Ankle boot");
    // every class appears, 6000 times in train and 1000 in test
    for (const [split, perClass] of [["train", 6000], ["test", 1000]] as const) {
      const counts = new Array(10).fill(0);
      for (const label of fashion[split].labels) counts[label]++;
      assert.deepEqual(counts, new Array(10).fill(perClass));
    }
    let minimum = 255, maximum = 0;
    for (const value of fashion.train.images) {
      if (value < minimum) minimum = value;
      if (value > maximum) maximum = value;
    }
    assert.deepEqual([minimum, maximum], [0, 255]);
  },
});

Deno.test({
  name:
    "loadFashionMnist with a limit keeps the first images of each split, after verifying checksums",
  ...needsDebian,
  fn: async () => {
    const full = await loadFashionMnist({ ...isolated(), dir: DEBIAN_FASHION_MNIST_DIRECTORY });
    const limited = await loadFashionMnist({
      ...isolated(),
      dir: DEBIAN_FASHION_MNIST_DIRECTORY,
      limit: 100,
    });
    assert.deepEqual(limited.info().train.shape, [100, 28, 28, 1]);
    assert.deepEqual(limited.info().test.shape, [100, 28, 28, 1]);
    assert.deepEqual(limited.train.images, full.train.images.subarray(0, pixels(100)));
    assert.deepEqual(limited.test.labels, full.test.labels.subarray(0, 100));
    // a copy, not a view that keeps the whole 47 MB file alive
    assert.equal(limited.train.images.buffer.byteLength, pixels(100));
  },
});

Deno.test({
  name: "loadFashionMnist image() scales the first test image to [0, 1] and matches the raw bytes",
  ...needsDebian,
  fn: async () => {
    const fashion = await loadFashionMnist({
      ...isolated(),
      dir: DEBIAN_FASHION_MNIST_DIRECTORY,
      limit: 5,
    });
    const image = fashion.image(0);
    assert.equal(image.length, 784);
    assert.ok(image.every((value) => value >= 0 && value <= 1));
    assert.ok(image.some((value) => value > 0.5));
    assert.equal(image[300], Math.fround(fashion.test.images[300] / 255));
    assert.equal(fashion.labelName(0), "Ankle boot"); // test image 0 is also an ankle boot
  },
});

Deno.test("loadFashionMnist reads uncompressed files as well as .gz ones", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(6, 4), { gzip: false });
    const fashion = await loadFashionMnist({
      ...isolated(),
      dir: directory,
      verifyChecksums: false,
    });
    assert.equal(fashion.train.count, 6);
    assert.equal(fashion.test.count, 4);
    assert.equal(fashion.source, directory);
    assert.deepEqual([...fashion.train.labels], [9, 0, 1, 2, 3, 4]);
  });
});

Deno.test("loadFashionMnist reads a directory mixing .gz and uncompressed files", async () => {
  await withTempDir(async (directory) => {
    const { "train-images-idx3-ubyte": trainImages, ...rest } = makeFakeDataset(6, 4);
    await writeDataset(directory, { "train-images-idx3-ubyte": trainImages }, { gzip: true });
    await writeDataset(directory, rest, { gzip: false });
    const fashion = await loadFashionMnist({
      ...isolated(),
      dir: directory,
      verifyChecksums: false,
    });
    assert.deepEqual(fashion.train.images, trainImages.subarray(16));
  });
});

Deno.test("loadFashionMnist with a limit larger than a split keeps the whole split", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(6, 4), { gzip: true });
    const fashion = await loadFashionMnist({
      ...isolated(),
      dir: directory,
      verifyChecksums: false,
      limit: 5,
    });
    assert.equal(fashion.train.count, 5);
    assert.equal(fashion.test.count, 4);
  });
});

Deno.test("loadFashionMnist rejects a limit that is not a positive integer", async () => {
  for (const limit of [0, -1, 1.5, Number.NaN, Infinity]) {
    await assert.rejects(loadFashionMnist({ ...isolated(), limit }), RangeError, `limit ${limit}`);
  }
  await assert.rejects(
    loadFashionMnist({ ...isolated(), limit: "10" as unknown as number }),
    TypeError,
  );
});

Deno.test("loadFashionMnist reports reading progress for each file", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(), { gzip: true });
    const read: string[] = [];
    await loadFashionMnist({
      ...isolated(),
      dir: directory,
      verifyChecksums: false,
      onProgress: (progress) => {
        if (progress.stage === "read") read.push(progress.path);
      },
    });
    assert.deepEqual(read.sort(), [
      join(directory, "t10k-images-idx3-ubyte.gz"),
      join(directory, "t10k-labels-idx1-ubyte.gz"),
      join(directory, "train-images-idx3-ubyte.gz"),
      join(directory, "train-labels-idx1-ubyte.gz"),
    ]);
  });
});
