/**
 * Live training display for notebooks, as trainer callbacks: a status display updated in place
 * (the summary line of every finished epoch, then the progress of the current one), and a small
 * loss-curve chart updated in place after each epoch. Outside a notebook it prints the epoch line
 * instead, once per epoch.
 *
 * @module
 */
import type { BatchProgress, EpochMetrics, TrainingCallbacks } from "../../training/trainer.ts";
import { formatEpochLine, formatProgressLine } from "../../training/progress.ts";
import { lossCurveSpec, lossSeriesFromHistory } from "../charts/loss_curve_spec.ts";
import { chartPicture } from "./display_item.ts";
import { createUpdatableDisplay, type DisplayOptions, findKernel } from "./display.ts";

/**
 * Options of {@link liveTrainingDisplay}.
 *
 * @example
 * ```ts
 * const options: LiveTrainingDisplayOptions = { title: "Conv autoencoder", logScale: true };
 * ```
 */
export interface LiveTrainingDisplayOptions extends DisplayOptions {
  /** Chart title; the latest losses are added to it. Default "Training". */
  title?: string;
  /** Logarithmic loss axis. Default false. */
  logScale?: boolean;
  /** Least seconds between two status updates during an epoch; Infinity: none. Default 1. */
  progressIntervalSeconds?: number;
  /** Plot size of the chart in pixels. Default 360 x 180. */
  chartWidth?: number;
  chartHeight?: number;
  /** Prefix of the series names, e.g. "conv" gives "conv train" and "conv test". */
  seriesPrefix?: string;
}

function chartTitle(title: string, metrics: EpochMetrics): string {
  const test = Number.isFinite(metrics.testLoss) ? `, test ${metrics.testLoss.toPrecision(4)}` : "";
  return `${title}: epoch ${metrics.epoch}/${metrics.epochs}, ` +
    `train ${metrics.trainLoss.toPrecision(4)}${test}`;
}

/**
 * Trainer callbacks that show training live: in a notebook, one status display and one
 * loss-curve chart, both updated in place; the status keeps the article's summary line of every
 * finished epoch and shows the progress bar of the current one under them, so a saved notebook
 * keeps one line per epoch. Elsewhere one printed line per epoch. Use a new one per `fit` call.
 *
 * @example
 * ```ts
 * const { limit, epochs } = quickModeSettings({ fullEpochs: 10 });
 * const fashion = await loadFashionMnist({ limit });
 * const history = await fit(engine, fashion, {
 *   epochs,
 *   callbacks: liveTrainingDisplay({ title: "Dense autoencoder" }),
 * });
 * ```
 */
export function liveTrainingDisplay(options: LiveTrainingDisplayOptions = {}): TrainingCallbacks {
  const kernel = options.kernel === null ? undefined : options.kernel ?? findKernel();
  const print = options.print ?? ((line: string) => console.log(line));
  if (kernel === undefined) {
    return { onEpochEnd: (metrics) => print(formatEpochLine(metrics)) };
  }
  const displayOptions: DisplayOptions = { ...options, kernel };
  const status = createUpdatableDisplay(displayOptions);
  const chart = createUpdatableDisplay(displayOptions);
  const history: EpochMetrics[] = [];
  const epochLines: string[] = [];
  const withEpochLines = (line: string) => [...epochLines, line].join("\n");
  const interval = (options.progressIntervalSeconds ?? 1) * 1000;
  let lastStatus = -Infinity;
  return {
    async onEpochBegin(info) {
      lastStatus = performance.now();
      await status.update(
        withEpochLines(`Epoch ${info.epoch}/${info.epochs}: starting (${info.batches} batches)`),
      );
    },
    async onBatchEnd(progress: BatchProgress) {
      if (performance.now() - lastStatus < interval) return;
      lastStatus = performance.now();
      await status.update(withEpochLines(formatProgressLine(progress)));
    },
    async onEpochEnd(metrics: EpochMetrics) {
      history.push(metrics);
      epochLines.push(formatEpochLine(metrics));
      await status.update(epochLines.join("\n"));
      const spec = lossCurveSpec(lossSeriesFromHistory(history, { prefix: options.seriesPrefix }), {
        title: chartTitle(options.title ?? "Training", metrics),
        width: options.chartWidth ?? 360,
        height: options.chartHeight ?? 180,
        logScale: options.logScale,
      });
      await chart.update(await chartPicture(spec, { name: "training" }));
    },
  };
}
