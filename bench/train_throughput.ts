/**
 * `deno task bench`: training throughput of the article's CAE (images/s and ms per step, median of
 * the timed steps after warm-up) at batch 32 and 128 (or --batch-sizes), on one thread and on two
 * (data parallel), and, when Debian's python3-torch is installed, the same model trained by
 * PyTorch in the same run, with the ratio of the best of each. `deno task bench --help` lists the
 * flags.
 *
 * @module
 */
import { fatalErrorMessage, parseCommandLine } from "../lib/commands/command_line.ts";
import { BENCH_USAGE, parseBenchArgs } from "../lib/commands/bench_args.ts";

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseBenchArgs, Deno.args, BENCH_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  // Loaded only now, so that --help and usage errors answer at once.
  const { runThroughputBench } = await import("./throughput_run.ts");
  await runThroughputBench(parsed.args);
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(1);
}
