/**
 * The run folder, in one module: the names of its files (`RUN_FILES`, `ANOMALY_FILES`), their
 * readers and writers (settings, per-epoch metrics, the checkpoint with its manifest, the optional
 * latents and ROC curves for the viewer, the run's status, the model's files as checked bytes) and
 * the atomic write every one of them uses. `deno task train`, `results`, `latent`, `anomaly`, `plot` and the notebooks read and write
 * run folders only through it, so a change of the on-disk format stays inside this folder.
 *
 * Only `checkpoint.ts` loads TensorFlow.js; the viewer imports the other files directly
 * (`model_files.ts` reads the checkpoint's bytes without it, for the latent explorer).
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
  saveCheckpoint,
  serializeModel,
} from "./checkpoint.ts";
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
  latentOfMapPoint,
  type LatentProjection,
  parseLatentProjection,
} from "./latent_projection.ts";
export {
  type LatentPoint,
  type LatentsFile,
  latentsJsonText,
  parseLatentsJson,
  readLatentsFile,
  writeLatentsFile,
} from "./latents_file.ts";
export {
  CheckpointError,
  type CheckpointManifest,
  readCheckpointManifest,
  readCompletedEpochs,
} from "./manifest.ts";
export { type ModelFiles, readModelFiles, readVerifiedFile, sha256Hex } from "./model_files.ts";
export { appendMetrics, readMetrics, readMetricsFile, writeMetrics } from "./metrics_file.ts";
export { readOptionalJson, readOptionalText } from "./read_files.ts";
export {
  parseRocJson,
  readRocFile,
  type RocCurveEntry,
  type RocCurvePoint,
  type RocFile,
  writeRocFile,
} from "./roc_file.ts";
export { readRunStatus, type RunStatus } from "./run_status.ts";
