/**
 * What the latent is good for, measured on Fashion-MNIST: reconstruction MSE by k (PCA against
 * autoencoder runs), few-label classification by feature type, k-means clustering, pretraining
 * by label budget, and the vanishing-gradient check. Each part writes <out>/<part>.json and a
 * chart <out>/<part>.png; <out>/report.json gathers every part written so far.
 *
 *   deno task latent [--parts LIST] [--cae DIR] [--vae DIR] [--recon-runs LIST] [options]
 *
 * @module
 */
import { join } from "node:path";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import { LATENT_USAGE, parseLatentArgs } from "../lib/commands/latent_args.ts";
import { checkOutputFolder, statIfExists } from "../lib/commands/output_paths.ts";
import type { FashionMnist } from "../lib/data/dataset.ts";
import type { ReportPartData } from "../lib/presentation/charts/latent_report_charts.ts";
import type { ReportPart } from "../lib/uses/latent_report/parts.ts";

type LatentArgs = ReturnType<typeof parseLatentArgs>;

/** What every part shares: the options, the data, where to write and how to log. */
interface PartContext {
  options: LatentArgs;
  fashion: FashionMnist;
  /** Date and image limit, saved in every part's JSON. */
  common: { date: string; limit: number | null };
  log: (line: string) => void;
}

/**
 * Reads the runs that --cae and --vae name, for the parts that need them, before any data is
 * loaded: a folder that is not a finished run, or a run of the wrong model kind, stops the command
 * at once.
 */
async function checkRunFlags(options: LatentArgs): Promise<void> {
  const { readRunInfo } = await import("../lib/uses/latent_report/latent_report.ts");
  const { UsageError } = await import("../lib/commands/flags.ts");
  const wants = (part: ReportPart) => options.parts.includes(part);
  const needed: [string, string][] = [];
  if (wants("features") || wants("clustering") || wants("pretraining")) {
    needed.push(["cae", options.cae]);
  }
  if (wants("features") || wants("clustering")) needed.push(["vae", options.vae]);
  for (const [kind, directory] of needed) {
    const { model } = await readRunInfo(directory);
    if (model !== kind) {
      throw new UsageError(
        `--${kind} needs a ${kind} run, but ${directory} holds a ${model} run. Pass a folder ` +
          `trained with deno task train --model ${kind}.`,
      );
    }
  }
}

async function defaultReconRuns(): Promise<string[]> {
  const { readCompletedEpochs } = await import("../lib/training/run_folder/manifest.ts");
  const folders: string[] = [];
  const entries = await Array.fromAsync(Deno.readDir("runs")).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  });
  for (const entry of entries) {
    const wanted = entry.name.startsWith("results-") || /^latent-.*-latent\d+$/.test(entry.name);
    if (!wanted) continue;
    // statIfExists follows symbolic links, so a linked run folder counts like a real one.
    const folder = join("runs", entry.name);
    if (!(await statIfExists(folder))?.isDirectory) continue;
    // A run that has not finished a first epoch yet is skipped.
    if (await readCompletedEpochs(folder) > 0) folders.push(folder);
  }
  if (folders.length === 0) {
    console.warn(
      "No finished runs/results-* or runs/latent-*-latent* folder: the MSE table has PCA only. " +
        "Train them first (bash scripts/train_results.sh) or name them with --recon-runs.",
    );
  }
  return folders.sort();
}

async function writeChart(out: string, part: ReportPart, data: ReportPartData) {
  const { reportChartSpec } = await import("../lib/presentation/charts/latent_report_charts.ts");
  const { renderVegaLitePng } = await import("../lib/presentation/charts/vega_render.ts");
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  const png = await renderVegaLitePng(reportChartSpec(part, data));
  await writeFileAtomically(join(out, `${part}.png`), png);
}

async function writePart(out: string, part: ReportPart, data: ReportPartData) {
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  await writeFileAtomically(join(out, `${part}.json`), JSON.stringify(data, null, 2) + "\n");
  await writeChart(out, part, data);
  console.log(`Wrote ${join(out, `${part}.json`)} and ${part}.png`);
}

