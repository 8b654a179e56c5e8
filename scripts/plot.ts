/**
 * `deno task plot RUN_DIR...`: shows training runs on nodeplotlib's page in the browser, and each
 * run's latent explorer, served on 127.0.0.1 until Ctrl-C. Run `deno task plot --help` for the
 * flags.
 *
 * @module
 */
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../lib/commands/command_line.ts";
import { parsePlotArgs, PLOT_USAGE } from "../lib/commands/plot_args.ts";

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
    const handlers = signals.map((signal) => {
      const handler = () => {
        signals.forEach((one, index) => Deno.removeSignalListener(one, handlers[index]));
        resolve(signal);
      };
      Deno.addSignalListener(signal, handler);
      return handler;
    });
  });
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(parsePlotArgs, Deno.args, PLOT_USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { args } = parsed;
  // Loaded only now, so that --help and usage errors answer at once.
  const {
    createExplorerSite,
    createImageSource,
    describeViewerRun,
    openInBrowser,
    readExplorerRuns,
    readViewerRuns,
    runViewerCharts,
    startRunViewer,
  } = await import("../lib/presentation/viewer/mod.ts");
  const runs = await readViewerRuns(args.directories);
  for (const run of runs) console.log(describeViewerRun(run));
  const { explorable, skipped } = await readExplorerRuns(runs);
  for (const run of skipped) console.log(`No latent explorer for ${run.name}: ${run.reason}`);
  for (const run of explorable) for (const warning of run.warnings) console.log(warning);
  if (args.explore && explorable.length === 0) {
    console.error("--explore: none of the runs can be explored (see above).");
    return 1;
  }
  const explorer = await createExplorerSite(explorable, skipped, createImageSource());
  const viewer = await startRunViewer({
    charts: runViewerCharts(runs),
    port: args.port,
    title: `Run viewer: ${runs.map((run) => run.name).join(", ")}`,
    explorer,
  });
  const stopped = waitForStopSignal();
  console.log(`Run viewer: ${viewer.url}  (Ctrl-C stops it)`);
  for (const link of explorer.links) console.log(`${link.text}: ${new URL(link.href, viewer.url)}`);
  if (args.open) {
    const page = args.explore ? new URL(explorer.links[0].href, viewer.url).href : viewer.url;
    const result = await openInBrowser(page);
    if (!result.opened) {
      console.log(`Could not open a browser (${result.reason}); open ${page} yourself.`);
    }
  }
  await stopped;
  await viewer.close();
  console.log("Run viewer stopped.");
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(fatalErrorMessage(error));
  Deno.exit(fatalExitCode(error));
}
