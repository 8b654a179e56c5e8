/**
 * The N2D clustering experiment end to end, resumable: for each seed, train N2D's dense
 * autoencoder (784-500-500-2000-10, MSE, Adam, batch 256) on the 60,000 training images one epoch
 * at a time, and at chosen epochs cluster the 10,000 test images (or all 70,000) by UMAP + Gaussian
 * mixture and score them against the labels. Everything lands in `<out>/report.json` after each
 * step, the per-image assignments of every clustering in `<out>/assignments/seed<S>-epoch<E>.csv`
 * and those of the final epoch also as `<out>/assignments-seed<S>.csv`; running it again continues
 * where it stopped.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import type { FashionMnist } from "../data/dataset.ts";
import { splitAutoencoder } from "../models/autoencoder_bundle.ts";
import { formatDuration } from "../training/format.ts";
import { loadModel } from "../training/run_folder/checkpoint.ts";
import { readCompletedEpochs } from "../training/run_folder/manifest.ts";
import { readMetrics } from "../training/run_folder/metrics_file.ts";
import { assignmentsCsv } from "../uses/clustering/assignments_csv.ts";
import { clusterEncoder } from "../uses/clustering/n2d_clustering.ts";
import {
  N2D_SETTINGS,
  type N2dReport,
  type N2dSettings,
  summariseScores,
} from "../uses/clustering/n2d_report.ts";
import { trainRun } from "./train_run.ts";

/**
 * Options of {@link runN2dExperiment}.
 *
 * @example
 * ```ts
 * const options: N2dExperimentOptions = {
 *   data: fashion, out: "runs/n2d-report", runs: "runs", seeds: [0, 1, 2], epochs: 20,
 *   scoreEpochs: [1, 5, 10],
 * };
 * ```
 */
export interface N2dExperimentOptions {
  /** The dataset (with `settings.limit` applied, if any). */
  data: FashionMnist;
  /** Report folder. */
  out: string;
  /** Folder of the autoencoder run folders (`<runs>/n2d-seed<N>`). */
  runs: string;
  seeds: number[];
  /** Epochs to train each autoencoder (its final clustering is the result). */
  epochs: number;
  /** Further epochs at which to cluster, for the epochs-vs-score curve. */
  scoreEpochs: number[];
  /** Settings that differ from {@link N2D_SETTINGS}. */
  settings?: Partial<N2dSettings>;
  /** Stop cleanly (to resume later) before work that would end after this many seconds. */
  stopAfterSeconds?: number;
  /** Gets progress lines. Default: none. */
  log?: (line: string) => void;
}

/** A report that cannot be continued with the settings given. */
export class N2dExperimentError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "N2dExperimentError";
  }
}

/** Where the assignments of one seed after one epoch go: `<out>/assignments/seed<S>-epoch<E>.csv`. */
function assignmentsPath(out: string, seed: number, epoch: number): string {
  return join(out, "assignments", `seed${seed}-epoch${epoch}.csv`);
}

async function readReport(path: string): Promise<N2dReport | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(path)) as N2dReport;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/**
 * Runs (or continues) the experiment and returns its report, also written to `<out>/report.json`.
 *
 * @throws {N2dExperimentError} When `<out>` holds a report made with other settings or seeds.
 *
 * @example
 * ```ts
 * const fashion = await loadFashionMnist();
 * const report = await runN2dExperiment({
 *   data: fashion, out: "runs/n2d-report", runs: "runs", seeds: [0], epochs: 2, scoreEpochs: [1],
 *   log: console.log,
 * });
 * console.log(report.final[0].accuracy);
 * ```
 */
