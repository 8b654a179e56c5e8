/**
 * `config.json` of a run folder: the run's settings ({@link RunConfig}), written when a run starts
 * or resumes and read to resume it, to reuse it and to show it. Each checkpoint keeps a copy,
 * covered by its SHA-256, and reading checks the two agree (only `epochs`, the planned total, may
 * change on resume): an edited `config.json` cannot make a latent-20 model pass as latent 2.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import { DEFAULT_RUN_CONFIG, type RunConfig } from "../run_config.ts";
import {
  checkpointFilePath,
  readVerifiedFile,
  withCommittedCheckpoint,
} from "./checkpoint_files.ts";
import { describeValue, isJsonObject, parseJsonText, RunFolderError } from "./json_checks.ts";
import { RUN_FILES } from "./files.ts";
import { CHECKPOINT_FORMAT, type CheckpointManifest } from "./manifest.ts";
import { readOptionalText } from "./read_files.ts";

/** Parses a config text; `advice` (a sentence, or "") says how to restore a damaged one. */
function parseConfig(text: string, path: string, advice: string): Partial<RunConfig> {
  if (advice === "") {
    const config = parseJsonText(text, path);
    if (isJsonObject(config)) return config as Partial<RunConfig>;
    throw new RunFolderError(`${path} holds ${describeValue(config)}; expected an object.`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new RunFolderError(`${path} is not valid JSON (${(error as Error).message}).${advice}`);
  }
  if (!isJsonObject(config)) {
    throw new RunFolderError(
      `${path} holds ${describeValue(config)}; expected an object.${advice}`,
    );
  }
  return config as Partial<RunConfig>;
}

/** The settings that differ between two configs, `epochs` aside, defaults filled in. */
function differences(saved: Partial<RunConfig>, copy: Partial<RunConfig>): string[] {
  const a: Record<string, unknown> = { ...DEFAULT_RUN_CONFIG, ...saved };
  const b: Record<string, unknown> = { ...DEFAULT_RUN_CONFIG, ...copy };
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) =>
    key !== "epochs"
  );
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => `${key} ${JSON.stringify(a[key])} instead of ${JSON.stringify(b[key])}`);
}

function restoreAdvice(directory: string, manifest: CheckpointManifest | undefined): string {
  if (manifest?.format !== CHECKPOINT_FORMAT) return "";
  const copy = checkpointFilePath(directory, manifest, RUN_FILES.config);
  return ` The checkpoint of epoch ${manifest.epoch} keeps the run's settings: restore them ` +
    `with cp ${copy} ${join(directory, RUN_FILES.config)}.`;
}

/**
 * The settings saved in `directory/config.json`, or undefined when the folder has none, checked
 * against the committed checkpoint's copy when there is one.
 *
 * @throws {RunFolderError} When the file cannot be read, is not JSON or not a JSON object, or
 *   differs from the checkpoint's copy in anything but `epochs` (the message says what, and how
 *   to restore it).
 * @throws {CheckpointError} When `checkpoint.json` or the copy is damaged.
 *
 * @example
 * ```ts
 * const saved = await readRunConfig("runs/cae-latent20"); // { model: "cae", latentDim: 20, ... }
 * ```
 */
export async function readRunConfig(directory: string): Promise<Partial<RunConfig> | undefined> {
  return await withCommittedCheckpoint(directory, (manifest) => readChecked(directory, manifest));
}

async function readChecked(
  directory: string,
  manifest: CheckpointManifest | undefined,
): Promise<Partial<RunConfig> | undefined> {
  const path = join(directory, RUN_FILES.config);
  const text = await readOptionalText(path);
  const advice = restoreAdvice(directory, manifest);
  if (text === undefined) {
    if (advice === "") return undefined;
    throw new RunFolderError(`${path} is missing, but ${directory} holds a checkpoint.${advice}`);
  }
  const config = parseConfig(text, path, advice);
  if (manifest?.format === CHECKPOINT_FORMAT) {
    const copyPath = checkpointFilePath(directory, manifest, RUN_FILES.config);
    const copyText = new TextDecoder().decode(
      await readVerifiedFile(directory, manifest, RUN_FILES.config),
    );
    const changed = differences(config, parseConfig(copyText, copyPath, ""));
    if (changed.length > 0) {
      throw new RunFolderError(
        `${path} does not match the settings the checkpoint of epoch ${manifest.epoch} was ` +
          `trained with (${changed.join(", ")}): it was edited or replaced, and only "epochs" ` +
          `may change.${advice} Then set "epochs" again if you had changed it.`,
      );
    }
  }
  return config;
}

/**
 * Writes `directory/config.json` (atomically; the folder must exist).
 *
 * @example
 * ```ts
 * await writeRunConfig("runs/cae", DEFAULT_RUN_CONFIG);
 * ```
 */
export async function writeRunConfig(directory: string, config: RunConfig): Promise<void> {
  await writeFileAtomically(
    join(directory, RUN_FILES.config),
    JSON.stringify(config, null, 2) + "\n",
  );
}
