/**
 * Paths of the small fixture runs (real 4-epoch runs on 2,000 images, latent size 2) and a helper
 * that writes a broken run folder into a temporary directory.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { taskCommand } from "../../helpers/task_command.ts";

/** Folder of the fixture runs. */
export const FIXTURE_RUNS = fileURLToPath(new URL("../../fixtures/run_folders/", import.meta.url));

/** The CAE fixture run (no loss terms besides `loss`). */
export const CAE_RUN = join(FIXTURE_RUNS, "cae-latent2-small");

/** The VAE fixture run (`rc` and `kl` terms). */
export const VAE_RUN = join(FIXTURE_RUNS, "vae-latent2-small");

/** Writes `files` (relative path → text) into a new temporary folder and returns its path. */
export async function writeRunFolder(files: Record<string, string>): Promise<string> {
  const directory = await Deno.makeTempDir({ prefix: "plot-run-" });
  for (const [path, text] of Object.entries(files)) {
    const full = join(directory, path);
    await Deno.mkdir(join(full, ".."), { recursive: true });
    await Deno.writeTextFile(full, text);
  }
  return directory;
}

/** One valid `metrics.jsonl` line. */
export function metricsLine(
  epoch: number,
  trainLoss = 300 - epoch,
  testLoss = 301 - epoch,
): string {
  return JSON.stringify({
    epoch,
    epochs: 3,
    trainLoss,
    testLoss,
    train: { loss: trainLoss },
    test: { loss: testLoss },
    seconds: 10,
    imagesPerSecond: 200 + epoch,
  });
}

/** `deno task plot ARGS` as a command with the task's own flags (see `taskCommand`). */
export function plotTaskCommand(
  args: string[],
  options: { stdout?: "piped" | "null"; stderr?: "piped" | "null" } = {},
): Promise<Deno.Command> {
  return taskCommand("plot", args, options);
}
