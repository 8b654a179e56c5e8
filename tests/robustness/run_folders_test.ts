/**
 * Bad run folders and checkpoints given to the commands: each failure names the file, says what to
 * do (advice that fits the command), exits with 1, prints no stack trace, and changes nothing.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBackend } from "../helpers/backend.ts";
import {
  convertToFormat1,
  editManifest,
  poisonWeights,
  smallRunFolder,
  trainSmall,
} from "../training/run_folder/run_folders.ts";
import { assertCleanFailure, filesUnder, runCommand, taskProcess } from "./helpers.ts";

/** The run folder's files and their bytes, to show a failed command changed nothing. */
async function snapshot(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await filesUnder(directory)) {
    const info = await Deno.stat(join(directory, name));
    if (info.isFile) files[name] = (await Deno.readFile(join(directory, name))).join(",");
  }
  return files;
}

Deno.test("issue 12.1: resuming a checkpoint with one NaN (SHA-256 updated) fails, naming weights.bin, changing nothing", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = await poisonWeights(directory);
  const before = await snapshot(directory);
  const result = await runCommand("train", ["--resume", directory, "--epochs", "2"]);
  assertCleanFailure(result, {
    code: 1,
    mentions: [path, "NaN", "train the run again into a new folder"],
  });
  assert.deepEqual(await snapshot(directory), before);
});

Deno.test("issue 12.1 and 12.6: results and latent refuse a NaN checkpoint with advice that fits them", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = await poisonWeights(directory);
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  for (
    const [task, args] of [
      ["results", [directory, "--json", "results.json"]],
      ["latent", ["--parts", "pretraining", "--cae", directory, "--limit", "48", "--out", "r"]],
    ] as const
  ) {
    const result = await runCommand(task, [...args], { cwd });
    assertCleanFailure(result, { code: 1, mentions: [path, "NaN"] });
    assert.ok(!result.text.includes("--resume"), `${task} advised --resume:\n${result.text}`);
  }
});

Deno.test("issue 12.6: a checkpoint.json without sha256 is refused by every command", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  await editManifest(directory, (manifest) => delete manifest.sha256);
  const manifest = join(directory, "checkpoint.json");
  for (
    const args of [
      ["train", "--resume", directory, "--epochs", "2"],
      ["results", directory, "--json", "results.json"],
      ["latent", "--parts", "pretraining", "--cae", directory, "--out", "r"],
      ["plot", "--no-open", directory],
    ]
  ) {
    const [task, ...rest] = args;
    const result = await runCommand(task, rest);
    assertCleanFailure(result, { code: 1, mentions: [manifest, 'no "sha256" field'] });
  }
});

Deno.test("issue 12.6: an edited config.json does not resume a latent-3 run as latent 2", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = join(directory, "config.json");
  const config = JSON.parse(await Deno.readTextFile(path));
  await Deno.writeTextFile(path, JSON.stringify({ ...config, latentDim: 2 }));
  const result = await runCommand("train", ["--resume", directory, "--epochs", "2"]);
  assertCleanFailure(result, {
    code: 1,
    mentions: [path, "latentDim 2 instead of 3", `cp ${join(directory, "checkpoints")}`],
  });
});

Deno.test("issue 12.5: resuming a CAE run whose config says vae is a clear error, old format too", async () => {
  await useBackend();
  for (const older of [false, true]) {
    const directory = await smallRunFolder(1);
    if (older) await convertToFormat1(directory);
    const path = join(directory, "config.json");
    const config = JSON.parse(await Deno.readTextFile(path));
    await Deno.writeTextFile(path, JSON.stringify({ ...config, model: "vae" }));
    const result = await runCommand("train", ["--resume", directory, "--epochs", "2"]);
    assertCleanFailure(result, {
      code: 1,
      mentions: [older ? 'says model "vae", but its checkpoint holds a cae model' : '"vae"'],
    });
  }
});

Deno.test("issue 12.6: a corrupt config.json or a cut metrics.jsonl names the file", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const config = join(directory, "config.json");
  const saved = await Deno.readTextFile(config);
  await Deno.writeTextFile(config, '{"model": "cae",');
  for (
    const args of [
      ["results", directory, "--json", "results.json"],
      ["train", "--resume", directory, "--epochs", "2"],
      ["latent", "--parts", "pretraining", "--cae", directory, "--out", "r"],
    ]
  ) {
    const [task, ...rest] = args;
    const result = await runCommand(task, rest);
    assertCleanFailure(result, { code: 1, mentions: [`${config} is not valid JSON`, "cp "] });
  }
  await Deno.writeTextFile(config, saved);
  const metrics = join(directory, "metrics.jsonl");
  const text = await Deno.readTextFile(metrics);
  await Deno.writeTextFile(metrics, text.slice(0, 40));
  const result = await runCommand("plot", ["--no-open", directory]);
  assertCleanFailure(result, { code: 1, mentions: [`${metrics}, line 1 is not valid JSON`] });
  // Resuming repairs it: the checkpoint keeps its own copy of the metrics.
  const resumed = await runCommand("train", ["--resume", directory, "--epochs", "2"]);
  assert.equal(resumed.code, 0, resumed.text);
  assert.deepEqual(
    (await Deno.readTextFile(metrics)).trim().split("\n").map((line) => JSON.parse(line).epoch),
    [1, 2],
  );
});

