/**
 * `latents.json` of a run folder (optional): 2-D latent codes of test images with their class and
 * index, for the viewer's latent scatter.
 *
 * File format (`runs/<name>/latents.json`), either a bare array of points or an object:
 *
 * ```json
 * {
 *   "title": "CAE latent space, first 500 test images",
 *   "xTitle": "z1",
 *   "yTitle": "z2",
 *   "points": [{ "x": -1.23, "y": 0.45, "label": 9, "index": 0 }]
 * }
 * ```
 *
 * `x`, `y`: two coordinates of the code (for a latent size above 2: two chosen dimensions or PCA
 * scores, named by `xTitle`/`yTitle`); `label`: the class 0–9; `index`: the image's position in
 * its split. Only `points` is required; a few thousand points keep the page quick.
 *
 * @module
 */
import { join } from "node:path";
import { FASHION_MNIST_CLASS_NAMES } from "../../data/constants.ts";
import {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  optionalString,
  RunFolderError,
} from "./json_checks.ts";
import { RUN_FILES } from "./files.ts";
import { readOptionalJson } from "./read_files.ts";

/**
 * One encoded image: two latent coordinates, its class label (0–9) and index in its split.
 *
 * @example
 * ```ts
 * const point: LatentPoint = { x: -1.2, y: 0.4, label: 7, index: 42 };
 * ```
 */
export interface LatentPoint {
  x: number;
  y: number;
  label: number;
  index: number;
}

/**
 * The content of `latents.json`, as {@link parseLatentsJson} returns it.
 *
 * @example
 * ```ts
 * const latents: LatentsFile = { xTitle: "z1", yTitle: "z2", points: [{ x: 0, y: 1, label: 0, index: 0 }] };
 * ```
 */
export interface LatentsFile {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  points: LatentPoint[];
}

/**
 * Checks parsed `latents.json` content: a bare array of points or `{ points, title?, xTitle?,
 * yTitle? }`, every point with finite `x` and `y`, `label` 0–9 and `index` >= 0.
 *
 * @throws {RunFolderError} Naming `path`, the point and field that are wrong, and what was expected.
 *
 * @example
 * ```ts
 * const latents = parseLatentsJson(JSON.parse(text), "runs/cae/latents.json");
 * ```
 */
export function parseLatentsJson(value: unknown, path: string): LatentsFile {
  const file = Array.isArray(value) ? { points: value } : value;
  if (!isJsonObject(file) || !Array.isArray(file.points)) {
    throw new RunFolderError(
      `${path} holds ${describeValue(value)} without a "points" array; expected ` +
        `[{ "x", "y", "label", "index" }, ...] or { "points": [...] } (see lib/training/run_folder/latents_file.ts).`,
    );
  }
  if (file.points.length === 0) {
    throw new RunFolderError(`${path} has no points; write at least one, or remove the file.`);
  }
  const points = file.points.map((point: unknown, position: number) => {
    const where = `${path}, point ${position}`;
    if (!isJsonObject(point)) {
      throw new RunFolderError(
        `${where} is ${describeValue(point)}; expected { "x", "y", "label", "index" }.`,
      );
    }
    return {
      x: expectFiniteNumber(point.x, `${where}, field x`),
      y: expectFiniteNumber(point.y, `${where}, field y`),
      label: expectInteger(
        point.label,
        `${where}, field label`,
        0,
        FASHION_MNIST_CLASS_NAMES.length - 1,
      ),
      index: expectInteger(point.index, `${where}, field index`, 0),
    };
  });
  const latents: LatentsFile = { points };
  for (const key of ["title", "xTitle", "yTitle"] as const) {
    const text = optionalString(file[key], `${path}, field ${key}`);
    if (text !== undefined) latents[key] = text;
  }
  return latents;
}

/**
 * Reads `directory/latents.json`, or undefined when the run folder has none.
 *
 * @throws {RunFolderError} When the file is not valid JSON or not in the format above.
 *
 * @example
 * ```ts
 * const latents = await readLatentsFile("runs/cae-latent2");
 * console.log(latents?.points.length);
 * ```
 */
export async function readLatentsFile(directory: string): Promise<LatentsFile | undefined> {
  const path = join(directory, RUN_FILES.latents);
  const value = await readOptionalJson(path);
  return value === undefined ? undefined : parseLatentsJson(value, path);
}
