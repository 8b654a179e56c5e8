import assert from "node:assert/strict";
import { trainRun } from "../../lib/commands/train_run.ts";
import { readMetrics } from "../../lib/training/run_folder/metrics_file.ts";
import { useBackend } from "../helpers/backend.ts";

const quiet = { log: () => {}, progress: false } as const;
// 96 images in batches of 32: three steps per epoch.
const vae = { model: "vae", limit: 96, latentDim: 3, seed: 5 } as const;

Deno.test("a resumed VAE repeats the uninterrupted run exactly, sampling noise included", async () => {
  await useBackend();
  const straight = await Deno.makeTempDir();
  const interrupted = await Deno.makeTempDir();
  await trainRun({ directory: straight, config: { ...vae, epochs: 2 }, ...quiet });
  await trainRun({ directory: interrupted, config: { ...vae, epochs: 1 }, ...quiet });
  await trainRun({ directory: interrupted, config: { epochs: 2 }, resume: true, ...quiet });
  // The sampling noise restarts per epoch, so the resumed epoch repeats the uninterrupted one.
  const [straightMetrics, resumedMetrics] = [
    await readMetrics(straight),
    await readMetrics(interrupted),
  ];
  assert.deepEqual(resumedMetrics[1].train, straightMetrics[1].train);
  assert.deepEqual(resumedMetrics[1].test, straightMetrics[1].test);
});
