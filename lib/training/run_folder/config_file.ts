/**
 * `config.json` of a run folder: the run's settings ({@link RunConfig}), written when a run starts
 * or resumes and read to resume it, to reuse it and to show it.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import type { RunConfig } from "../run_config.ts";
import { describeValue, isJsonObject, RunFolderError } from "./json_checks.ts";
import { RUN_FILES } from "./files.ts";
import { readOptionalJson } from "./read_files.ts";

/**
 * The settings saved in `directory/config.json`, or undefined when the folder has none.
 *
 * @throws {RunFolderError} When the file cannot be read, is not JSON or not a JSON object.
 *
 * @example
 * ```ts
 * const saved = await readRunConfig("runs/cae-latent20"); // { model: "cae", latentDim: 20, ... }
 * ```
 */
export async function readRunConfig(directory: string): Promise<Partial<RunConfig> | undefined> {
  const path = join(directory, RUN_FILES.config);
  const config = await readOptionalJson(path);
  if (config === undefined) return undefined;
  if (!isJsonObject(config)) {
    throw new RunFolderError(`${path} holds ${describeValue(config)}; expected an object.`);
  }
  return config as Partial<RunConfig>;
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
