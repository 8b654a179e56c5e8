/**
 * `deno task cluster`: N2D's clustering of Fashion-MNIST (autoencoder → UMAP → Gaussian mixture)
 * over several seeds, resumable, writing report.json and per-seed assignment CSVs.
 * Run `deno task cluster --help` for the flags.
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
import { CLUSTER_USAGE, parseClusterArgs } from "../lib/commands/cluster_args.ts";

async function main(): Promise<number> {
  const parsed = parseCommandLine(parseClusterArgs, Deno.args, CLUSTER_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const args = parsed.args;
  await checkOutputFolder("--out", args.out);
  // Loaded only now, so that --help and usage errors answer at once.
  const { initBackend } = await import("../lib/backend/setup.ts");
  const { loadFashionMnist } = await import("../lib/data/mod.ts");
  const { runN2dExperiment } = await import("../lib/commands/cluster_run.ts");
  const { n2dEpochCurveSpec } = await import("../lib/presentation/charts/n2d_epoch_chart.ts");
  const { n2dResultsTable } = await import("../lib/presentation/notebook/n2d_results_table.ts");
  const { renderVegaLitePng } = await import("../lib/presentation/charts/vega_render.ts");
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  log(`Backend: ${await initBackend("wasm")}; report folder ${args.out}`);
  Deno.addSignalListener("SIGINT", () => {
    console.error(
      `\nInterrupted. Finished epochs and clusterings are saved; run the same command to continue.`,
    );
    Deno.exit(130);
  });
  const data = await loadFashionMnist({ limit: args.limit ?? undefined });
  const report = await runN2dExperiment({
    data,
    out: args.out,
    runs: args.runs,
    seeds: args.seeds,
    epochs: args.epochs,
    scoreEpochs: args.scoreEpochs,
    settings: {
      images: args.images,
      covariance: args.covariance,
      umapEpochs: args.umapEpochs,
      limit: args.limit,
    },
    stopAfterSeconds: args.stopAfterMinutes === undefined ? undefined : args.stopAfterMinutes * 60,
    log,
  });
  if (report.scores.length > 0) {
    await Deno.writeFile(
      join(args.out, "epochs.png"),
      await renderVegaLitePng(n2dEpochCurveSpec(report)),
    );
  }
  if (report.summary) {
    console.log(n2dResultsTable(report));
    const { accuracy, nmi, ari } = report.summary;
    const show = (value: { mean: number; std: number }) =>
      `${value.mean.toFixed(3)} ± ${value.std.toFixed(3)}`;
    log(
      `${report.complete ? "Final" : "So far"} over ${report.final.length} seed(s) at epoch ` +
        `${report.epochs}: ACC ${show(accuracy)}, NMI ${show(nmi)}, ARI ${show(ari)}`,
    );
  }
  log(
    `${report.complete ? "Done" : "Not finished"}: ${join(args.out, "report.json")} and epochs.png`,
  );
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
