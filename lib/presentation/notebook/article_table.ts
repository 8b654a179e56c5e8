/**
 * This run of the article's CAE beside what the article reports: the Japanese article on
 * autoencoders this project follows prints one line per epoch, `Epoch 1, Loss: 2.7e+02`, the
 * training loss only, with two significant digits. The table puts this run's train and test loss
 * per epoch next to it, and this run's train loss printed the article's way.
 *
 * @module
 */
import { formatScientific } from "../../training/format.ts";
import type { EpochMetrics } from "../../training/trainer.ts";
import { markdownTable } from "./markdown_table.ts";

/**
 * The training loss the article reports after each of its three epochs, as it prints them:
 * `2.7e+02`, `2.5e+02`, `2.4e+02` (summed BCE per image, in nats). A published number, not
 * measured here.
 *
 * @example
 * ```ts
 * ARTICLE_TRAIN_LOSS[2]; // 240, the article's train loss after epoch 3
 * ```
 */
export const ARTICLE_TRAIN_LOSS: readonly number[] = Object.freeze([270, 250, 240]);

/**
 * The Markdown table: epoch, this run's train and test loss (2 decimals), this run's train loss
 * as the article prints it, and the article's reported train loss (blank past its third epoch).
 *
 * @example
 * ```ts
 * await show(markdown(articleComparisonTable(articleRun.history)));
 * // | epoch | train loss, this run | test loss, this run | train loss, this run, printed like the article | train loss, the article |
 * // | 1 | 256.97 | 243.24 | 2.6e+02 | 2.7e+02 |
 * ```
 */
export function articleComparisonTable(
  history: readonly Pick<EpochMetrics, "epoch" | "trainLoss" | "testLoss">[],
): string {
  return markdownTable(
    [
      "epoch",
      "train loss, this run",
      "test loss, this run",
      { header: "train loss, this run, printed like the article", align: "right" },
      { header: "train loss, the article", align: "right" },
    ],
    history.map((metrics) => {
      const article = ARTICLE_TRAIN_LOSS[metrics.epoch - 1];
      return [
        metrics.epoch,
        metrics.trainLoss.toFixed(2),
        metrics.testLoss.toFixed(2),
        formatScientific(metrics.trainLoss),
        article === undefined ? "—" : formatScientific(article),
      ];
    }),
  );
}
