/**
 * Crash-safety of the checkpoint: a save is made to fail at each of its file operations in turn,
 * as a crash there would (a write cut short, a folder half removed, nothing after it done), and
 * `--resume` must then continue from the last committed epoch with the losses of a run that was
 * never interrupted, leaving no leftovers.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DURABLE_FILE_OPERATIONS,
  type FileOperations,
} from "../../../lib/training/run_folder/file_operations.ts";
import { loadModel } from "../../../lib/training/run_folder/checkpoint.ts";
import { readCheckpointManifest } from "../../../lib/training/run_folder/manifest.ts";
import { readMetrics } from "../../../lib/training/run_folder/metrics_file.ts";
import { useBackend } from "../../helpers/backend.ts";
import { smallRunFolder, trainSmall } from "./run_folders.ts";

class SimulatedCrash extends Error {
  constructor(operation: string) {
    super(`simulated crash during ${operation}`);
    this.name = "SimulatedCrash";
  }
}

/**
 * The real operations, recorded; from operation number `crashAt` (counting from 1) on, the process
 * is "dead": that operation is cut short and every later one fails without touching the disk.
 */
function crashingOperations(crashAt = Infinity) {
  const log: string[] = [];
  let dead = false;
  const step = (description: string) => {
    log.push(description);
    if (dead) throw new SimulatedCrash(description);
    if (log.length >= crashAt) {
      dead = true;
      return true;
    }
    return false;
  };
  const operations: FileOperations = {
    async writeFile(path, bytes) {
      if (step(`write ${path}`)) {
        await Deno.writeFile(path, bytes.subarray(0, bytes.length >> 1)); // cut short, not flushed
        throw new SimulatedCrash(`write ${path}`);
      }
      await DURABLE_FILE_OPERATIONS.writeFile(path, bytes);
    },
    async rename(from, to) {
      if (step(`rename ${from} ${to}`)) throw new SimulatedCrash(`rename ${to}`);
      await DURABLE_FILE_OPERATIONS.rename(from, to);
    },
    async makeDirectory(path) {
      if (step(`mkdir ${path}`)) throw new SimulatedCrash(`mkdir ${path}`);
      await DURABLE_FILE_OPERATIONS.makeDirectory(path);
    },
    async remove(path) {
      if (step(`remove ${path}`)) {
        // A recursive removal cut short: the first entry went, the rest stayed.
        const first = await Array.fromAsync(Deno.readDir(path)).then((e) => e[0], () => undefined);
        if (first !== undefined) await Deno.remove(join(path, first.name), { recursive: true });
        throw new SimulatedCrash(`remove ${path}`);
      }
      await DURABLE_FILE_OPERATIONS.remove(path);
    },
    async syncDirectory(path) {
      if (step(`sync ${path}`)) throw new SimulatedCrash(`sync ${path}`);
      await DURABLE_FILE_OPERATIONS.syncDirectory(path);
    },
  };
  return { operations, log };
}

async function copyFolder(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) await copyFolder(join(from, entry.name), join(to, entry.name));
    else await Deno.copyFile(join(from, entry.name), join(to, entry.name));
  }
}

async function tree(directory: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(directory)) {
    const name = prefix + entry.name;
    found.push(name);
    if (entry.isDirectory) found.push(...await tree(join(directory, entry.name), `${name}/`));
  }
  return found.sort();
}

Deno.test("issue 12.2: a crash after any file operation of a save loses no committed epoch, and --resume continues exactly", async () => {
  await useBackend();
  const straight = await smallRunFolder(3);
  const expected = await readMetrics(straight);
  const base = await smallRunFolder(1);

  // One save of epoch 2, recorded: which operations, and which one commits.
  const probe = await Deno.makeTempDir();
  await copyFolder(base, probe);
  const recorded = crashingOperations();
  await trainSmall(probe, {
    config: { epochs: 2 },
    resume: true,
    fileOperations: recorded.operations,
  });
  const commit =
    recorded.log.findIndex((line) =>
      line.startsWith("rename ") && line.endsWith(join(probe, "checkpoint.json"))
    ) + 1;
  assert.ok(commit > 5, `the commit is operation ${commit} of ${recorded.log.length}`);
  const cleanTree = await tree(probe);

  for (let crashAt = 1; crashAt <= recorded.log.length; crashAt++) {
    const directory = await Deno.makeTempDir({ prefix: `crash-${crashAt}-` });
    await copyFolder(base, directory);
    const { operations, log } = crashingOperations(crashAt);
    await assert.rejects(
      trainSmall(directory, { config: { epochs: 2 }, resume: true, fileOperations: operations }),
      SimulatedCrash,
    );
    const where = `crash at operation ${crashAt}: ${log[crashAt - 1]}`;
    // What is on disk is a whole checkpoint: epoch 1 before the commit, epoch 2 from it on.
    const committed = crashAt >= commit + 1 ? 2 : 1;
    assert.equal((await readCheckpointManifest(directory))?.epoch, committed, where);
    (await loadModel(directory)).dispose();
    // Resuming continues from there with the losses of the uninterrupted run.
    const resumed = await trainSmall(directory, { config: { epochs: 3 }, resume: true });
    for (const [index, metrics] of resumed.history.entries()) {
      assert.equal(metrics.epoch, index + 1, where);
      assert.equal(metrics.trainLoss, expected[index].trainLoss, `${where}, epoch ${index + 1}`);
      assert.equal(metrics.testLoss, expected[index].testLoss, `${where}, epoch ${index + 1}`);
    }
    assert.deepEqual(
      (await readMetrics(directory)).map((metrics) => metrics.testLoss),
      expected.map((metrics) => metrics.testLoss),
      where,
    );
    // And nothing is left over: the folder looks like one that never crashed.
    assert.deepEqual(
      await tree(directory),
      cleanTree.map((name) => name.replace("epoch-2", "epoch-3")),
      where,
    );
    await Deno.remove(directory, { recursive: true });
  }
});
