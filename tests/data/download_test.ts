import assert from "node:assert/strict";
import { join } from "node:path";
import {
  downloadFashionMnist,
  type DownloadProgress,
  FASHION_MNIST_FILE_NAMES,
  FashionMnistError,
  type FashionMnistProgress,
  loadFashionMnist,
} from "../../lib/data/mod.ts";
import {
  caught,
  checksumsOf,
  type FakeDataset,
  gzipBytes,
  makeFakeDataset,
  withTempDir,
} from "./helpers.ts";

/**
 * Serves, on 127.0.0.1, `/good/NAME.gz` (the fake dataset), `/bad/NAME.gz`
 * (gzip of bytes with one changed byte), `/plain/NAME.gz` (sent with
 * Content-Encoding: gzip, so fetch decompresses it) and 404 elsewhere.
 */
async function withServer(
  files: FakeDataset,
  body: (baseUrl: string, requests: string[]) => Promise<void>,
): Promise<void> {
  const good = new Map<string, Uint8Array>();
  const bad = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(files)) {
    good.set(`${name}.gz`, await gzipBytes(bytes));
    const changed = bytes.slice();
    changed[changed.length - 1] ^= 0xff;
    bad.set(`${name}.gz`, await gzipBytes(changed));
  }
  const requests: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
    const { pathname } = new URL(request.url);
    requests.push(pathname);
    const [, kind, fileName] = pathname.split("/");
    const bytes = (kind === "bad" ? bad : good).get(fileName);
    if (!bytes || !["good", "bad", "plain"].includes(kind)) {
      return new Response("not found", { status: 404 });
    }
    const headers: Record<string, string> = { "content-type": "application/octet-stream" };
    if (kind === "plain") headers["content-encoding"] = "gzip";
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers });
  });
  try {
    await body(`http://127.0.0.1:${server.addr.port}/`, requests);
  } finally {
    await server.shutdown();
  }
}

Deno.test("downloadFashionMnist downloads, verifies and writes all four files, reporting progress", async () => {
  const files = makeFakeDataset(20, 10);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl) => {
    await withTempDir(async (directory) => {
      const target = join(directory, "new", "fashion-mnist");
      const progress: DownloadProgress[] = [];
      const paths = await downloadFashionMnist({
        directory: target,
        baseUrls: [`${baseUrl}good/`],
        checksums,
        onProgress: (event) => progress.push(event),
      });
      assert.deepEqual(
        (await Array.fromAsync(Deno.readDir(target))).map((entry) => entry.name).sort(),
        FASHION_MNIST_FILE_NAMES.map((name) => `${name}.gz`).sort(),
      );
      for (const name of FASHION_MNIST_FILE_NAMES) {
        assert.equal(paths[name], join(target, `${name}.gz`));
        assert.deepEqual(await Deno.readFile(paths[name]!), await gzipBytes(files[name]));
      }
      const last = progress.filter((event) => event.fileName === "train-images-idx3-ubyte.gz").at(
        -1,
      )!;
      assert.equal(last.url, `${baseUrl}good/train-images-idx3-ubyte.gz`);
      assert.equal(last.receivedBytes, last.totalBytes);
      assert.ok(last.receivedBytes > 0);
    });
  });
});

Deno.test("downloadFashionMnist rejects a download that fails its checksum and leaves no file behind", async () => {
  const files = makeFakeDataset(20, 10);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl) => {
    await withTempDir(async (directory) => {
      const error = await caught(() =>
        downloadFashionMnist({
          directory,
          fileNames: ["t10k-labels-idx1-ubyte"],
          baseUrls: [`${baseUrl}bad/`],
          checksums,
        })
      );
      assert.ok(error instanceof FashionMnistError);
      assert.equal(error.path, join(directory, "t10k-labels-idx1-ubyte.gz"));
      assert.match(
        error.message,
        /Could not download Fashion-MNIST file t10k-labels-idx1-ubyte\.gz/,
      );
      assert.match(error.message, /failed its checksum/);
      assert.deepEqual(await Array.fromAsync(Deno.readDir(directory)), []);
    });
  });
});

Deno.test("downloadFashionMnist tries the next URL after an HTTP error or a bad file", async () => {
  const files = makeFakeDataset(4, 2);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl, requests) => {
    await withTempDir(async (directory) => {
      await downloadFashionMnist({
        directory,
        fileNames: ["train-labels-idx1-ubyte"],
        baseUrls: [`${baseUrl}missing/`, `${baseUrl}bad/`, `${baseUrl}good/`],
        checksums,
      });
      assert.deepEqual(requests, [
        "/missing/train-labels-idx1-ubyte.gz",
        "/bad/train-labels-idx1-ubyte.gz",
        "/good/train-labels-idx1-ubyte.gz",
      ]);
      assert.deepEqual(
        (await Array.fromAsync(Deno.readDir(directory))).map((entry) => entry.name),
        ["train-labels-idx1-ubyte.gz"],
      );
    });
  });
});

