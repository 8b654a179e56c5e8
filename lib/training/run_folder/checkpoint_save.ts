/**
 * Saving a checkpoint as one atomic set. Epoch N's files go into a new folder
 * `checkpoints/epoch-N/` (model, weights, optimiser state, a copy of `config.json` and of the
 * metrics so far), each flushed to the disk; then `checkpoint.json`, naming that folder and the
 * SHA-256 of each file, is written under a temporary name and renamed into place — that rename is
 * the commit. Until it, the previous checkpoint stays the valid one, whole; a crash at any step
 * leaves either the old checkpoint or the new one. After the commit the run folder's own
 * `metrics.jsonl` and `model.json` (which names the committed weights, so `tf.loadLayersModel`
 * reads the run folder directly) are replaced and older checkpoint folders removed; a crash there
 * is repaired by {@link tidyRunFolder} at the next start.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { basename, dirname, join } from "node:path";
import type { NamedTensor } from "../engine.ts";
import type { EpochMetrics } from "../trainer.ts";
import { DURABLE_FILE_OPERATIONS, type FileOperations } from "./file_operations.ts";
import { readVerifiedFile, sha256Hex } from "./checkpoint_files.ts";
import { RUN_FILES } from "./files.ts";
import { describeNonFinite, findNonFiniteWeights } from "./finite_weights.ts";
import {
  CHECKPOINT_FORMAT,
  CheckpointError,
  checkpointFolderName,
  type CheckpointManifest,
  readCheckpointManifest,
} from "./manifest.ts";
import { modelJsonBytes, serializeModel, serializeOptimizerState } from "./model_bytes.ts";

/**
 * A model or optimiser state with NaN or ±Infinity, refused by {@link saveCheckpoint}: the previous
 * checkpoint stays.
 *
 * @example
 * ```ts
 * if (error instanceof NonFiniteWeightsError) console.log(error.message);
 * ```
 */
export class NonFiniteWeightsError extends CheckpointError {
  /** Creates the error about the run folder `directory`. */
  constructor(directory: string, message: string) {
    super(directory, message);
    this.name = "NonFiniteWeightsError";
  }
}

/** Options of {@link saveCheckpoint}. */
export interface SaveCheckpointOptions {
  /**
   * The metrics of every epoch up to this one: saved with the checkpoint and, once it is
   * committed, as the run folder's `metrics.jsonl`. Left out, the metrics are not touched.
   */
  history?: readonly EpochMetrics[];
  /** The file operations; default the real, flushed ones. Tests pass failing ones. */
  fileOperations?: FileOperations;
}

/** Names in the run folder that only this module writes, and their temporary files. */
const RUN_FOLDER_FILES = [
  RUN_FILES.config,
  RUN_FILES.metrics,
  RUN_FILES.reconstructions,
  RUN_FILES.model,
  RUN_FILES.weights,
  RUN_FILES.optimizer,
  RUN_FILES.optimizerWeights,
  RUN_FILES.checkpoint,
  RUN_FILES.latents,
];

/** A temporary file left by an interrupted write: `config.json.<uuid>.tmp`, `checkpoint.json.tmp`. */
function isLeftoverTemporary(name: string): boolean {
  return name.endsWith(".tmp") && RUN_FOLDER_FILES.some((file) => name.startsWith(`${file}.`));
}

async function writeAtomically(
  operations: FileOperations,
  path: string,
  bytes: Uint8Array,
): Promise<void> {
  const temporary = `${path}.${crypto.randomUUID()}.tmp`;
  await operations.writeFile(temporary, bytes);
  await operations.rename(temporary, path);
  await operations.syncDirectory(dirname(path));
}

