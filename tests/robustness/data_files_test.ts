/**
 * Bad data: a wrong or incomplete FASHION_MNIST_DIR, a damaged file, a folder the command may not
 * read. Each failure names the place, says what to do, exits with 1 and prints no stack trace;
 * an explicit place is never silently replaced by another.
 */
import { join } from "node:path";
import { DEBIAN_FASHION_MNIST_DIRECTORY, findFilesInDirectory } from "../../lib/data/mod.ts";
import { assertCleanFailure, ROOT, runCommand } from "./helpers.ts";

const haveData = (await findFilesInDirectory(DEBIAN_FASHION_MNIST_DIRECTORY)).missing.length === 0;
const train = ["--limit", "32", "--epochs", "1", "--out", "run"];

Deno.test("issue 12.7: a FASHION_MNIST_DIR that does not exist fails loudly instead of falling back", async () => {
  const result = await runCommand("train", train, {
    env: { FASHION_MNIST_DIR: "/nonexistent/fashion" },
  });
  assertCleanFailure(result, {
    code: 1,
    mentions: [
      "FASHION_MNIST_DIR=/nonexistent/fashion is not a directory that exists",
      "unset FASHION_MNIST_DIR",
    ],
  });
});

Deno.test({
  name:
    "issue 12.7: an incomplete FASHION_MNIST_DIR names the files it lacks, for every command that loads data",
  ignore: !haveData,
}, async () => {
  const partial = await Deno.makeTempDir({ prefix: "partial-fmnist-" });
  const contents = await findFilesInDirectory(DEBIAN_FASHION_MNIST_DIRECTORY);
  for (const name of ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"] as const) {
    const path = contents.found[name]!;
    await Deno.symlink(path, join(partial, path.split("/").at(-1)!));
  }
  for (
    const [task, args] of [
      ["train", train],
      ["anomaly", ["--normal-class", "0", "--limit", "32", "--out", "a"]],
      ["latent", ["--parts", "gradients", "--limit", "32", "--out", "l"]],
    ] as const
  ) {
    const result = await runCommand(task, [...args], { env: { FASHION_MNIST_DIR: partial } });
    assertCleanFailure(result, {
      code: 1,
      mentions: [`FASHION_MNIST_DIR=${partial} lacks t10k-images-idx3-ubyte[.gz]`],
    });
  }
});

Deno.test("a damaged data file is named, with how to repair it", async () => {
  const damaged = await Deno.makeTempDir({ prefix: "damaged-fmnist-" });
  for (
    const name of [
      "train-images-idx3-ubyte",
      "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ]
  ) {
    await Deno.writeFile(join(damaged, name), new Uint8Array([0, 0, 8, 1, 0, 0]));
  }
  const result = await runCommand("train", train, { env: { FASHION_MNIST_DIR: damaged } });
  assertCleanFailure(result, { code: 1, mentions: [damaged, "Fashion-MNIST file"] });
});

Deno.test("issue 12.7: a data folder the command may not read gives a clear message, not a raw OS error", async () => {
  // As root every folder is readable whatever its mode, so the command is denied the folder with
  // Deno's permissions instead (tests/data/locate_test.ts checks the file-mode case as a user).
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  const hidden = await Deno.makeTempDir({ prefix: "hidden-fmnist-" });
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      `--allow-read=${ROOT},${cwd}`,
      `--allow-write=${cwd}`,
      "--allow-env",
      "--allow-ffi",
      "--allow-sys",
      "--config",
      join(ROOT, "deno.json"),
      join(ROOT, "scripts", "train.ts"),
      ...train,
    ],
    cwd,
    env: { NO_COLOR: "1", FASHION_MNIST_DIR: hidden },
  }).output();
  const decoder = new TextDecoder();
  const stdout = decoder.decode(output.stdout);
  const stderr = decoder.decode(output.stderr);
  assertCleanFailure({ code: output.code, stdout, stderr, text: stdout + stderr }, {
    code: 1,
    mentions: [`Cannot read ${hidden}`, "--allow-read"],
  });
});
