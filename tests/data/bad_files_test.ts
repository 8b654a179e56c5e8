import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  FASHION_MNIST_CHECKSUMS,
  FashionMnistError,
  findFilesInDirectory,
  gunzip,
  IDX_LABELS_MAGIC,
  loadFashionMnist,
  readIdxFile,
} from "../../lib/data/mod.ts";
import {
  caught,
  checksumsOf,
  gzipBytes,
  isolated,
  makeFakeDataset,
  makeImagesIdx,
  makeLabelsIdx,
  withTempDir,
  writeDataset,
} from "./helpers.ts";

const debianComplete =
  (await findFilesInDirectory(DEBIAN_FASHION_MNIST_DIRECTORY)).missing.length === 0;

Deno.test("loadFashionMnist with the files missing everywhere lists every place looked and how to get the files", async () => {
  await withTempDir(async (directory) => {
    const empty = join(directory, "empty");
    await Deno.mkdir(empty);
    const partial = join(directory, "partial");
    await Deno.mkdir(partial);
    await writeDataset(partial, { "train-labels-idx1-ubyte": makeLabelsIdx([1]) }, { gzip: true });
    const absent = join(directory, "absent");
    const error = await caught(() =>
      loadFashionMnist({
        env: () => undefined,
        fallbackDirs: [empty, partial, absent],
        download: false,
      })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /Fashion-MNIST files not found/);
    assert.ok(
      error.message.includes(`${empty} (fallback directory): missing train-images-idx3-ubyte[.gz]`),
    );
    assert.ok(error.message.includes(`${partial} (fallback directory): missing train-images`));
    assert.ok(!error.message.includes(`${partial} (fallback directory): missing train-labels`));
    assert.ok(error.message.includes(`${absent} (fallback directory): directory does not exist`));
    assert.match(error.message, /downloading is off \(download: false\)/);
    assert.match(error.message, /apt-get install dataset-fashion-mnist/);
    assert.match(error.message, /FASHION_MNIST_DIR/);
    assert.match(error.message, /--allow-net/);
  });
});

Deno.test("loadFashionMnist rejects a truncated images file, naming it", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    files["t10k-images-idx3-ubyte"] = files["t10k-images-idx3-ubyte"].slice(0, 1000);
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.equal(error.path, join(directory, "t10k-images-idx3-ubyte.gz"));
    assert.match(error.message, /t10k-images-idx3-ubyte\.gz is truncated: expected 3152 bytes/);
    assert.match(error.message, /got 1000/);
  });
});

Deno.test("loadFashionMnist rejects a labels file with extra bytes", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    const padded = new Uint8Array(files["train-labels-idx1-ubyte"].length + 3);
    padded.set(files["train-labels-idx1-ubyte"]);
    files["train-labels-idx1-ubyte"] = padded;
    await writeDataset(directory, files, { gzip: false });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /train-labels-idx1-ubyte has 3 extra bytes/);
  });
});

Deno.test("loadFashionMnist rejects images and labels files swapped by their magic numbers", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    files["train-images-idx3-ubyte"] = makeImagesIdx(6, 28, 28, 2049);
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /train-images-idx3-ubyte\.gz is not an IDX images file/);
    assert.match(error.message, /expected magic number 2051, got 2049/);
  });
});

Deno.test("loadFashionMnist rejects images that are not 28x28", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    files["t10k-images-idx3-ubyte"] = makeImagesIdx(4, 32, 32);
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /has 32x32 images: expected 28x28/);
  });
});

Deno.test("loadFashionMnist rejects labels outside 0..9", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset(6, 4);
    files["t10k-labels-idx1-ubyte"] = makeLabelsIdx([0, 1, 12, 3]);
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /has label 12 at index 2: expected labels 0 to 9/);
  });
});

Deno.test("loadFashionMnist rejects an image/label count mismatch, naming both files", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset(6, 4);
    files["train-labels-idx1-ubyte"] = makeLabelsIdx([9, 0, 1, 2, 3]);
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.ok(error.message.includes(join(directory, "train-images-idx3-ubyte.gz")));
    assert.ok(error.message.includes(join(directory, "train-labels-idx1-ubyte.gz")));
    assert.match(error.message, /got 6 images and 5 labels/);
  });
});

