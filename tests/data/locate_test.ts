import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  describeDirectoryContents,
  FashionMnistError,
  findFilesInDirectory,
  loadFashionMnist,
  projectDataDirectory,
  searchLocations,
} from "../../lib/data/mod.ts";
import { makeFakeDataset, makeLabelsIdx, withTempDir, writeDataset } from "./helpers.ts";

Deno.test("searchLocations looks only in an explicit dir option, never falling back", () => {
  const locations = searchLocations({ dir: "/somewhere", env: () => "/from-env" });
  assert.deepEqual(locations, [{ directory: "/somewhere", origin: "dir option", explicit: true }]);
});

Deno.test("searchLocations without an explicit place looks in the project data directory, then Debian's", () => {
  const locations = searchLocations({ env: () => undefined });
  assert.deepEqual(locations, [
    { directory: projectDataDirectory(), origin: "project data directory" },
    { directory: DEBIAN_FASHION_MNIST_DIRECTORY, origin: "Debian dataset-fashion-mnist" },
  ]);
});

Deno.test("searchLocations uses only FASHION_MNIST_DIR when it is set and no dir option is given", () => {
  const asked: string[] = [];
  const env = (name: string) => {
    asked.push(name);
    return "/from-env";
  };
  const locations = searchLocations({ env, fallbackDirs: ["/fallback"] });
  assert.deepEqual(asked, ["FASHION_MNIST_DIR"]);
  assert.deepEqual(locations, [
    { directory: "/from-env", origin: "FASHION_MNIST_DIR", explicit: true },
  ]);
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

Deno.test("loadFashionMnist skips an incomplete fallback directory and uses the next complete one", async () => {
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
      env: () => undefined,
      fallbackDirs: [incomplete, complete],
      download: false,
      verifyChecksums: false,
    });
    assert.equal(fashion.info().source, complete);
  });
});

Deno.test("an incomplete FASHION_MNIST_DIR fails loudly, naming what it lacks, instead of falling back", async () => {
  await withTempDir(async (directory) => {
    const incomplete = join(directory, "incomplete");
    const complete = join(directory, "complete");
    await Deno.mkdir(incomplete);
    await Deno.mkdir(complete);
    await writeDataset(incomplete, { "train-labels-idx1-ubyte": makeLabelsIdx([1]) }, {
      gzip: false,
    });
    await writeDataset(complete, makeFakeDataset(), { gzip: true });
    const error = await loadFashionMnist({
      env: () => incomplete,
      fallbackDirs: [complete],
      download: false,
      verifyChecksums: false,
    }).then(() => undefined, (caught) => caught);
    assert.ok(error instanceof FashionMnistError);
    assert.equal(error.path, incomplete);
    assert.ok(error.message.startsWith(`FASHION_MNIST_DIR=${incomplete} lacks train-images`));
    assert.ok(!error.message.includes("lacks train-labels-idx1-ubyte[.gz], t10k"));
    assert.match(error.message, /unset FASHION_MNIST_DIR/);
  });
});

Deno.test("a FASHION_MNIST_DIR that does not exist fails loudly even when data is elsewhere", async () => {
  await withTempDir(async (directory) => {
    const complete = join(directory, "complete");
    await Deno.mkdir(complete);
    await writeDataset(complete, makeFakeDataset(), { gzip: true });
    await assert.rejects(
      loadFashionMnist({
        env: () => join(directory, "typo"),
        fallbackDirs: [complete],
        verifyChecksums: false,
      }),
      (error: unknown) =>
        error instanceof FashionMnistError &&
        error.message.startsWith(`FASHION_MNIST_DIR=${join(directory, "typo")} is not a directory`),
    );
  });
});

Deno.test({
  name: "an unreadable data folder is a FashionMnistError that names it and says what to do",
  // root reads every folder whatever its mode; tests/robustness covers the case with Deno's
  // permissions instead.
  ignore: Deno.uid() === 0,
}, async () => {
  await withTempDir(async (directory) => {
    const locked = join(directory, "locked");
    await Deno.mkdir(locked);
    await writeDataset(locked, makeFakeDataset(), { gzip: true });
    await Deno.chmod(locked, 0o000);
    try {
      await assert.rejects(
        loadFashionMnist({ dir: locked, verifyChecksums: false }),
        (error: unknown) =>
          error instanceof FashionMnistError && error.message.includes(locked) &&
          /permission denied/.test(error.message) && /read access/.test(error.message),
      );
    } finally {
      await Deno.chmod(locked, 0o755);
    }
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