async function entryNames(path: string): Promise<string[]> {
  try {
    return (await Array.fromAsync(Deno.readDir(path))).map((entry) => entry.name);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

/** The run folder's `model.json` for the committed checkpoint: its topology, the folder's weights. */
async function pointerModelJson(
  directory: string,
  manifest: CheckpointManifest,
): Promise<Uint8Array> {
  const saved = JSON.parse(
    new TextDecoder().decode(await readVerifiedFile(directory, manifest, RUN_FILES.model)),
  );
  return modelJsonBytes(
    saved.modelTopology,
    saved.weightsManifest[0].weights as tf.io.WeightsManifestEntry[],
    `${manifest.folder}/${RUN_FILES.weights}`,
  );
}

/**
 * Removes what the committed checkpoint `manifest` (or, without one, nothing) superseded or an
 * interrupted save left: other `checkpoints/` entries, an older run's checkpoint files beside
 * `checkpoint.json`, temporary files.
 */
async function removeSuperseded(
  directory: string,
  manifest: CheckpointManifest | undefined,
  operations: FileOperations,
): Promise<void> {
  const checkpoints = join(directory, RUN_FILES.checkpoints);
  const keep = manifest?.format === CHECKPOINT_FORMAT ? basename(manifest.folder) : undefined;
  const stale = (await entryNames(checkpoints)).filter((name) => name !== keep);
  for (const name of stale) await operations.remove(join(checkpoints, name));
  if (stale.length > 0) await operations.syncDirectory(checkpoints);
  const old: string[] = manifest?.format === CHECKPOINT_FORMAT
    ? [RUN_FILES.weights, RUN_FILES.optimizer, RUN_FILES.optimizerWeights]
    : [];
  const names = await entryNames(directory);
  const removed = names.filter((name) => old.includes(name) || isLeftoverTemporary(name));
  for (const name of removed) await operations.remove(join(directory, name));
  if (removed.length > 0) await operations.syncDirectory(directory);
}

/**
 * Writes epoch `epoch`'s checkpoint of `model` and `optimizerState` into the run folder
 * `directory` (which must hold `config.json`) as one atomic set: see the module's description.
 * Refuses weights or an optimiser state with NaN or ±Infinity, before writing anything.
 *
 * @throws {NonFiniteWeightsError} When a weight or optimiser value is not finite.
 * @throws {CheckpointError} When the folder has no `config.json`.
 *
 * @example
 * ```ts
 * await saveCheckpoint("runs/cae", autoencoder, await engine.saveOptimizerState(), 3, { history });
 * ```
 */
export async function saveCheckpoint(
  directory: string,
  model: tf.LayersModel,
  optimizerState: NamedTensor[],
  epoch: number,
  options: SaveCheckpointOptions = {},
): Promise<void> {
  const operations = options.fileOperations ?? DURABLE_FILE_OPERATIONS;
  const { modelJson, weights, weightSpecs } = await serializeModel(model);
  const optimizer = await serializeOptimizerState(optimizerState);
  for (
    const [what, found] of [
      ["weights", findNonFiniteWeights(weights, weightSpecs)],
      ["optimiser state", findNonFiniteWeights(optimizer.weights, optimizer.specs)],
    ] as const
  ) {
    if (found.length > 0) {
      throw new NonFiniteWeightsError(
        directory,
        `Not saving the checkpoint of epoch ${epoch}: the model's ${what} hold NaN or ` +
          `±Infinity (${describeNonFinite(found)}). The previous checkpoint stays as it was.`,
      );
    }
  }
  let config: Uint8Array;
  try {
    config = await Deno.readFile(join(directory, RUN_FILES.config));
  } catch (error) {
    throw new CheckpointError(
      directory,
      `Cannot save a checkpoint in ${directory} without its ${RUN_FILES.config} ` +
        `(${(error as Error).message}): write the run's settings first (writeRunConfig).`,
    );
  }
  const files: [string, Uint8Array][] = [
    [RUN_FILES.model, modelJson],
    [RUN_FILES.weights, weights],
    [RUN_FILES.optimizer, optimizer.json],
    [RUN_FILES.optimizerWeights, optimizer.weights],
    [RUN_FILES.config, config],
  ];
  if (options.history !== undefined) {
    const lines = options.history.map((metrics) => JSON.stringify(metrics) + "\n").join("");
    files.push([RUN_FILES.metrics, new TextEncoder().encode(lines)]);
  }
  const previous = await readCheckpointManifest(directory);
  const manifest: CheckpointManifest = {
    format: CHECKPOINT_FORMAT,
    epoch,
    folder: checkpointFolderName(epoch),
    sha256: Object.fromEntries(files.map(([name, bytes]) => [name, sha256Hex(bytes)])),
  };
  if (previous?.folder === manifest.folder) {
    throw new CheckpointError(
      directory,
      `${directory} already holds the committed checkpoint of epoch ${epoch}; a checkpoint ` +
        `is saved once per epoch.`,
    );
  }
  // The epoch's folder, whole and flushed; a folder left by a crashed save of it goes first.
  const folder = join(directory, manifest.folder);
  await operations.makeDirectory(join(directory, RUN_FILES.checkpoints));
  await operations.remove(folder);
  await operations.makeDirectory(folder);
  for (const [name, bytes] of files) await operations.writeFile(join(folder, name), bytes);
  await operations.syncDirectory(folder);
  await operations.syncDirectory(dirname(folder));
  // The commit: one rename of a flushed file, then the folder's entry is flushed.
  const text = JSON.stringify(manifest, null, 2) + "\n";
  await writeAtomically(
    operations,
    join(directory, RUN_FILES.checkpoint),
    new TextEncoder().encode(text),
  );
  // After the commit: the run folder's own copies, then what the new checkpoint superseded.
  const metrics = files.find(([name]) => name === RUN_FILES.metrics)?.[1];
  if (metrics !== undefined) {
    await writeAtomically(operations, join(directory, RUN_FILES.metrics), metrics);
  }
  await writeAtomically(
    operations,
    join(directory, RUN_FILES.model),
    modelJsonBytes(
      JSON.parse(new TextDecoder().decode(modelJson)).modelTopology,
      weightSpecs,
      `${manifest.folder}/${RUN_FILES.weights}`,
    ),
  );
  await removeSuperseded(directory, manifest, operations);
}

/**
 * Repairs what a crash can leave in a run folder, before training continues in it: temporary
 * files, checkpoint folders that were never committed (or were superseded), and a `model.json`
 * that does not name the committed checkpoint's weights yet. The committed checkpoint is never
 * touched.
 *
 * @throws {CheckpointError} When `checkpoint.json` is not valid.
 *
 * @example
 * ```ts
 * await tidyRunFolder("runs/cae");
 * ```
 */
export async function tidyRunFolder(
  directory: string,
  operations: FileOperations = DURABLE_FILE_OPERATIONS,
): Promise<void> {
  const manifest = await readCheckpointManifest(directory);
  if (manifest?.format === CHECKPOINT_FORMAT) {
    const pointer = join(directory, RUN_FILES.model);
    const expected = `${manifest.folder}/${RUN_FILES.weights}`;
    let named: unknown;
    try {
      named = JSON.parse(await Deno.readTextFile(pointer)).weightsManifest?.[0]?.paths?.[0];
    } catch {
      named = undefined;
    }
    if (named !== expected) {
      await writeAtomically(operations, pointer, await pointerModelJson(directory, manifest));
    }
  }
  await removeSuperseded(directory, manifest, operations);
}
