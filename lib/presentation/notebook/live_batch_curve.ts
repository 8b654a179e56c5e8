/**
 * A live training display whose curve has a point every few batches, not one per epoch: for a
 * model trained for a single epoch (the anomaly detector), an epoch curve would be one point.
 *
 * @module
 */
import type { BatchProgress, EpochMetrics, TrainingCallbacks } from "../../training/trainer.ts";
import { formatEpochLine, formatProgressLine } from "../../training/progress.ts";
import { lossCurveSpec, type LossPoint } from "../charts/loss_curve_spec.ts";
import { chartPicture } from "./display_item.ts";
import { createUpdatableDisplay, type DisplayOptions, findKernel } from "./display.ts";

/**
 * Options of {@link liveBatchCurveDisplay}.
 *
 * @example
 * ```ts
 * const options: LiveBatchCurveOptions = { title: "Detector", pointsPerEpoch: 40 };
 * ```
 */
export interface LiveBatchCurveOptions extends DisplayOptions {
  /** Chart title. Default "Training". */
  title?: string;
  /** Points per epoch: each is the mean batch loss of its stretch of batches. Default 40. */
  pointsPerEpoch?: number;
  /** Least seconds between two updates of the status line and chart. Default 2. */
  updateIntervalSeconds?: number;
  /** Loss axis from 0. Default true (false: fitted to the losses). */
  zero?: boolean;
  /** Plot size in pixels. Default 420 x 200. */
  chartWidth?: number;
  chartHeight?: number;
}

/**
 * Averages batch losses over stretches of `batchesPerPoint` batches: each point is placed at the
 * fraction of training done at its stretch's end (epoch 0.5 = half of the first epoch).
 *
 * @example
 * ```ts
 * const points = batchLossPoints();
 * points.add({ epoch: 1, batch: 1, batches: 2, batchLoss: 3 } as BatchProgress, 2);
 * points.add({ epoch: 1, batch: 2, batches: 2, batchLoss: 1 } as BatchProgress, 2);
 * points.list; // [{ epoch: 1, loss: 2 }]
 * ```
 */
export function batchLossPoints(): {
  add(progress: BatchProgress, batchesPerPoint: number): void;
  readonly list: LossPoint[];
} {
  const list: LossPoint[] = [];
  let sum = 0;
  let count = 0;
  return {
    add(progress, batchesPerPoint) {
      sum += progress.batchLoss;
      count += 1;
      if (count >= batchesPerPoint || progress.batch === progress.batches) {
        list.push({
          epoch: progress.epoch - 1 + progress.batch / progress.batches,
          loss: sum / count,
        });
        sum = 0;
        count = 0;
      }
    },
    list,
  };
}

/**
 * Trainer callbacks that draw the training loss every few batches: in a notebook a status line
 * and a chart, both updated in place (the chart at least every `updateIntervalSeconds` and at each
 * epoch's end); elsewhere one printed epoch line per epoch.
 *
 * @example
 * ```ts
 * const detector = new AutoencoderDetector({
 *   epochs: 1,
 *   callbacks: liveBatchCurveDisplay({ title: "CAE on T-shirts only" }),
 * });
 * ```
 */
export function liveBatchCurveDisplay(options: LiveBatchCurveOptions = {}): TrainingCallbacks {
  const kernel = options.kernel === null ? undefined : options.kernel ?? findKernel();
  const print = options.print ?? ((line: string) => console.log(line));
  if (kernel === undefined) {
    return { onEpochEnd: (metrics) => print(formatEpochLine(metrics)) };
  }
  const displayOptions: DisplayOptions = { ...options, kernel };
  const status = createUpdatableDisplay(displayOptions);
  const chart = createUpdatableDisplay(displayOptions);
  const points = batchLossPoints();
  const interval = (options.updateIntervalSeconds ?? 2) * 1000;
  let lastUpdate = -Infinity;
  const draw = async (title: string) => {
    if (points.list.length === 0) return;
    const spec = lossCurveSpec([{ name: "train (batch mean)", points: points.list }], {
      title,
      width: options.chartWidth ?? 420,
      height: options.chartHeight ?? 200,
      zero: options.zero ?? true,
      epochTitle: "epoch (fractions: batches within it)",
    });
    await chart.update(await chartPicture(spec, { name: "training" }));
  };
  return {
    async onBatchEnd(progress: BatchProgress) {
      const perPoint = Math.max(1, Math.round(progress.batches / (options.pointsPerEpoch ?? 40)));
      points.add(progress, perPoint);
      if (performance.now() - lastUpdate < interval) return;
      lastUpdate = performance.now();
      await status.update(formatProgressLine(progress));
      await draw(options.title ?? "Training");
    },
    async onEpochEnd(metrics: EpochMetrics) {
      await status.update(formatEpochLine(metrics));
      await draw(
        `${options.title ?? "Training"}: epoch ${metrics.epoch}/${metrics.epochs}, ` +
          `train ${metrics.trainLoss.toPrecision(4)}`,
      );
    },
  };
}
