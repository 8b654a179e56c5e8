/**
 * `deno task train`: trains the article's CAE headless and writes a run folder.
 * Run `deno task train --help` for the flags.
 *
 * @module
 */
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import { checkOutputFolder } from "../lib/commands/output_paths.ts";
import { defaultRunDirectory, parseTrainArgs, TRAIN_USAGE } from "../lib/commands/train_args.ts";
import { DEFAULT_RUN_CONFIG } from "../lib/training/run_config.ts";
import { readRunConfig } from "../lib/training/run_folder/config_file.ts";
import { fastestThreadCount } from "../lib/training/thread_count.ts";

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseTrainArgs, Deno.args, TRAIN_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { args } = parsed;
  if (args.directory !== undefined) {
    await checkOutputFolder(args.resume ? "--resume" : "--out", args.directory);
  }
  // Loaded only now, so that --help and usage errors answer at once.
  const { trainRun } = await import("../lib/commands/train_run.ts");
  const { createWorkerEngine } = await import("../lib/training/worker_engine.ts");
  const latentDim = args.config.latentDim ?? DEFAULT_RUN_CONFIG.latentDim;
  const model = args.config.model ?? DEFAULT_RUN_CONFIG.model;
  const directory = args.directory ?? defaultRunDirectory(model, latentDim, new Date());
  // A resumed run keeps its saved batch size, so it trains on the same number of threads as
  // before (the same sums, so the same losses as an uninterrupted run).
  const saved = args.resume ? await readRunConfig(directory) : undefined;
  const batchSize = args.config.batchSize ?? saved?.batchSize ?? DEFAULT_RUN_CONFIG.batchSize;
  const workers = args.workers ?? fastestThreadCount(batchSize);
  console.log(`Run folder: ${directory}`);
  console.log(
    workers > 1
      ? `Training on ${workers} threads (data parallel; --workers 1 for one)`
      : `Training on 1 thread`,
  );
  Deno.addSignalListener("SIGINT", () => {
    console.error(
      `\nInterrupted. Completed epochs are saved; continue with: ` +
        `deno task train --resume ${directory}`,
    );
    Deno.exit(130);
  });
  const { history } = await trainRun({
    directory,
    config: args.config,
    resume: args.resume,
    createEngine: workers > 1
      ? (model, config, loss) => createWorkerEngine({ model, config, loss, workers })
      : undefined,
  });
  const last = history.at(-1);
  if (last) {
    console.log(
      `Done: test loss ${last.testLoss.toFixed(2)} after ${last.epoch} epoch${
        last.epoch === 1 ? "" : "s"
      }; see ${directory}/`,
    );
  }
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
