/**
 * The run folder, in one module: the names of its files (`RUN_FILES`, `ANOMALY_FILES`), their
 * readers and writers (settings, per-epoch metrics, the checkpoint saved as one atomic set with its
 * manifest, the optional latents and ROC curves for the viewer, the run's status) and the atomic
 * write every one of them uses. `deno task train`, `results`, `latent`, `anomaly`, `plot` and the
 * notebooks read and write run folders only through it, so a change of the on-disk format stays
 * inside this folder.
 *
 * Only `checkpoint.ts`, `checkpoint_save.ts` and `model_bytes.ts` load TensorFlow.js; the viewer
 * imports the other files directly (`model_files.ts` reads the checkpoint's model as checked bytes
 * without it, for the latent explorer).
 *
 * @example
 * ```ts
 * import { readMetrics, readRunStatus, RUN_FILES } from "./mod.ts";
 *
 * const status = await readRunStatus("runs/cae-latent20");
 * if (status.finished) console.log((await readMetrics(status.directory)).at(-1)?.testLoss);
 * ```
 *
 * @module
 */
export { writeFileAtomically } from "../../data/atomic_write.ts";
export {
  loadCheckpoint,
  type LoadedCheckpoint,
  loadModel,
  NonFiniteWeightsError,
  readCheckpointMetrics,
  saveCheckpoint,
  type SaveCheckpointOptions,
  serializeModel,
  tidyRunFolder,
} from "./checkpoint.ts";
export {
  checkpointFilePath,
  readVerifiedFile,
  sha256Hex,
  withCommittedCheckpoint,
} from "./checkpoint_files.ts";
export { DURABLE_FILE_OPERATIONS, type FileOperations } from "./file_operations.ts";
export { describeNonFinite, findNonFiniteWeights, type NonFiniteWeight } from "./finite_weights.ts";
export { readRunConfig, writeRunConfig } from "./config_file.ts";
export { ANOMALY_FILES, RUN_FILES } from "./files.ts";
export {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  optionalString,
  parseJsonText,
  RunFolderError,
} from "./json_checks.ts";
export {
  type LatentPoint,
  type LatentsFile,
  parseLatentsJson,
  readLatentsFile,
} from "./latents_file.ts";
export {
  CHECKPOINT_ADVICE,
  CHECKPOINT_FORMAT,
  CheckpointError,
  checkpointFolderName,
  type CheckpointManifest,
  parseCheckpointManifest,
  readCheckpointManifest,
  readCompletedEpochs,
} from "./manifest.ts";
export { parseMetricsText, readMetrics, readMetricsFile, writeMetrics } from "./metrics_file.ts";
export { type ModelFiles, readCheckpointModelFiles, readModelFiles } from "./model_files.ts";
export { readOptionalJson, readOptionalText } from "./read_files.ts";
export {
  parseRocJson,
  readRocFile,
  type RocCurveEntry,
  type RocCurvePoint,
  type RocFile,
} from "./roc_file.ts";
export { readRunStatus, type RunStatus } from "./run_status.ts";
