/**
 * The latent scatter of a run (from its optional `latents.json`, see
 * `lib/training/run_folder/latents_file.ts`): one colour per class in the notebook's class order and
 * colours, hover showing class, index and coordinates.
 *
 * @module
 */
import { FASHION_MNIST_CLASS_NAMES } from "../../data/constants.ts";
import type { ScatterPoint } from "../charts/scatter_spec.ts";
import type { LatentPoint, LatentsFile } from "../../training/run_folder/latents_file.ts";
import { chartLayout, colorAt, type PlotlyTrace, type ViewerChart } from "./plotly_chart.ts";

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
