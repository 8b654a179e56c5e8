/**
 * `deno task pretrain-sweep`: test accuracy of a few-label classifier from a random start vs a
 * pretrained autoencoder's encoder (frozen, fine-tuned), for several encoders, label budgets and
 * seeds; resumable, writing sweep.json and sweep.png. Run `deno task pretrain-sweep --help`.
 *
 * @module
 */
import { join } from "node:path";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import { checkOutputFolder } from "../lib/commands/output_paths.ts";
import { UsageError } from "../lib/commands/flags.ts";
import {
  parsePretrainSweepArgs,
  PRETRAIN_SWEEP_USAGE,
} from "../lib/commands/pretrain_sweep_args.ts";

/** What the sweep calls the encoder of each kind of run. */
const ENCODER_NAMES: Record<string, string> = {
  "cae": "article CAE",
  "cae-no-bottleneck": "no-bottleneck CAE",
  "vae": "VAE (posterior mean)",
};

async function main(): Promise<number> {
  const parsed = parseCommandLine(parsePretrainSweepArgs, Deno.args, PRETRAIN_SWEEP_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const args = parsed.args;
  await checkOutputFolder("--out", args.out);
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/setup.ts");
  const { loadFashionMnist } = await import("../lib/data/mod.ts");
  const { loadModel } = await import("../lib/training/run_folder/checkpoint.ts");
  const { readRunInfo } = await import("../lib/uses/latent_report/latent_report.ts");
  const { formatDuration } = await import("../lib/training/format.ts");
  const { reportStepsFor } = await import("../lib/uses/pretraining/pretraining_comparison.ts");
  const { encoderShapeOf } = await import("../lib/uses/pretraining/encoder_classifier.ts");
  const { runPretrainingSweep, summariseSweep } = await import(
    "../lib/uses/pretraining/pretraining_sweep.ts"
  );
  const { pretrainingSweepSpec } = await import(
    "../lib/presentation/charts/pretraining_sweep_chart.ts"
  );
  const { renderVegaLitePng } = await import("../lib/presentation/charts/vega_render.ts");
  type SweepResult = import("../lib/uses/pretraining/pretraining_sweep.ts").SweepResult;

  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const log = (line: string) => console.log(`[${elapsed().toFixed(0)} s] ${line}`);
  log(`Backend: ${await initBackend("wasm")}`);
  const encoders = [];
  for (const directory of args.runs) {
    const info = await readRunInfo(directory);
    const name = ENCODER_NAMES[info.model];
    if (!name) {
      throw new UsageError(
        `--runs needs runs of a convolutional encoder, but ${directory} holds a ` +
          `"${info.model}" model: the classifier reuses the encoder, so pass runs of --model ` +
          `${Object.keys(ENCODER_NAMES).join(", ")}.`,
      );
    }
    const autoencoder = await loadModel(directory);
    // Fails with a clear message now rather than after the first classifiers.
    encoderShapeOf(autoencoder);
    encoders.push({
      name: `${name} (latent ${info.latentDim})`,
      autoencoder,
      source: `${directory} (${info.epochs} epochs)`,
    });
  }
  const data = await loadFashionMnist({ limit: args.limit });
  await Deno.mkdir(args.out, { recursive: true });
  const path = join(args.out, "sweep.json");
  let previous: SweepResult[] = [];
  try {
    previous = JSON.parse(await Deno.readTextFile(path)).results;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const results = [...previous];
  const settings = {
    budgets: args.budgets,
    seeds: args.seeds,
    limit: args.limit ?? null,
    steps: "200 Adam steps (batch 32, or all labels if fewer), lr 1e-3; frozen: head only, lr 1e-2",
    encoders: encoders.map(({ name, source }) => ({ name, source })),
  };
  // The sweep is synchronous, so the file is written synchronously after every classifier.
  const save = () => {
    const report = {
      date: new Date().toISOString(),
      settings,
      results,
      summary: summariseSweep(results),
    };
    Deno.writeTextFileSync(`${path}.tmp`, JSON.stringify(report, null, 2) + "\n");
    Deno.renameSync(`${path}.tmp`, path);
  };
  const total = encoders.length * args.budgets.length * args.seeds.length * 3;
  let newSeconds = 0;
  let newCount = 0;
  runPretrainingSweep(data, encoders, {
    budgets: args.budgets,
    seeds: args.seeds,
    stepsFor: reportStepsFor,
    done: previous,
    shouldStop: () =>
      args.stopAfterMinutes !== undefined &&
      elapsed() + 3 * (newCount ? newSeconds / newCount : 30) > args.stopAfterMinutes * 60,
    onResult: (result) => {
      results.push(result);
      newSeconds += result.seconds;
      newCount += 1;
      const remaining = (total - results.length) * (newSeconds / newCount);
      log(
        `${result.encoder}, ${result.kind}, ${result.budget}/class, seed ${result.seed}: ` +
          `${(100 * result.testAccuracy).toFixed(1)} % (${results.length}/${total}, ETA ${
            formatDuration(remaining)
          })`,
      );
      save();
    },
  });
  save();
  for (const encoder of encoders) encoder.autoencoder.dispose();
  if (results.length > 0) {
    const png = await renderVegaLitePng(pretrainingSweepSpec(summariseSweep(results)));
    await Deno.writeFile(join(args.out, "sweep.png"), png);
  }
  for (const row of summariseSweep(results)) {
    console.log(
      `${row.encoder} | ${row.kind} | ${row.budget}/class | ${(100 * row.mean).toFixed(1)} ± ${
        (100 * row.std).toFixed(1)
      } (${row.runs})`,
    );
  }
  log(
    `${results.length === total ? "Done" : `Stopped at ${results.length}/${total}`}: ${path} ` +
      `and sweep.png`,
  );
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
