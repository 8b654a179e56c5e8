import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildModel } from "../../../lib/models/build_model.ts";
import { DEFAULT_RUN_CONFIG } from "../../../lib/training/run_config.ts";
import {
  loadCheckpoint,
  loadModel,
  NonFiniteWeightsError,
  readCheckpointMetrics,
  saveCheckpoint,
  tidyRunFolder,
} from "../../../lib/training/run_folder/checkpoint.ts";
import {
  readVerifiedFile,
  withCommittedCheckpoint,
} from "../../../lib/training/run_folder/checkpoint_files.ts";
import { readRunConfig, writeRunConfig } from "../../../lib/training/run_folder/config_file.ts";
import { readModelFiles } from "../../../lib/training/run_folder/model_files.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";
import {
  CheckpointError,
  readCheckpointManifest,
} from "../../../lib/training/run_folder/manifest.ts";
import { readMetrics } from "../../../lib/training/run_folder/metrics_file.ts";
import { useBackend } from "../../helpers/backend.ts";
import {
  convertToFormat1,
  editManifest,
  poisonWeights,
  SMALL_DATA,
  smallRunFolder,
  trainSmall,
} from "./run_folders.ts";

const names = async (directory: string) =>
  (await Array.fromAsync(Deno.readDir(directory))).map((entry) => entry.name).sort();

function sameOutputs(first: tf.LayersModel, second: tf.LayersModel): void {
  const images = tf.tensor4d(SMALL_DATA.pixelsAsFloat("test", [0, 1]), [2, 28, 28, 1]);
  const a = first.predict(images) as tf.Tensor;
  const b = second.predict(images) as tf.Tensor;
  assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));
  tf.dispose([images, a, b]);
}

Deno.test("a checkpoint is one folder per epoch, named with its SHA-256s by checkpoint.json", async () => {
  await useBackend();
  const directory = await smallRunFolder(2);
  const manifest = await readCheckpointManifest(directory);
  assert.equal(manifest?.format, 2);
  assert.equal(manifest?.epoch, 2);
  assert.equal(manifest?.folder, "checkpoints/epoch-2");
  assert.deepEqual(Object.keys(manifest!.sha256).sort(), [
    "config.json",
    "metrics.jsonl",
    "model.json",
    "optimizer.bin",
    "optimizer.json",
    "weights.bin",
  ]);
  assert.deepEqual(await names(join(directory, "checkpoints")), ["epoch-2"]);
  // The copy of config.json is the run folder's, byte for byte.
  assert.equal(
    await Deno.readTextFile(join(directory, "checkpoints", "epoch-2", "config.json")),
    await Deno.readTextFile(join(directory, "config.json")),
  );
  assert.deepEqual(
    (await readCheckpointMetrics(directory)).map((metrics) => metrics.epoch),
    [1, 2],
  );
});

Deno.test("the run folder's model.json loads with tf.loadLayersModel and names the committed weights", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const fetched: string[] = [];
  const fetchFunc = async (url: string | URL | Request) => {
    const path = new URL(String(url)).pathname.replace(/^\/run\//, "");
    fetched.push(path);
    return new Response(await Deno.readFile(join(directory, path)));
  };
  const viaHttp = await tf.loadLayersModel(
    tf.io.http("http://127.0.0.1/run/model.json", { fetchFunc }),
  );
  assert.deepEqual(fetched, ["model.json", "checkpoints/epoch-1/weights.bin"]);
  sameOutputs(viaHttp, await loadModel(directory));
});

Deno.test("an older run (checkpoint format 1) loads, and resuming it moves it to the new format", async () => {
  await useBackend();
  const straight = await smallRunFolder(2);
  const older = await smallRunFolder(1);
  await convertToFormat1(older);
  assert.equal((await readCheckpointManifest(older))?.format, 1);
  sameOutputs(await loadModel(older), await loadModel(older));
  assert.equal((await loadCheckpoint(older)).epoch, 1);
  const resumed = await trainSmall(older, { config: { epochs: 2 }, resume: true });
  assert.deepEqual(resumed.history.map((metrics) => metrics.epoch), [1, 2]);
  const expected = await readMetrics(straight);
  assert.equal(resumed.history[1].trainLoss, expected[1].trainLoss);
  assert.equal(resumed.history[1].testLoss, expected[1].testLoss);
  assert.equal((await readCheckpointManifest(older))?.format, 2);
  assert.deepEqual(await names(older), [
    "checkpoint.json",
    "checkpoints",
    "config.json",
    "latents.json",
    "metrics.jsonl",
    "model.json",
    "reconstructions.png",
  ]);
});

