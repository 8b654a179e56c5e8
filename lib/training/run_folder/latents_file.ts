/**
 * `latents.json` of a run folder: where the test images lie in the model's latent space, as a 2-D
 * map with each image's class and index. `deno task train` writes it at the end of every run (and
 * of every resume) for the whole test split it used; the viewer draws it as a scatter and the
 * latent explorer page decodes any point of it.
 *
 * File format (`runs/<name>/latents.json`), an object (a bare array of points is read too):
 *
 * ```json
 * {
 *   "title": "Latent space (PCA plane of 20-d codes), 10000 test images",
 *   "xTitle": "PC1 (41.2% of the latent variance)",
 *   "yTitle": "PC2 (18.0%)",
 *   "split": "test",
 *   "model": "cae",
 *   "latentDim": 20,
 *   "epoch": 3,
 *   "projection": {
 *     "kind": "pca",
 *     "mean": [0.12, ...],
 *     "components": [[0.31, ...], [-0.05, ...]],
 *     "explainedVariance": [7.9, 3.4],
 *     "totalVariance": 19.2
 *   },
 *   "points": [{ "x": -1.2345, "y": 0.4567, "label": 9, "index": 0 }]
 * }
 * ```
 *
 * - `points` (required): `x`, `y`, the image's place on the map (4 decimals); `label`, its class
 *   0–9; `index`, its position in `split`. In the written file one point per line, in index order.
 * - `latentDim`: size of the latent vector; `projection` says what the map is (see
 *   `latent_projection.ts`): `identity` for 1 or 2 (x = z1, y = z2; y = 0 for a 1-d latent), `pca`
 *   above 2 (x, y = scores on the first two principal components of the codes of these images,
 *   with `mean` and `components` at float32 precision so that a map point turns back into the
 *   latent vector `mean + x · components[0] + y · components[1]`).
 * - For a VAE the code of an image is the mean of q(z|x) (no sampling).
 * - `model`, `epoch`: the run's model kind and the checkpoint epoch the codes came from.
 * - `title`, `xTitle`, `yTitle`: captions for charts.
 *
 * Only `points` is required (older files and hand-made ones have nothing else); the latent explorer
 * needs `latentDim` and `projection`. 10,000 points make a file of about 500 kB.
 *
 * @module
 */
import { join } from "node:path";
import { writeFileAtomically } from "../../data/atomic_write.ts";
import { FASHION_MNIST_CLASS_NAMES } from "../../data/constants.ts";
import {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  optionalString,
  RunFolderError,
} from "./json_checks.ts";
import { type LatentProjection, parseLatentProjection } from "./latent_projection.ts";
import { RUN_FILES } from "./files.ts";
import { readOptionalJson } from "./read_files.ts";

/**
 * One encoded image: two map coordinates, its class label (0–9) and index in its split.
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
  /** The split the indices refer to. */
  split?: "train" | "test";
  /** Model kind of the run (`cae`, `dense`, `vae`). */
  model?: string;
  /** Size of the latent vector. */
  latentDim?: number;
  /** Checkpoint epoch the codes were computed with. */
  epoch?: number;
  /** What the map is; present whenever `latentDim` is. */
  projection?: LatentProjection;
  points: LatentPoint[];
}

function parsePoint(point: unknown, where: string): LatentPoint {
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
}

function parseDescription(file: Record<string, unknown>, path: string, latents: LatentsFile): void {
  for (const key of ["title", "xTitle", "yTitle", "model"] as const) {
    const text = optionalString(file[key], `${path}, field ${key}`);
    if (text !== undefined) latents[key] = text;
  }
  if (file.split !== undefined) {
    if (file.split !== "train" && file.split !== "test") {
      throw new RunFolderError(
        `${path}, field split is ${describeValue(file.split)}; expected "train" or "test".`,
      );
    }
    latents.split = file.split;
  }
  if (file.epoch !== undefined) {
    latents.epoch = expectInteger(file.epoch, `${path}, field epoch`, 0);
  }
  if (file.latentDim === undefined) {
    if (file.projection !== undefined) {
      throw new RunFolderError(`${path} has a "projection" but no "latentDim"; give both.`);
    }
    return;
  }
  const latentDim = expectInteger(file.latentDim, `${path}, field latentDim`, 1);
  latents.latentDim = latentDim;
  latents.projection = file.projection === undefined && latentDim <= 2
    ? { kind: "identity" }
    : parseLatentProjection(file.projection, latentDim, `${path}, field projection`);
}

/**
 * Checks parsed `latents.json` content: a bare array of points or `{ points, ... }` with the
 * optional fields above, every point with finite `x` and `y`, `label` 0–9 and `index` >= 0.
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
  const points = file.points.map((point: unknown, position: number) =>
    parsePoint(point, `${path}, point ${position}`)
  );
  const latents: LatentsFile = { points };
  parseDescription(file, path, latents);
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

/**
 * `latents` as the text of `latents.json`: the description first, then one point per line, map
 * coordinates rounded to 4 decimals and the projection to float32 precision (7 digits).
 *
 * @example
 * ```ts
 * latentsJsonText({ points: [{ x: 0.123456, y: 1, label: 0, index: 0 }] });
 * // '{\n  "points": [\n    {"x":0.1235,"y":1,"label":0,"index":0}\n  ]\n}\n'
 * ```
 */
export function latentsJsonText(latents: LatentsFile): string {
  const round = (value: number) => Math.round(value * 1e4) / 1e4 + 0;
  const float32 = (value: number) => Number(Math.fround(value).toPrecision(7));
  const { points, projection, ...description } = latents;
  const lines = Object.entries(description).map(([key, value]) =>
    `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`
  );
  if (projection?.kind === "pca") {
    const stored = {
      kind: "pca",
      mean: projection.mean.map(float32),
      components: projection.components.map((row) => row.map(float32)),
      explainedVariance: projection.explainedVariance.map(float32),
      totalVariance: float32(projection.totalVariance),
    };
    lines.push(`  "projection": ${JSON.stringify(stored)},`);
  } else if (projection) {
    lines.push(`  "projection": ${JSON.stringify(projection)},`);
  }
  const pointLines = points.map((point) =>
    "    " +
    JSON.stringify({ x: round(point.x), y: round(point.y), label: point.label, index: point.index })
  );
  return `{\n${lines.join("\n")}${lines.length ? "\n" : ""}  "points": [\n${
    pointLines.join(",\n")
  }\n  ]\n}\n`;
}

/**
 * Writes `directory/latents.json` (atomically) in the format above.
 *
 * @example
 * ```ts
 * await writeLatentsFile("runs/cae-latent2", latentMap(bundle.encoder, fashion, { model: "cae" }));
 * ```
 */
export async function writeLatentsFile(directory: string, latents: LatentsFile): Promise<void> {
  await writeFileAtomically(join(directory, RUN_FILES.latents), latentsJsonText(latents));
}