export async function runN2dExperiment(options: N2dExperimentOptions): Promise<N2dReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const settings: N2dSettings = { ...N2D_SETTINGS, ...options.settings };
  const reportPath = join(options.out, "report.json");
  const previous = await readReport(reportPath);
  if (previous && JSON.stringify(previous.settings) !== JSON.stringify(settings)) {
    throw new N2dExperimentError(
      `${reportPath} was made with settings ${JSON.stringify(previous.settings)}, not ` +
        `${JSON.stringify(settings)}. Use another output folder, or the same settings to continue.`,
    );
  }
  const milestones = [...new Set([...options.scoreEpochs, options.epochs])]
    .filter((epoch) => epoch <= options.epochs).sort((a, b) => a - b);
  const report: N2dReport = {
    date: new Date().toISOString(),
    settings,
    seeds: options.seeds,
    epochs: options.epochs,
    scoreEpochs: milestones,
    indexMeaning: settings.images === "test"
      ? "position in the Fashion-MNIST test split (t10k files)"
      : "0-59,999: position in the training split; 60,000-69,999: 60,000 + position in the test split",
    scores: previous?.scores ?? [],
    final: [],
    summary: null,
    complete: false,
    seconds: previous?.seconds ?? {},
  };
  await Deno.mkdir(options.out, { recursive: true });
  // Saving merges with what another process (running other seeds into the same folder) wrote
  // meanwhile, under a file lock, so concurrent runs of different seeds lose nothing.
  const save = async () => {
    using lock = await Deno.open(join(options.out, ".report.lock"), { create: true, write: true });
    await lock.lock(true);
    const onDisk = await readReport(reportPath);
    for (const score of onDisk?.scores ?? []) {
      if (!scored(score.seed, score.epoch)) report.scores.push(score);
    }
    for (const [seed, times] of Object.entries(onDisk?.seconds ?? {})) {
      if (!options.seeds.includes(Number(seed))) report.seconds[seed] = times;
    }
    report.seeds = [...new Set([...(onDisk?.seeds ?? []), ...options.seeds])].sort((a, b) => a - b);
    report.scores.sort((a, b) => a.seed - b.seed || a.epoch - b.epoch);
    report.date = new Date().toISOString();
    report.final = report.seeds.flatMap((seed) =>
      report.scores.filter((score) => score.seed === seed && score.epoch === options.epochs)
    );
    report.complete = report.final.length === report.seeds.length;
    report.summary = report.final.length > 0 ? summariseScores(report.final) : null;
    for (const score of report.final) {
      await Deno.copyFile(
        assignmentsPath(options.out, score.seed, score.epoch),
        join(options.out, `assignments-seed${score.seed}.csv`),
      );
    }
    await Deno.writeTextFile(`${reportPath}.tmp`, JSON.stringify(report, null, 2) + "\n");
    await Deno.rename(`${reportPath}.tmp`, reportPath);
    await lock.unlock();
  };
  const scored = (seed: number, epoch: number) =>
    report.scores.some((score) => score.seed === seed && score.epoch === epoch);

  // Estimates for the ETA and the stop budget, refined as work is done.
  let epochSeconds = 60;
  let clusterSeconds = 40;
  const remainingSeconds = async () => {
    let total = 0;
    for (const seed of options.seeds) {
      const done = await readCompletedEpochs(join(options.runs, `n2d-seed${seed}`));
      total += Math.max(0, options.epochs - done) * epochSeconds;
      total += milestones.filter((epoch) => !scored(seed, epoch) && epoch >= done).length *
        clusterSeconds;
    }
    return total;
  };
  const fits = (seconds: number) =>
    options.stopAfterSeconds === undefined ||
    (performance.now() - started) / 1000 + seconds <= options.stopAfterSeconds;

  for (const seed of options.seeds) {
    const directory = join(options.runs, `n2d-seed${seed}`);
    const times = report.seconds[String(seed)] ??= { training: 0, clustering: 0 };
    for (const milestone of milestones) {
      if (scored(seed, milestone)) continue;
      let done = await readCompletedEpochs(directory);
      if (done > milestone) {
        log(
          `seed ${seed}: ${directory} is past epoch ${milestone} (at ${done}); not scored there.`,
        );
        continue;
      }
      let model: tf.LayersModel | undefined;
      let testLoss = NaN;
      while (done < milestone) {
        if (!fits(epochSeconds)) {
          log(`Stopping before the time limit; run the same command again to continue.`);
          await save();
          return report;
        }
        const epochStart = performance.now();
        model?.dispose();
        const run = await trainRun({
          directory,
          resume: done > 0,
          config: {
            model: "n2d",
            latentDim: settings.latentDim,
            batchSize: settings.batchSize,
            learningRate: settings.learningRate,
            seed,
            limit: settings.limit,
            epochs: done + 1,
          },
          // The run's own lines (backend, data, model) only once per seed.
          log: done === 0 ? (line) => log(`  ${line}`) : () => {},
          progress: false,
        });
        model = run.model;
        testLoss = run.history[run.history.length - 1]?.testLoss ?? NaN;
        done += 1;
        epochSeconds = (performance.now() - epochStart) / 1000;
        times.training += epochSeconds;
        log(
          `seed ${seed}: epoch ${done}/${options.epochs} trained in ${
            epochSeconds.toFixed(0)
          } s, ` +
            `test MSE ${testLoss.toFixed(5)}; all seeds: ETA ${
              formatDuration(await remainingSeconds())
            }`,
        );
      }
      if (!fits(clusterSeconds)) {
        model?.dispose();
        log(`Stopping before the time limit; run the same command again to continue.`);
        await save();
        return report;
      }
      model ??= await loadModel(directory);
      if (Number.isNaN(testLoss)) {
        testLoss = (await readMetrics(directory)).find((line) => line.epoch === milestone)
          ?.testLoss ?? NaN;
      }
      const clusterStart = performance.now();
      const { labels, assignments, scores, result } = clusterEncoder(
        splitAutoencoder(model).encoder,
        options.data,
        settings,
        seed,
      );
      model.dispose();
      clusterSeconds = (performance.now() - clusterStart) / 1000;
      times.clustering += clusterSeconds;
      report.scores.push({
        seed,
        epoch: milestone,
        ...scores,
        testLoss,
        umapSeconds: result.umapSeconds,
        mixtureSeconds: result.mixtureSeconds,
        mixtureIterations: result.mixture.iterations,
        mixtureConverged: result.mixture.converged,
        mixtureLogLikelihood: result.mixture.logLikelihood,
      });
      await Deno.mkdir(join(options.out, "assignments"), { recursive: true });
      await Deno.writeTextFile(
        assignmentsPath(options.out, seed, milestone),
        assignmentsCsv(labels, assignments),
      );
      await save();
      log(
        `seed ${seed}, epoch ${milestone}: ACC ${scores.accuracy.toFixed(4)} NMI ` +
          `${scores.nmi.toFixed(4)} ARI ${scores.ari.toFixed(4)} (UMAP ${
            result.umapSeconds.toFixed(0)
          } s); all seeds: ETA ${formatDuration(await remainingSeconds())}`,
      );
    }
  }
  await save();
  return report;
}