Deno.test("issue 12.6: a checkpoint.json without its sha256 field, or without a file's, is refused", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  await editManifest(directory, (manifest) => delete manifest.sha256);
  for (const load of [loadModel, loadCheckpoint, readCheckpointManifest]) {
    await assert.rejects(
      load(directory),
      (error: unknown) =>
        error instanceof CheckpointError && error.message.includes("checkpoint.json") &&
        /has no "sha256" field/.test(error.message) && !/--resume/.test(error.message),
    );
  }
  const other = await smallRunFolder(1);
  await editManifest(other, (manifest) => {
    delete (manifest.sha256 as Record<string, string>)["weights.bin"];
  });
  await assert.rejects(loadModel(other), /lists no SHA-256 for weights\.bin/);
  const format1 = await smallRunFolder(1);
  await convertToFormat1(format1);
  await editManifest(format1, (manifest) => delete manifest.sha256);
  await assert.rejects(loadModel(format1), /has no "sha256" field/);
});

Deno.test("checkpoint.json may not name a folder outside its own place", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  for (const folder of ["../elsewhere", "/tmp", "checkpoints/epoch-2", undefined]) {
    await editManifest(directory, (manifest) => (manifest.folder = folder));
    await assert.rejects(
      loadModel(directory),
      /names the folder .*expected "checkpoints\/epoch-1"/,
    );
  }
});

Deno.test("issue 12.1: one NaN in weights.bin with its SHA-256 updated is refused on load, naming the file", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = await poisonWeights(directory);
  // readModelFiles gives the latent explorer the bytes it serves to the browser.
  for (const load of [loadModel, loadCheckpoint, readModelFiles]) {
    await assert.rejects(
      load(directory),
      (error: unknown) =>
        error instanceof CheckpointError && error.message.includes(path) &&
        /holds NaN or ±Infinity \(1 of the \d+ values of /.test(error.message) &&
        /train the run again into a new folder/.test(error.message) &&
        !/--resume/.test(error.message),
    );
  }
  const format1 = await smallRunFolder(1);
  await convertToFormat1(format1);
  await poisonWeights(format1);
  await assert.rejects(loadModel(format1), /weights\.bin holds NaN/);
});

Deno.test("saveCheckpoint refuses NaN weights before writing anything", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const before = await Deno.readTextFile(join(directory, "checkpoint.json"));
  const { model } = await loadCheckpoint(directory);
  const kernel = model.trainableWeights[0].read();
  const values = kernel.dataSync().slice();
  values[3] = Infinity;
  model.trainableWeights[0].write(tf.tensor(values, kernel.shape));
  await assert.rejects(
    saveCheckpoint(directory, model, [], 2),
    (error: unknown) =>
      error instanceof NonFiniteWeightsError && /epoch 2/.test(error.message) &&
      /1 of the 288 values of/.test(error.message),
  );
  assert.equal(await Deno.readTextFile(join(directory, "checkpoint.json")), before);
  assert.deepEqual(await names(join(directory, "checkpoints")), ["epoch-1"]);
});

Deno.test("issue 12.6: an edited config.json is caught by the checkpoint's copy, with how to restore it", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = join(directory, "config.json");
  const saved = JSON.parse(await Deno.readTextFile(path));
  await Deno.writeTextFile(path, JSON.stringify({ ...saved, latentDim: 2, limit: 7 }));
  await assert.rejects(readRunConfig(directory), (error: unknown) => {
    assert.ok(error instanceof RunFolderError);
    assert.match(error.message, /latentDim 2 instead of 3, limit 7 instead of 48/);
    assert.ok(
      error.message.includes(`cp ${join(directory, "checkpoints", "epoch-1", "config.json")}`),
    );
    return true;
  });
  // Only the planned epochs may change (resume does that).
  await Deno.writeTextFile(path, JSON.stringify({ ...saved, epochs: 9 }));
  assert.equal((await readRunConfig(directory))?.epochs, 9);
});