Deno.test("loadFashionMnist rejects a corrupt gzip file, naming it", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(), { gzip: true });
    const path = join(directory, "train-labels-idx1-ubyte.gz");
    const compressed = await Deno.readFile(path);
    await Deno.writeFile(path, compressed.subarray(0, compressed.length - 6));
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, verifyChecksums: false })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.equal(error.path, path);
    assert.match(error.message, /train-labels-idx1-ubyte\.gz is corrupt: expected complete gzip/);
  });
});

Deno.test("loadFashionMnist rejects a file with one changed byte when checksums are verified", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    const checksums = await checksumsOf(files);
    files["train-images-idx3-ubyte"][500] ^= 1;
    await writeDataset(directory, files, { gzip: true });
    const error = await caught(() =>
      loadFashionMnist({ ...isolated(), dir: directory, checksums })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.equal(error.path, join(directory, "train-images-idx3-ubyte.gz"));
    assert.match(error.message, /failed its checksum/);
    // ... and loads it when verification is off
    const fashion = await loadFashionMnist({
      ...isolated(),
      dir: directory,
      verifyChecksums: false,
    });
    assert.equal(fashion.train.count, 6);
  });
});

Deno.test("loadFashionMnist verifies checksums by default, so small fake files are rejected as not the original", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(), { gzip: true });
    const error = await caught(() => loadFashionMnist({ ...isolated(), dir: directory }));
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /is not the original: expected \d+ bytes \(decompressed\)/);
  });
});

Deno.test({
  name: "readIdxFile rejects a full-length copy of the real test labels with one changed byte",
  ignore: !debianComplete,
  fn: async () => {
    await withTempDir(async (directory) => {
      const source = join(DEBIAN_FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz");
      const original = await gunzip(await Deno.readFile(source), source);
      const changed = original.slice();
      changed[5000] = (changed[5000] + 1) % 10; // still a valid label, same length
      const path = join(directory, "t10k-labels-idx1-ubyte");
      await Deno.writeFile(path, changed);
      const checksum = FASHION_MNIST_CHECKSUMS["t10k-labels-idx1-ubyte"];
      const error = await caught(() =>
        readIdxFile(path, { expectedMagic: IDX_LABELS_MAGIC, checksum })
      );
      assert.ok(error instanceof FashionMnistError);
      assert.equal(error.path, path);
      assert.match(error.message, /failed its checksum: expected SHA-256 0402a96d/);
      // the unchanged file passes
      await Deno.writeFile(path, original);
      const parsed = await readIdxFile(path, { expectedMagic: IDX_LABELS_MAGIC, checksum });
      assert.deepEqual(parsed.dims, [10000]);
    });
  },
});

Deno.test({
  name: "loadFashionMnist rejects the real dataset with one changed byte in the test labels",
  ignore: !debianComplete,
  fn: async () => {
    await withTempDir(async (directory) => {
      for (
        const name of [
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
        ]
      ) {
        await Deno.symlink(
          join(DEBIAN_FASHION_MNIST_DIRECTORY, `${name}.gz`),
          join(directory, `${name}.gz`),
        );
      }
      const source = join(DEBIAN_FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz");
      const changed = await gunzip(await Deno.readFile(source), source);
      changed[9] = (changed[9] + 1) % 10;
      await Deno.writeFile(join(directory, "t10k-labels-idx1-ubyte.gz"), await gzipBytes(changed));
      const error = await caught(() =>
        loadFashionMnist({ ...isolated(), dir: directory, limit: 10 })
      );
      assert.ok(error instanceof FashionMnistError);
      assert.equal(error.path, join(directory, "t10k-labels-idx1-ubyte.gz"));
      assert.match(error.message, /failed its checksum/);
    });
  },
});

Deno.test("readIdxFile on a missing file says so and names it", async () => {
  await withTempDir(async (directory) => {
    const path = join(directory, "nothing.gz");
    const error = await caught(() => readIdxFile(path, { expectedMagic: IDX_LABELS_MAGIC }));
    assert.ok(error instanceof FashionMnistError);
    assert.equal(error.path, path);
    assert.match(error.message, /does not exist/);
  });
});