/** Writes report.json from every part saved so far; returns the parts. */
async function gatherReport(out: string) {
  const { readLatentReport } = await import("../lib/uses/latent_report/latent_report.ts");
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  const report = await readLatentReport(out);
  await writeFileAtomically(join(out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  return report;
}

async function reconstructionPart({ options, fashion, common, log }: PartContext) {
  const { reconstructionComparison } = await import("../lib/uses/latent_report/latent_report.ts");
  const { reconstructionTable } = await import("../lib/uses/latent_report/report_tables.ts");
  const runs = options.reconRuns ?? await defaultReconRuns();
  const { rows } = await reconstructionComparison(fashion, options.ks, runs, log);
  console.log(reconstructionTable(rows));
  await writePart(options.out, "reconstruction", { ...common, rows });
}

async function featureAndClusteringParts({ options, fashion, common, log }: PartContext) {
  const { splitAutoencoder } = await import("../lib/models/autoencoder_bundle.ts");
  const { loadModel } = await import("../lib/training/run_folder/checkpoint.ts");
  const { readRunInfo } = await import("../lib/uses/latent_report/latent_report.ts");
  const { buildFeatureSets, compareFeatureClassifiers } = await import(
    "../lib/uses/features/mod.ts"
  );
  const { clusteringTable, featureClassificationTable, PUBLISHED_CLUSTERING } = await import(
    "../lib/uses/latent_report/report_tables.ts"
  );
  const { compareClusterings, umapEmbedding } = await import("../lib/uses/clustering/mod.ts");
  const { encodeSplit } = await import("../lib/uses/reduction/encode_split.ts");
  const wants = (part: ReportPart) => options.parts.includes(part);
  const encoders = [];
  for (const [directory, name] of [[options.cae, "CAE latent"], [options.vae, "VAE mean"]]) {
    const info = await readRunInfo(directory);
    encoders.push({
      name: `${name} (${info.latentDim})`,
      encoder: splitAutoencoder(await loadModel(directory), info.model).encoder,
      source: `${directory} (${info.epochs} epochs)`,
    });
  }
  const pcaComponents = encoders[0].encoder.outputs[0].shape[1] as number;
  const encodeTrain = wants("features");
  const sets = buildFeatureSets(fashion, { pcaComponents, encoders, encodeTrain });
  log(`Feature sets ready: ${sets.map((set) => set.name).join(", ")}.`);
  const sources: Record<string, string> = Object.fromEntries(
    encoders.map(({ name, source }) => [name, source]),
  );
  if (wants("features")) {
    const rows = compareFeatureClassifiers(sets, fashion.train.labels, fashion.test.labels, {
      budgets: [100, "all"],
      draws: options.draws,
      onRow: (row) => log(`${row.features} ${row.budget}: ${row.testMean.toFixed(4)}`),
    });
    console.log(featureClassificationTable(rows));
    const settings = {
      classifier: "softmax regression, standardised, L2 1e-3, Adam 0.01, 300 steps, batch ≤ 1024",
    };
    await writePart(options.out, "features", { ...common, sources, settings, rows });
  }
  if (wants("clustering")) {
    const clusterSets = sets.map((set) => ({ name: set.name, codes: set.test }));
    // N2D's recipe with the project's autoencoders: UMAP (10-d, 20 neighbours, min_dist 0)
    // of the test latents, then k-means (N2D uses a Gaussian mixture).
    for (const directory of options.umap ? options.umapRuns ?? [options.cae] : []) {
      const info = await readRunInfo(directory);
      const model = splitAutoencoder(await loadModel(directory), info.model);
      const name = `UMAP (10) of ${info.model.toUpperCase()} latent (${info.latentDim})`;
      const codes = umapEmbedding(encodeSplit(model.encoder, fashion, "test"));
      clusterSets.push({ name, codes });
      sources[name] = `${directory} (${info.epochs} epochs)`;
      log(`${name} embedded.`);
    }
    const rows = compareClusterings(clusterSets, fashion.test.labels, {
      clusters: 10,
      restarts: 10,
      seed: 0,
      onRow: (row) => log(`${row.features}: ${row.accuracy}`),
    });
    console.log(clusteringTable(rows, PUBLISHED_CLUSTERING));
    const settings = { images: fashion.test.count, restarts: 10, start: "k-means++", seed: 0 };
    await writePart(options.out, "clustering", { ...common, sources, settings, rows });
  }
}

async function pretrainingPart({ options, fashion, common, log }: PartContext) {
  const { loadModel } = await import("../lib/training/run_folder/checkpoint.ts");
  const { readRunInfo } = await import("../lib/uses/latent_report/latent_report.ts");
  const { pretrainingTable } = await import("../lib/uses/latent_report/report_tables.ts");
  const { comparePretraining, reportStepsFor, summarisePretraining } = await import(
    "../lib/uses/pretraining/mod.ts"
  );
  const info = await readRunInfo(options.cae);
  const autoencoder = await loadModel(options.cae);
  const results = comparePretraining(fashion, autoencoder, {
    budgets: options.budgets,
    seeds: Array.from({ length: options.draws }, (_, seed) => seed),
    singleSeedBudgets: options.allSeeds ? [] : ["all"],
    stepsFor: reportStepsFor,
    onResult: (result) =>
      log(`${result.kind} ${result.budget} seed ${result.seed}: ${result.testAccuracy}`),
  });
  const summary = summarisePretraining(results);
  console.log(pretrainingTable(summary));
  const source = `${options.cae} (${info.epochs} epochs)`;
  await writePart(options.out, "pretraining", { ...common, source, results, summary });
}

async function gradientsPart({ options, fashion, common, log }: PartContext) {
  const { compareSigmoidGradients } = await import("../lib/uses/pretraining/mod.ts");
  const results = compareSigmoidGradients(fashion, {
    seeds: Array.from({ length: options.draws }, (_, seed) => seed),
  });
  for (const row of results) {
    log(
      `${row.initialisation} seed ${row.seed}: first/last ${
        row.firstToLastRatio.toExponential(2)
      }, accuracy ${row.testAccuracy}`,
    );
  }
  const settings = {
    network: "784 → 6 × Dense(128, sigmoid) → 10",
    labelsPerClass: 100,
    steps: 300,
    earlySteps: 20,
    pretraining:
      "greedy layer-wise sigmoid AEs, 300 Adam steps each on the first 10,000 training images",
  };
  await writePart(options.out, "gradients", { ...common, settings, results });
}

async function redraw(out: string): Promise<void> {
  const { RunFolderError } = await import("../lib/training/run_folder/json_checks.ts");
  const { readLatentReport } = await import("../lib/uses/latent_report/latent_report.ts");
  if (Object.keys(await readLatentReport(out)).length === 0) {
    throw new RunFolderError(
      `${out} holds no saved part of the report (such as ${join(out, "clustering.json")}), so ` +
        `there is nothing to redraw. Run deno task latent --out ${out} first.`,
    );
  }
  for (const [part, data] of Object.entries(await gatherReport(out))) {
    try {
      await writeChart(out, part as ReportPart, data as ReportPartData);
    } catch (error) {
      if (!(error instanceof RunFolderError)) throw error;
      throw new RunFolderError(`${join(out, `${part}.json`)}: ${error.message}`);
    }
    console.log(`Redrew ${join(out, `${part}.png`)}`);
  }
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseLatentArgs, Deno.args, LATENT_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const options = parsed.args;
  await checkOutputFolder("--out", options.out);
  if (options.redraw) {
    await redraw(options.out);
    return 0;
  }
  await checkRunFlags(options);
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/setup.ts");
  const { loadFashionMnist } = await import("../lib/data/fashion_mnist.ts");
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  console.log(`Backend: ${await initBackend("wasm")}`);
  await Deno.mkdir(options.out, { recursive: true });
  const fashion = await loadFashionMnist({ limit: options.limit });
  const context: PartContext = {
    options,
    fashion,
    common: { date: new Date().toISOString(), limit: options.limit ?? null },
    log,
  };
  const wants = (part: ReportPart) => options.parts.includes(part);
  if (wants("reconstruction")) await reconstructionPart(context);
  if (wants("features") || wants("clustering")) await featureAndClusteringParts(context);
  if (wants("pretraining")) await pretrainingPart(context);
  if (wants("gradients")) await gradientsPart(context);
  await gatherReport(options.out);
  log(`Done; ${join(options.out, "report.json")} holds every part written so far.`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main());
  } catch (error) {
    console.error(fatalErrorMessage(error));
    Deno.exit(fatalExitCode(error));
  }
}
