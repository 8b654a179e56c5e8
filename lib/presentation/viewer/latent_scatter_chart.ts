/**
 * The latent scatter of a run: the optional file `latents.json` in the run folder (2-D latent
 * codes of test images with their class and index), and its chart, one colour per class in the
 * notebook's class order and colours, hover showing class, index and coordinates.
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
import { FASHION_MNIST_CLASS_NAMES } from "../../data/constants.ts";
import type { ScatterPoint } from "../charts/scatter_spec.ts";
import {
  describeValue,
  expectFiniteNumber,
  expectInteger,
  isJsonObject,
  optionalString,
  RunFolderError,
} from "../../training/run_folder/json_checks.ts";
import { chartLayout, colorAt, type PlotlyTrace, type ViewerChart } from "./plotly_chart.ts";

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
        `[{ "x", "y", "label", "index" }, ...] or { "points": [...] } (see lib/presentation/viewer/latent_scatter_chart.ts).`,
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
 * The scatter points of the notebook's latent charts (`ScatterPoint`, category = class name), in
 * file order.
 *
 * @example
 * ```ts
 * latentScatterPointsOf([{ x: 0, y: 1, label: 7, index: 3 }]); // [{ x: 0, y: 1, category: "Sneaker" }]
 * ```
 */
export function latentScatterPointsOf(points: readonly LatentPoint[]): ScatterPoint[] {
  return points.map((point) => ({
    x: point.x,
    y: point.y,
    category: FASHION_MNIST_CLASS_NAMES[point.label],
  }));
}

/**
 * A scatter chart of a run's latent codes: one trace per class present (legend in label order,
 * colour = Tableau 10 colour of the label, as in the notebook), hover showing class, label, index
 * and both coordinates. The title is the file's, after the run name.
 *
 * @example
 * ```ts
 * const chart = latentScatterChart("cae-latent2", parseLatentsJson(JSON.parse(text), path));
 * ```
 */
export function latentScatterChart(runName: string, latents: LatentsFile): ViewerChart {
  const scatterPoints = latentScatterPointsOf(latents.points);
  const xTitle = latents.xTitle ?? "z1";
  const yTitle = latents.yTitle ?? "z2";
  const data: PlotlyTrace[] = [];
  for (const [label, className] of FASHION_MNIST_CLASS_NAMES.entries()) {
    const members = latents.points.flatMap((point, position) =>
      point.label === label ? [position] : []
    );
    if (members.length === 0) continue;
    data.push({
      type: "scatter",
      mode: "markers",
      name: className,
      x: members.map((position) => scatterPoints[position].x),
      y: members.map((position) => scatterPoints[position].y),
      customdata: members.map((position) => latents.points[position].index),
      marker: { color: colorAt(label), size: 6, opacity: 0.75 },
      hovertemplate: `class ${className} (label ${label})<br>index %{customdata}<br>` +
        `${xTitle} %{x:.3g}, ${yTitle} %{y:.3g}<extra></extra>`,
    });
  }
  return {
    data,
    layout: chartLayout({
      title: latents.title === undefined
        ? `Latent space of ${runName} (${latents.points.length} images)`
        : `${runName}: ${latents.title}`,
      xTitle,
      yTitle,
    }),
  };
}
