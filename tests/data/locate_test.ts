import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  describeDirectoryContents,
  findFilesInDirectory,
  loadFashionMnist,
  projectDataDirectory,
  searchLocations,
} from "../../lib/data/mod.ts";
import { makeFakeDataset, makeLabelsIdx, withTempDir, writeDataset } from "./helpers.ts";

Deno.test("searchLocations looks in the dir option, then the project data directory, then Debian's", () => {
  const locations = searchLocations({ dir: "/somewhere", env: () => "/from-env" });
  assert.deepEqual(locations, [
    { directory: "/somewhere", origin: "dir option" },
    { directory: projectDataDirectory(), origin: "project data directory" },
    { directory: DEBIAN_FASHION_MNIST_DIRECTORY, origin: "Debian dataset-fashion-mnist" },
  ]);
});

Deno.test("searchLocations uses FASHION_MNIST_DIR when no dir option is given", () => {
  const asked: string[] = [];
  const env = (name: string) => {
    asked.push(name);
    return "/from-env";
  };
  const locations = searchLocations({ env, fallbackDirs: [] });
  assert.deepEqual(asked, ["FASHION_MNIST_DIR"]);
  assert.deepEqual(locations, [{ directory: "/from-env", origin: "FASHION_MNIST_DIR" }]);
});

Deno.test("searchLocations does not read the environment when a dir option is given", () => {
  const env = () => {
    throw new Error("environment read");
  };
  assert.equal(searchLocations({ dir: "/x", env, fallbackDirs: [] }).length, 1);
});

Deno.test("searchLocations ignores an empty FASHION_MNIST_DIR and removes duplicates", () => {
  const locations = searchLocations({ env: () => "", fallbackDirs: ["/a", "/b", "/a"] });
  assert.deepEqual(locations.map((location) => location.directory), ["/a", "/b"]);
});

Deno.test("searchLocations rejects an empty dir option with a TypeError", () => {
  assert.throws(() => searchLocations({ dir: "" }), TypeError);
});

Deno.test("projectDataDirectory is data/fashion-mnist at the project root, whatever the cwd", () => {
  const projectRoot = new URL("../../", import.meta.url).pathname;
  assert.equal(projectDataDirectory(), join(projectRoot, "data", "fashion-mnist"));
});

Deno.test("findFilesInDirectory finds .gz and uncompressed files and prefers uncompressed", async () => {
  await withTempDir(async (directory) => {
    const files = makeFakeDataset();
    await writeDataset(directory, files, { gzip: true });
    await writeDataset(directory, { "t10k-labels-idx1-ubyte": files["t10k-labels-idx1-ubyte"] }, {
      gzip: false,
    });
    const contents = await findFilesInDirectory(directory);
    assert.equal(contents.exists, true);
    assert.deepEqual(contents.missing, []);
    assert.equal(
      contents.found["t10k-labels-idx1-ubyte"],
      join(directory, "t10k-labels-idx1-ubyte"),
    );
    assert.equal(
      contents.found["train-images-idx3-ubyte"],
      join(directory, "train-images-idx3-ubyte.gz"),
    );
  });
});

Deno.test("findFilesInDirectory ignores a directory that has a file's name", async () => {
  await withTempDir(async (directory) => {
    await Deno.mkdir(join(directory, "train-images-idx3-ubyte.gz"));
    const contents = await findFilesInDirectory(directory);
    assert.equal(contents.missing.length, 4);
    assert.match(describeDirectoryContents(contents, "test"), /missing train-images-idx3-ubyte/);
  });
});

Deno.test("loadFashionMnist skips an incomplete directory and uses the next complete one", async () => {
  await withTempDir(async (directory) => {
    const incomplete = join(directory, "incomplete");
    const complete = join(directory, "complete");
    await Deno.mkdir(incomplete);
    await Deno.mkdir(complete);
    await writeDataset(incomplete, { "train-labels-idx1-ubyte": makeLabelsIdx([1]) }, {
      gzip: false,
    });
    await writeDataset(complete, makeFakeDataset(), { gzip: true });
    const fashion = await loadFashionMnist({
      env: () => incomplete,
      fallbackDirs: [complete],
      download: false,
      verifyChecksums: false,
    });
    assert.equal(fashion.info().source, complete);
  });
});

Deno.test("loadFashionMnist uses the directory named by FASHION_MNIST_DIR", async () => {
  await withTempDir(async (directory) => {
    await writeDataset(directory, makeFakeDataset(3, 2), { gzip: true });
    const fashion = await loadFashionMnist({
      env: (name) => name === "FASHION_MNIST_DIR" ? directory : undefined,
      fallbackDirs: [],
      download: false,
      verifyChecksums: false,
    });
    assert.equal(fashion.source, directory);
    assert.equal(fashion.train.count, 3);
  });
});
