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
import { parseCommandLine } from "../lib/commands/command_line.ts";
import { LATENT_USAGE, parseLatentArgs } from "../lib/commands/latent_args.ts";
import { join } from "node:path";
import { initBackend } from "../lib/backend/setup.ts";
import { loadFashionMnist } from "../lib/data/mod.ts";
import { splitAutoencoder } from "../lib/models/conv_autoencoder.ts";
import { encodeSplit } from "../lib/uses/reduction/encode_split.ts";
import { loadModel } from "../lib/training/run_folder/checkpoint.ts";
import { compareClusterings, umapEmbedding } from "../lib/uses/clustering/mod.ts";
import {
  buildFeatureSets,
  clusteringTable,
  compareFeatureClassifiers,
  featureClassificationTable,
  pretrainingTable,
  PUBLISHED_CLUSTERING,
  readLatentReport,
  readRunInfo,
  reconstructionComparison,
  reconstructionTable,
  reportChartSpec,
  type ReportPart,
  type ReportPartData,
} from "../lib/uses/features/mod.ts";
import {
  comparePretraining,
  compareSigmoidGradients,
  reportStepsFor,
  summarisePretraining,
} from "../lib/uses/pretraining/mod.ts";
import { renderVegaLitePng } from "../lib/presentation/charts/vega_render.ts";

async function defaultReconRuns(): Promise<string[]> {
  const folders: string[] = [];
  for await (const entry of Deno.readDir("runs")) {
    const wanted = entry.name.startsWith("results-") || /^latent-.*-latent\d+$/.test(entry.name);
    if (!entry.isDirectory || !wanted) continue;
    try {
      await Deno.stat(join("runs", entry.name, "checkpoint.json"));
      folders.push(join("runs", entry.name));
    } catch {
      // Not finished a first epoch yet: skip it.
    }
  }
  return folders.sort();
}

async function writeChart(out: string, part: ReportPart, data: ReportPartData) {
  const png = await renderVegaLitePng(reportChartSpec(part, data));
  await Deno.writeFile(join(out, `${part}.png`), png);
}

async function writePart(out: string, part: ReportPart, data: ReportPartData) {
  await Deno.writeTextFile(join(out, `${part}.json`), JSON.stringify(data, null, 2) + "\n");
  await writeChart(out, part, data);
  console.log(`Wrote ${join(out, `${part}.json`)} and ${part}.png`);
}

/** Writes report.json from every part saved so far; returns the parts. */
async function gatherReport(out: string) {
  const report = await readLatentReport(out);
  await Deno.writeTextFile(join(out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  return report;
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseLatentArgs, Deno.args, LATENT_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const options = parsed.args;
  if (options.redraw) {
    for (const [part, data] of Object.entries(await gatherReport(options.out))) {
      await writeChart(options.out, part as ReportPart, data as ReportPartData);
      console.log(`Redrew ${join(options.out, `${part}.png`)}`);
    }
    return 0;
  }
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  console.log(`Backend: ${await initBackend("wasm")}`);
  await Deno.mkdir(options.out, { recursive: true });
  const fashion = await loadFashionMnist({ limit: options.limit });
  const common = { date: new Date().toISOString(), limit: options.limit ?? null };
  const wants = (part: ReportPart) => options.parts.includes(part);

  if (wants("reconstruction")) {
    const runs = options.reconRuns ?? await defaultReconRuns();
    const { rows } = await reconstructionComparison(fashion, options.ks, runs, log);
    console.log(reconstructionTable(rows));
    await writePart(options.out, "reconstruction", { ...common, rows });
  }

  if (wants("features") || wants("clustering")) {
    const encoders = [];
    for (const [directory, name] of [[options.cae, "CAE latent"], [options.vae, "VAE mean"]]) {
      const info = await readRunInfo(directory);
      encoders.push({
        name: `${name} (${info.latentDim})`,
        encoder: splitAutoencoder(await loadModel(directory)).encoder,
        source: `${directory} (${info.epochs} epochs)`,
      });
    }
    const pcaComponents = encoders[0].encoder.outputs[0].shape[1] as number;
    const encodeTrain = wants("features");
    const sets = buildFeatureSets(fashion, { pcaComponents, encoders, encodeTrain });
    log(`Feature sets ready: ${sets.map((set) => set.name).join(", ")}.`);
    const sources = Object.fromEntries(encoders.map(({ name, source }) => [name, source]));
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
        const model = splitAutoencoder(await loadModel(directory));
        const name = `UMAP (10) of ${info.model.toUpperCase()} latent (${info.latentDim})`;
        const codes = umapEmbedding(encodeSplit(model.encoder, fashion, "test"));
        clusterSets.push({ name, codes });
        sources[name] = `${directory} (${info.epochs} epochs)`;
        log(`${name} embedded.`);
      }
      const rows = compareClusterings(
        clusterSets,
        fashion.test.labels,
        {
          clusters: 10,
          restarts: 10,
          seed: 0,
          onRow: (row) => log(`${row.features}: ${row.accuracy}`),
        },
      );
      console.log(clusteringTable(rows, PUBLISHED_CLUSTERING));
      const settings = { images: fashion.test.count, restarts: 10, start: "k-means++", seed: 0 };
      await writePart(options.out, "clustering", { ...common, sources, settings, rows });
    }
  }

  if (wants("pretraining")) {
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

  if (wants("gradients")) {
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
  await gatherReport(options.out);
  log(`Done; ${join(options.out, "report.json")} holds every part written so far.`);
  return 0;
}

if (import.meta.main) Deno.exit(await main());