Deno.test("issue 12.6: a corrupt or missing config.json names the file and the checkpoint's copy", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const path = join(directory, "config.json");
  await Deno.writeTextFile(path, '{"model": "cae",');
  await assert.rejects(
    readRunConfig(directory),
    (error: unknown) =>
      error instanceof RunFolderError && error.message.startsWith(`${path} is not valid JSON`) &&
      error.message.includes("restore them with cp"),
  );
  await Deno.remove(path);
  await assert.rejects(
    readRunConfig(directory),
    /config\.json is missing, but .* holds a checkpoint/,
  );
  // Without a checkpoint there is no copy: a missing config.json means "not a run folder".
  const empty = await Deno.makeTempDir();
  assert.equal(await readRunConfig(empty), undefined);
  await writeRunConfig(empty, DEFAULT_RUN_CONFIG);
  assert.deepEqual(await readRunConfig(empty), DEFAULT_RUN_CONFIG);
});

Deno.test("tidyRunFolder removes leftovers of a crash and never the committed checkpoint", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  await Deno.mkdir(join(directory, "checkpoints", "epoch-2"));
  await Deno.writeTextFile(join(directory, "checkpoints", "epoch-2", "weights.bin"), "half");
  await Deno.writeTextFile(join(directory, "checkpoint.json.tmp"), "");
  await Deno.writeTextFile(join(directory, "metrics.jsonl.0b1c.tmp"), "{");
  await Deno.writeTextFile(join(directory, "notes.tmp"), "the user's own file");
  // A crash after the commit but before model.json was replaced: it names no committed weights.
  const model = join(directory, "model.json");
  const pointer = await Deno.readTextFile(model);
  await Deno.writeTextFile(model, pointer.replace("checkpoints/epoch-1/", "checkpoints/epoch-0/"));
  await tidyRunFolder(directory);
  assert.deepEqual(await names(directory), [
    "checkpoint.json",
    "checkpoints",
    "config.json",
    "latents.json",
    "metrics.jsonl",
    "model.json",
    "notes.tmp",
    "reconstructions.png",
  ]);
  assert.deepEqual(await names(join(directory, "checkpoints")), ["epoch-1"]);
  assert.equal(await Deno.readTextFile(model), pointer);
  await loadModel(directory);
});

Deno.test("a run folder without a checkpoint says so, without advice about --resume", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  await assert.rejects(
    loadModel(directory),
    (error: unknown) =>
      error instanceof CheckpointError && /has no checkpoint\.json/.test(error.message) &&
      /finished at least one epoch/.test(error.message) && !/--resume/.test(error.message),
  );
  const bundle = buildModel("cae", { latentDim: 3, seed: 1 });
  await assert.rejects(saveCheckpoint(directory, bundle.autoencoder, [], 1), /config\.json/);
});

Deno.test("a reader racing a run that commits a newer checkpoint reads the newer one", async () => {
  await useBackend();
  const directory = await smallRunFolder(1);
  const manifestPath = join(directory, "checkpoint.json");
  const epochOne = await Deno.readTextFile(manifestPath);
  await trainSmall(directory, { config: { epochs: 2 }, resume: true });
  const epochTwo = await Deno.readTextFile(manifestPath);
  // The reader saw epoch 1's manifest; by the time it opens the files, epoch 2 is committed and
  // epoch 1's folder is gone.
  await Deno.writeTextFile(manifestPath, epochOne);
  let attempts = 0;
  const config = await withCommittedCheckpoint(directory, async (manifest) => {
    attempts += 1;
    if (attempts === 1) await Deno.writeTextFile(manifestPath, epochTwo);
    return await readVerifiedFile(directory, manifest!, "config.json");
  });
  assert.equal(attempts, 2);
  assert.ok(config.length > 0);
  // Without a newer commit, the failure is real and is reported.
  await Deno.writeTextFile(manifestPath, epochOne);
  await assert.rejects(loadModel(directory), /Cannot read .*epoch-1.*model\.json/);
});
