/**
 * The README's results from trained run folders: loads every finished run, evaluates it on the
 * full test set (CAE and dense AE: summed BCE; VAE: −ELBO = rc + KL with β = 1, rc averaged over
 * several draws of z), computes the BCE floor (the summed pixel entropy of the test images),
 * prints a Markdown table and writes the numbers as JSON; with --figures, also the pictures that go
 * with them (prior samples, manifold, interpolation, latent scatter). Unfinished runs are listed
 * and skipped.
 *
 *   deno run --allow-read --allow-write --allow-env --allow-net --allow-ffi --allow-sys \
 *     scripts/report_results.ts [RUN_DIR ...] [--samples N] [--json PATH] [--figures DIR]
 *
 * Without RUN_DIR it reads runs/results-* (made by `bash scripts/train_results.sh`).
 *
 * @module
 */
import { dirname, join } from "node:path";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import { checkOutputFile, checkOutputFolder } from "../lib/commands/output_paths.ts";
import { parseResultsArgs, RESULTS_USAGE } from "../lib/commands/results_args.ts";

async function defaultRunFolders(): Promise<string[]> {
  const folders: string[] = [];
  try {
    for await (const entry of Deno.readDir("runs")) {
      if (entry.isDirectory && entry.name.startsWith("results-")) {
        folders.push(join("runs", entry.name));
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return folders.sort();
}

/** Loads the finished runs the figures need (by model kind and latent size) and writes them. */
async function writeFigures(
  directory: string,
  results: import("../lib/uses/evaluation/mod.ts").RunResult[],
  fashion: import("../lib/data/dataset.ts").FashionMnist,
): Promise<void> {
  const { resultFigures } = await import("../lib/presentation/figures/result_figures.ts");
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  const { loadModel } = await import("../lib/training/run_folder/checkpoint.ts");
  const { disposeAutoencoder, splitAutoencoder } = await import(
    "../lib/models/autoencoder_bundle.ts"
  );
  const wanted = ["vae20", "cae20", "dense20", "vae2", "cae2"];
  const models: Record<string, ReturnType<typeof splitAutoencoder>> = {};
  for (const result of results) {
    const key = `${result.model}${result.latentDim}`;
    if (wanted.includes(key) && result.beta === 1 && models[key] === undefined) {
      models[key] = splitAutoencoder(await loadModel(result.directory), result.model);
    }
  }
  await Deno.mkdir(directory, { recursive: true });
  const figures = await resultFigures(models, fashion);
  for (const figure of figures) {
    const path = join(directory, figure.fileName);
    await writeFileAtomically(path, figure.png);
    console.log(`Figure: ${path} — ${figure.description}`);
  }
  if (figures.length === 0) {
    console.log("No figures: they need the VAE runs results-vae-latent20 or results-vae-latent2.");
  }
  Object.values(models).forEach(disposeAutoencoder);
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseResultsArgs, Deno.args, RESULTS_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { samples, json: jsonPath, figures } = parsed.args;
  await checkOutputFile("--json", jsonPath);
  if (figures !== undefined) await checkOutputFolder("--figures", figures);
  const folders = parsed.args.folders.length > 0 ? parsed.args.folders : await defaultRunFolders();
  if (folders.length === 0) {
    console.error(
      "Error: no run folders given and none found as runs/results-*. " +
        "Train them with: bash scripts/train_results.sh",
    );
    return 1;
  }
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/setup.ts");
  const { loadFashionMnist } = await import("../lib/data/fashion_mnist.ts");
  const evaluation = await import("../lib/uses/evaluation/mod.ts");
  const { readRunStatus } = await import("../lib/training/run_folder/run_status.ts");
  const { writeFileAtomically } = await import("../lib/data/atomic_write.ts");
  const { datasetEntropyFloor } = await import("../lib/training/entropy_floor.ts");

  // Every folder is read (and a bad one reported) before the minutes of loading and evaluating.
  const statuses = [];
  for (const folder of folders) statuses.push(await readRunStatus(folder));
  console.log(`Backend: ${await initBackend("wasm")}`);
  const fashion = await loadFashionMnist();
  console.log(`Test images: ${fashion.test.count}`);
  const floor = datasetEntropyFloor(fashion, "test");
  console.log(`BCE floor: ${floor.toFixed(2)} nats/image`);

  const results = [];
  const skipped = [];
  for (const { config: _config, ...status } of statuses) {
    const folder = status.directory;
    if (!status.finished) {
      skipped.push(status);
      console.log(
        `Skipping ${folder}: ${status.completedEpochs} of ${status.plannedEpochs} epochs done.`,
      );
      continue;
    }
    const start = performance.now();
    const result = await evaluation.evaluateRunFolder(folder, fashion, { samples });
    results.push(result);
    console.log(
      `${folder}: test loss ${result.test.loss.toFixed(2)} ` +
        `(${((performance.now() - start) / 1000).toFixed(1)} s)`,
    );
  }
  const json = {
    date: new Date().toISOString(),
    testImages: fashion.test.count,
    bceFloor: floor,
    vaeSamples: samples,
    results,
    skipped,
  };
  await Deno.mkdir(dirname(jsonPath), { recursive: true });
  await writeFileAtomically(jsonPath, JSON.stringify(json, null, 2) + "\n");
  console.log("");
  console.log(evaluation.resultsMarkdownTable(results, floor));
  if (skipped.length > 0) {
    console.log(
      `\nNot finished (left out): ${skipped.map((status) => status.directory).join(", ")}.`,
    );
  }
  console.log(`\nNumbers written to ${jsonPath}.`);
  if (figures !== undefined) {
    await writeFigures(figures, results, fashion);
  }
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