Deno.test("downloadFashionMnist stores the file uncompressed when the server made fetch decompress it", async () => {
  const files = makeFakeDataset(4, 2);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl) => {
    await withTempDir(async (directory) => {
      const paths = await downloadFashionMnist({
        directory,
        fileNames: ["t10k-labels-idx1-ubyte"],
        baseUrls: [`${baseUrl}plain/`],
        checksums,
      });
      assert.equal(paths["t10k-labels-idx1-ubyte"], join(directory, "t10k-labels-idx1-ubyte"));
      assert.deepEqual(
        await Deno.readFile(join(directory, "t10k-labels-idx1-ubyte")),
        files["t10k-labels-idx1-ubyte"],
      );
    });
  });
});

Deno.test("downloadFashionMnist uses the injected fetch function", async () => {
  const files = makeFakeDataset(2, 2);
  const checksums = await checksumsOf(files);
  const compressed = await gzipBytes(files["train-labels-idx1-ubyte"]);
  const fetched: string[] = [];
  const fakeFetch = (input: RequestInfo | URL) => {
    fetched.push(String(input));
    return Promise.resolve(new Response(compressed as Uint8Array<ArrayBuffer>));
  };
  await withTempDir(async (directory) => {
    await downloadFashionMnist({
      directory,
      fileNames: ["train-labels-idx1-ubyte"],
      baseUrls: ["https://example.invalid/data/"],
      fetch: fakeFetch as typeof fetch,
      checksums,
    });
    assert.deepEqual(fetched, ["https://example.invalid/data/train-labels-idx1-ubyte.gz"]);
  });
});

Deno.test("downloadFashionMnist reports a network failure for every URL tried", async () => {
  const failingFetch = () => Promise.reject(new TypeError("network unreachable"));
  await withTempDir(async (directory) => {
    const error = await caught(() =>
      downloadFashionMnist({
        directory,
        fileNames: ["train-labels-idx1-ubyte"],
        baseUrls: ["https://one.invalid/", "https://two.invalid/"],
        fetch: failingFetch as typeof fetch,
      })
    );
    assert.ok(error instanceof FashionMnistError);
    assert.match(error.message, /one\.invalid\/train-labels-idx1-ubyte\.gz: network unreachable/);
    assert.match(error.message, /two\.invalid\/train-labels-idx1-ubyte\.gz: network unreachable/);
    assert.deepEqual(await Array.fromAsync(Deno.readDir(directory)), []);
  });
});

Deno.test("loadFashionMnist downloads the files when they are found nowhere, then loads them", async () => {
  const files = makeFakeDataset(8, 4);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl) => {
    await withTempDir(async (directory) => {
      const downloadDir = join(directory, "downloads");
      const stages = new Set<FashionMnistProgress["stage"]>();
      const fashion = await loadFashionMnist({
        env: () => undefined,
        fallbackDirs: [join(directory, "absent")],
        downloadDir,
        downloadUrls: [`${baseUrl}good/`],
        checksums,
        onProgress: (progress) => stages.add(progress.stage),
      });
      assert.equal(fashion.source, downloadDir);
      assert.equal(fashion.train.count, 8);
      assert.deepEqual([...stages].sort(), ["download", "read"]);
    });
  });
});

Deno.test("loadFashionMnist downloads only the files an interrupted download left missing", async () => {
  const files = makeFakeDataset(8, 4);
  const checksums = await checksumsOf(files);
  await withServer(files, async (baseUrl, requests) => {
    await withTempDir(async (directory) => {
      await Deno.writeFile(
        join(directory, "train-images-idx3-ubyte.gz"),
        await gzipBytes(files["train-images-idx3-ubyte"]),
      );
      await loadFashionMnist({
        fallbackDirs: [directory],
        env: () => undefined,
        downloadDir: directory,
        downloadUrls: [`${baseUrl}good/`],
        checksums,
      });
      assert.equal(requests.length, 3);
      assert.ok(!requests.some((path) => path.includes("train-images")));
    });
  });
});

Deno.test("loadFashionMnist reports where it looked when downloading fails too", async () => {
  const files = makeFakeDataset(8, 4);
  await withServer(files, async (baseUrl) => {
    await withTempDir(async (directory) => {
      const error = await caught(() =>
        loadFashionMnist({
          env: () => undefined,
          fallbackDirs: [join(directory, "absent")],
          downloadDir: join(directory, "downloads"),
          downloadUrls: [`${baseUrl}missing/`],
        })
      );
      assert.ok(error instanceof FashionMnistError);
      assert.match(error.message, /Fashion-MNIST files not found/);
      assert.match(error.message, /absent \(fallback directory\): directory does not exist/);
      assert.match(error.message, /downloading failed: .*HTTP 404/s);
      assert.match(error.message, /apt-get install dataset-fashion-mnist/);
      assert.ok(error.cause instanceof FashionMnistError);
      assert.deepEqual(await Array.fromAsync(Deno.readDir(join(directory, "downloads"))), []);
    });
  });
});
