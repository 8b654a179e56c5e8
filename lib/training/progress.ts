/**
 * Terminal progress for training: a bar redrawn in place (loss, images/s, ETA) on a terminal,
 * plain lines when the output is a file or a pipe, and the article's per-epoch summary line.
 *
 * @module
 */
import type { BatchProgress, EpochMetrics, TrainingCallbacks } from "./trainer.ts";
import { formatDuration, formatScientific } from "./format.ts";

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  /** Where text goes; default writes to standard output. */
  write?: (text: string) => void;
  /** Redraw a bar in place; default: whether standard output is a terminal. */
  isTerminal?: boolean;
  /** Width of the bar in characters. Default 24. */
  barWidth?: number;
  /** In plain mode, print a line every this fraction of an epoch. Default 0.1. */
  plainLineFraction?: number;
  /** Least time between two redraws of the bar, in seconds. Default 0.1. */
  redrawSeconds?: number;
}

/**
 * The article's epoch line plus the test loss and timing:
 * `Epoch 1, Loss: 2.7e+02, Test loss: 2.6e+02 (95.3 s, 655 images/s)`. Without test data (a
 * NaN test loss) the test part is left out and the line says "no test data".
 *
 * @example
 * ```ts
 * formatEpochLine({ epoch: 1, trainLoss: 268, testLoss: 255, seconds: 95.3, imagesPerSecond: 655 });
 * ```
 */
export function formatEpochLine(
  metrics:
    & Pick<EpochMetrics, "epoch" | "trainLoss" | "testLoss" | "seconds" | "imagesPerSecond">
    & Partial<Pick<EpochMetrics, "train" | "test">>,
): string {
  const terms = (values: Record<string, number> | undefined) =>
    Object.entries(values ?? {}).filter(([name]) => name !== "loss")
      .map(([name, value]) => ` ${name} ${value.toFixed(2)}`).join("");
  const timing = `${metrics.seconds.toFixed(1)} s, ${Math.round(metrics.imagesPerSecond)} images/s`;
  if (!Number.isFinite(metrics.testLoss)) {
    // No test data (e.g. a detector fitted on normal images only): no "Test loss: NaN".
    return `Epoch ${metrics.epoch}, Loss: ${formatScientific(metrics.trainLoss)} ` +
      `(train ${metrics.trainLoss.toFixed(2)}${terms(metrics.train)}; no test data; ${timing})`;
  }
  return `Epoch ${metrics.epoch}, Loss: ${formatScientific(metrics.trainLoss)}, ` +
    `Test loss: ${formatScientific(metrics.testLoss)} ` +
    `(train ${metrics.trainLoss.toFixed(2)}${terms(metrics.train)}, ` +
    `test ${metrics.testLoss.toFixed(2)}${terms(metrics.test)}; ${timing})`;
}

/**
 * One progress line: `Epoch 1/3 [=====>      ] 640/1875 loss 270.12 · 612 img/s · ETA 2:01`.
 *
 * @example
 * ```ts
 * formatProgressLine(progress, 24);
 * ```
 */
export function formatProgressLine(progress: BatchProgress, barWidth = 24): string {
  const fraction = progress.batch / progress.batches;
  const filled = Math.min(barWidth, Math.floor(fraction * barWidth));
  const bar = "=".repeat(filled) + (filled < barWidth ? ">" : "") +
    " ".repeat(Math.max(0, barWidth - filled - 1));
  const imagesPerSecond = progress.imagesSeen / Math.max(progress.secondsElapsed, 1e-9);
  const remaining = progress.secondsElapsed * (1 - fraction) / Math.max(fraction, 1e-9);
  const width = String(progress.batches).length;
  return `Epoch ${progress.epoch}/${progress.epochs} [${bar}] ` +
    `${String(progress.batch).padStart(width)}/${progress.batches} ` +
    `loss ${progress.meanLoss.toFixed(2)} · ${Math.round(imagesPerSecond)} img/s · ` +
    `ETA ${formatDuration(remaining)}`;
}

/**
 * Training callbacks that show progress in a terminal (or as plain lines in a log).
 *
 * @example
 * ```ts
 * await fit(engine, data, { epochs: 3, callbacks: createProgressReporter() });
 * ```
 */
export function createProgressReporter(options: ProgressOptions = {}): TrainingCallbacks {
  const encoder = new TextEncoder();
  const write = options.write ?? ((text: string) => Deno.stdout.writeSync(encoder.encode(text)));
  const isTerminal = options.isTerminal ?? Deno.stdout.isTerminal();
  const barWidth = options.barWidth ?? 24;
  const plainLineFraction = options.plainLineFraction ?? 0.1;
  const redrawSeconds = options.redrawSeconds ?? 0.1;
  let lastDraw = -Infinity;
  let nextPlainFraction = plainLineFraction;
  return {
    onEpochBegin() {
      lastDraw = -Infinity;
      nextPlainFraction = plainLineFraction;
    },
    onBatchEnd(progress) {
      const fraction = progress.batch / progress.batches;
      if (isTerminal) {
        const now = performance.now() / 1000;
        if (now - lastDraw >= redrawSeconds || progress.batch === progress.batches) {
          lastDraw = now;
          write(`\r\x1b[2K${formatProgressLine(progress, barWidth)}`);
        }
      } else if (fraction + 1e-12 >= nextPlainFraction && progress.batch < progress.batches) {
        while (nextPlainFraction <= fraction + 1e-12) nextPlainFraction += plainLineFraction;
        write(`${formatProgressLine(progress, barWidth)}\n`);
      }
    },
    onEpochEnd(metrics) {
      write(`${isTerminal ? "\r\x1b[2K" : ""}${formatEpochLine(metrics)}\n`);
    },
  };
}
