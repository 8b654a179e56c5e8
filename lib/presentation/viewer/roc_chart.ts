/**
 * Anomaly ROC curves of runs (from their optional `anomaly/roc.json`, see
 * `lib/training/run_folder/roc_file.ts`): one chart with every curve of every run given, plus the
 * chance diagonal.
 *
 * @module
 */
import { trapezoidArea } from "../../uses/anomaly/roc.ts";
import type { RocFile } from "../../training/run_folder/roc_file.ts";
import { chartLayout, colorAt, type PlotlyTrace, type ViewerChart } from "./plotly_chart.ts";

/**
 * One chart with the ROC curves of all given runs (legend: curve name, run name when there are
 * several, and AUROC) and a grey dotted chance diagonal.
 *
 * @example
 * ```ts
 * const chart = rocChart([{ name: "cae", roc: parseRocJson(JSON.parse(text), path) }]);
 * ```
 */
export function rocChart(runs: readonly { name: string; roc: RocFile }[]): ViewerChart {
  const curves = runs.flatMap((run) =>
    run.roc.curves.map((curve) => ({ curve, runName: runs.length > 1 ? run.name : undefined }))
  );
  const data: PlotlyTrace[] = curves.map(({ curve, runName }, index) => {
    const auc = curve.auc ?? trapezoidArea(curve.points);
    const name = `${runName ? `${runName}: ` : ""}${curve.name} (AUROC ${auc.toFixed(3)})`;
    return {
      type: "scatter",
      mode: "lines",
      name,
      x: curve.points.map((point) => point.falsePositiveRate),
      y: curve.points.map((point) => point.truePositiveRate),
      line: { color: colorAt(index), width: 2 },
      hovertemplate: "false positive rate %{x:.3f}<br>true positive rate %{y:.3f}",
    };
  });
  data.push({
    type: "scatter",
    mode: "lines",
    name: "chance",
    x: [0, 1],
    y: [0, 1],
    line: { color: "#999999", width: 1, dash: "dot" },
    hoverinfo: "skip",
  });
  const titles = [...new Set(runs.map((run) => run.roc.title).filter((title) => title))];
  return {
    data,
    layout: chartLayout({
      title: titles.length === 1 ? titles[0]! : "Anomaly ROC curves",
      xTitle: "false positive rate",
      yTitle: "true positive rate",
      xAxis: { range: [0, 1.01] },
      yAxis: { range: [0, 1.02] },
      legend: "below",
      height: 600,
    }),
  };
}