Deno.test("issue 12.5: latent with a folder that is not a run prints one clean message", async () => {
  const result = await runCommand("latent", ["--parts", "pretraining", "--cae", "runs/nope"]);
  assertCleanFailure(result, {
    code: 1,
    mentions: ["runs/nope is not a run folder", "finished at least one epoch"],
  });
});

Deno.test("latent refuses a run of the wrong model kind before loading anything", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const result = await runCommand("latent", [
    "--parts",
    "features",
    "--cae",
    directory,
    "--vae",
    directory,
  ]);
  assertCleanFailure(result, {
    code: 2,
    mentions: [`--vae needs a vae run, but ${directory} holds a cae run`],
  });
});

Deno.test("leftovers of a crash (an empty checkpoint.json.tmp, a half-written epoch folder) are cleaned and the run resumes", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  await Deno.writeTextFile(join(directory, "checkpoint.json.tmp"), "");
  await Deno.mkdir(join(directory, "checkpoints", "epoch-2"));
  await Deno.writeTextFile(join(directory, "checkpoints", "epoch-2", "weights.bin"), "torn");
  const result = await runCommand("train", ["--resume", directory, "--epochs", "2"]);
  assert.equal(result.code, 0, result.text);
  assert.deepEqual(await filesUnder(join(directory, "checkpoints")), [
    "epoch-2",
    "epoch-2/config.json",
    "epoch-2/metrics.jsonl",
    "epoch-2/model.json",
    "epoch-2/optimizer.bin",
    "epoch-2/optimizer.json",
    "epoch-2/weights.bin",
  ]);
  assert.ok(!(await filesUnder(directory)).some((name) => name.endsWith(".tmp")));
});

Deno.test("a training process killed with SIGKILL resumes to the losses of an uninterrupted run", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "robust-kill-" });
  const flags = ["--limit", "96", "--latent-dim", "3", "--batch-size", "16", "--epochs", "4"];
  const straight = await runCommand("train", [...flags, "--out", "straight"], { cwd });
  assert.equal(straight.code, 0, straight.text);
  const child = await taskProcess("train", [...flags, "--out", "killed"], cwd);
  const manifest = join(cwd, "killed", "checkpoint.json");
  // Killed as soon as the first epoch is committed: wherever it was, nothing committed is lost.
  for (let waited = 0; waited < 120_000; waited += 20) {
    if (await Deno.stat(manifest).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  assert.notEqual((await child.status).code, 0);
  const resumed = await runCommand("train", ["--resume", "killed", "--epochs", "4"], { cwd });
  assert.equal(resumed.code, 0, resumed.text);
  const losses = async (run: string) =>
    (await Deno.readTextFile(join(cwd, run, "metrics.jsonl"))).trim().split("\n")
      .map((line) => JSON.parse(line)).map(({ epoch, trainLoss, testLoss }) => ({
        epoch,
        trainLoss,
        testLoss,
      }));
  assert.deepEqual(await losses("killed"), await losses("straight"));
});

Deno.test("pretrain-sweep refuses a run without a convolutional encoder before loading data", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir({ prefix: "small-dense-" });
  await trainSmall(directory, { config: { model: "dense" } });
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  const result = await runCommand("pretrain-sweep", ["--runs", directory, "--out", "sweep"], {
    cwd,
  });
  assertCleanFailure(result, {
    code: 2,
    mentions: [`${directory} holds a "dense" model`, "--model cae"],
  });
  assert.deepEqual(await filesUnder(cwd), []);
});

Deno.test("latent's MSE table counts a run folder linked into runs/ by a symbolic link", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  await Deno.mkdir(join(cwd, "runs"));
  await Deno.symlink(directory, join(cwd, "runs", "results-linked"));
  const args = ["--parts", "reconstruction", "--limit", "48", "--ks", "2", "--out", "r"];
  const result = await runCommand("latent", args, { cwd });
  assert.equal(result.code, 0, result.text);
  assert.match(result.stdout, /^\| CAE \|/m, result.text);
  assert.ok(!result.text.includes("PCA only"), result.text);
});

Deno.test("latent's MSE table without any run folder says it has PCA only and what to do", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  const args = ["--parts", "reconstruction", "--limit", "48", "--ks", "2", "--out", "r"];
  const result = await runCommand("latent", args, { cwd });
  assert.equal(result.code, 0, result.text);
  assert.match(result.text, /PCA only.*train_results\.sh/s);
  assert.doesNotMatch(result.stdout, /^\| CAE \|/m);
});
