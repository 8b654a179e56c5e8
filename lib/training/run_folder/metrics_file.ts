/**
 * `metrics.jsonl` of a run folder: one JSON line per completed epoch ({@link EpochMetrics}),
 * rewritten whole (atomically) after every epoch's checkpoint is committed. Read line by line with
 * checks, so a cut line (say, copied while being written) or a bad value is reported with its file
 * and line.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import type { EpochMetrics } from "../trainer.ts";
import {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  RunFolderError,
} from "./json_checks.ts";
import { RUN_FILES } from "./files.ts";
import { readOptionalText } from "./read_files.ts";

function checkTerms(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    throw new RunFolderError(`${where} is ${describeValue(value)}; expected { "loss": ... }.`);
  }
  for (const [term, number] of Object.entries(value)) {
    if (number !== null) expectFiniteNumber(number, `${where}.${term}`);
  }
}

function checkEpoch(metrics: unknown, where: string): EpochMetrics {
  if (!isJsonObject(metrics)) {
    throw new RunFolderError(`${where} is ${describeValue(metrics)}; expected an object.`);
  }
  expectInteger(metrics.epoch, `${where}, field epoch`, 1);
  // A NaN loss (no test data) is written as null.
  for (const field of ["trainLoss", "testLoss", "imagesPerSecond"]) {
    if (metrics[field] !== null) expectFiniteNumber(metrics[field], `${where}, field ${field}`);
  }
  checkTerms(metrics.train, `${where}, field train`);
  checkTerms(metrics.test, `${where}, field test`);
  return metrics as unknown as EpochMetrics;
}

/**
 * The epochs of a `metrics.jsonl` text read from `path` (named in errors).
 *
 * @throws {RunFolderError} Naming the file and line that is not an epoch's JSON object.
 *
 * @example
 * ```ts
 * parseMetricsText('{"epoch":1,"epochs":1,"trainLoss":2,"testLoss":3,"imagesPerSecond":9}\n', "m");
 * ```
 */
export function parseMetricsText(text: string, path: string): EpochMetrics[] {
  const history: EpochMetrics[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let metrics: unknown;
    try {
      metrics = JSON.parse(line);
    } catch (error) {
      throw new RunFolderError(
        `${path}, line ${index + 1} is not valid JSON (${(error as Error).message}): ` +
          `${describeValue(line)}. Each line must be one epoch's JSON object; a run killed ` +
          `while writing can leave a cut line: delete it.`,
      );
    }
    history.push(checkEpoch(metrics, `${path}, line ${index + 1}`));
  }
  return history;
}

/**
 * The epochs of `directory/metrics.jsonl`, or undefined when the folder has no such file.
 *
 * @throws {RunFolderError} Naming the file and line that is not an epoch's JSON object.
 *
 * @example
 * ```ts
 * const history = await readMetricsFile("runs/cae"); // undefined: not trained yet
 * ```
 */
export async function readMetricsFile(directory: string): Promise<EpochMetrics[] | undefined> {
  const path = join(directory, RUN_FILES.metrics);
  const text = await readOptionalText(path);
  return text === undefined ? undefined : parseMetricsText(text, path);
}

/**
 * The epochs of `directory/metrics.jsonl` (an empty list when it has none).
 *
 * @throws {RunFolderError} Naming the file and line that is not an epoch's JSON object.
 *
 * @example
 * ```ts
 * const history = await readMetrics("runs/cae");
 * ```
 */
export async function readMetrics(directory: string): Promise<EpochMetrics[]> {
  return await readMetricsFile(directory) ?? [];
}

/**
 * Rewrites `directory/metrics.jsonl` with the given epochs (atomically), e.g. those kept on resume.
 *
 * @example
 * ```ts
 * await writeMetrics("runs/cae", history.filter((m) => m.epoch <= 2));
 * ```
 */
export async function writeMetrics(
  directory: string,
  history: readonly EpochMetrics[],
): Promise<void> {
  await writeFileAtomically(
    join(directory, RUN_FILES.metrics),
    history.map((metrics) => JSON.stringify(metrics) + "\n").join(""),
  );
}
