/**
 * `deno task anomaly`: one-class anomaly detection by reconstruction error, for one class or the
 * ten-class table. Run `deno task anomaly --help` for the flags.
 *
 * @module
 */
import { join } from "node:path";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import {
  ANOMALY_USAGE,
  defaultAnomalyDirectory,
  parseAnomalyArgs,
} from "../lib/commands/anomaly_args.ts";
import { checkOutputFolder } from "../lib/commands/output_paths.ts";
import { RUN_FILES } from "../lib/training/run_folder/files.ts";

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseAnomalyArgs, Deno.args, ANOMALY_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { args } = parsed;
  if (args.directory !== undefined) await checkOutputFolder("--out", args.directory);
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/mod.ts");
  const { loadFashionMnist } = await import("../lib/data/mod.ts");
  const { ANOMALY_METHODS, AnomalyDataError, describeMethodModel, seedTableMarkdown } =
    await import(
      "../lib/uses/anomaly/mod.ts"
    );
  const { runAnomalyTable } = await import("../lib/commands/anomaly_table.ts");
  const { formatDuration } = await import("../lib/training/format.ts");
  const backend = await initBackend("wasm");
  const fashion = await loadFashionMnist({ limit: args.limit });
  const method = ANOMALY_METHODS[args.method];
  const directory = join(args.directory ?? defaultAnomalyDirectory(new Date()), RUN_FILES.anomaly);
  console.log(
    `Backend ${backend}; ${fashion.train.count} training / ${fashion.test.count} test images; ` +
      `method ${args.method} (${method.erase === "rotation" ? "rotation-restoring" : "plain"} ` +
      `CAE, ${method.loss} loss); score ${args.score}, ${args.epochs} ` +
      `epoch${args.epochs === 1 ? "" : "s"} per class, seed${args.seeds.length === 1 ? "" : "s"} ` +
      `${args.seeds.join(", ")}; ` +
      `${args.mode === "test" ? "evaluated on the test set" : "evaluated on a validation split"}` +
      `\nWriting ${directory}/`,
  );
  let lastLine = 0;
  try {
    const report = await runAnomalyTable(fashion, {
      directory,
      classes: args.classes,
      score: args.score,
      epochs: args.epochs,
      batchSize: args.batchSize,
      seeds: args.seeds,
      model: method.model,
      loss: method.loss,
      erase: method.erase,
      thresholdRule: args.thresholdRule,
      mode: args.mode,
      validationFraction: args.validationFraction,
      describe: {
        model: describeMethodModel(method),
        backend,
        limit: args.limit,
        method: args.method,
      },
      onProgress: (progress) => {
        const skipped = progress.skipped > 0 ? `, ${progress.skipped} done before` : "";
        const where = `seed ${progress.seed} class ${progress.normalClass} (${
          progress.position + 1
        }/${progress.total}${skipped})`;
        const eta = Number.isFinite(progress.secondsLeft)
          ? `, ETA ${formatDuration(progress.secondsLeft)}`
          : "";
        const time = `elapsed ${formatDuration(progress.secondsElapsed)}${eta}`;
        if (progress.finished) {
          const line = progress.finished;
          console.log(
            `${where} ${line.className}: AUROC ${line.auroc.toFixed(4)}; threshold ` +
              `${line.threshold.toPrecision(4)}: precision ${line.precision.toFixed(3)}, recall ` +
              `${line.recall.toFixed(3)}, F1 ${line.f1.toFixed(3)}; ${
                formatDuration(line.seconds)
              } | ${time}`,
          );
        } else if (progress.batch && performance.now() - lastLine > 15_000) {
          lastLine = performance.now();
          const { epoch, epochs, batch, batches, meanLoss } = progress.batch;
          console.log(
            `${where} epoch ${epoch}/${epochs} batch ${batch}/${batches} loss ` +
              `${meanLoss.toFixed(1)} | ${time}`,
          );
        }
      },
    });
    const { overall } = report.summary;
    const seedCount = Object.keys(report.summary.meanAurocBySeed).length;
    console.log(
      `\n${seedTableMarkdown(report.summary, `${args.method}: ${args.score}`)}\n` +
        `\nMean AUROC over ${report.summary.classes.length} class${
          report.summary.classes.length === 1 ? "" : "es"
        } and ${seedCount} seed${seedCount === 1 ? "" : "s"}: ${overall.mean.toFixed(4)}${
          Number.isNaN(overall.std) ? "" : ` ± ${overall.std.toFixed(4)} (std over seeds)`
        } (${args.score}); all scores: ${
          Object.entries(report.meanAurocByScore).map(([kind, value]) =>
            `${kind} ${value.toFixed(4)}`
          ).join(", ")
        }\nTook ${formatDuration(report.totalSeconds)}; see ${directory}/`,
    );
  } catch (error) {
    if (error instanceof AnomalyDataError) {
      console.error(`Error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
