/**
 * The measurements of `deno task bench` (bench/train_throughput.ts parses the flags first, so that
 * `--help` and usage errors answer before TensorFlow.js loads).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BenchArgs } from "../lib/commands/bench_args.ts";
import { initBackend } from "../lib/backend/setup.ts";
import type { FashionMnist } from "../lib/data/dataset.ts";
import { loadFashionMnist } from "../lib/data/fashion_mnist.ts";
import { buildConvAutoencoder } from "../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../lib/models/autoencoder_bundle.ts";
import { createLocalEngine, type TrainingEngine } from "../lib/training/engine.ts";
import { createWorkerEngine } from "../lib/training/worker_engine.ts";
import { formatProfile, profileTrainingStep, type StepProfile } from "./step_profile.ts";

interface Result {
  name: string;
  batchSize: number;
  msPerStep: number;
  imagesPerSecond: number;
  steps: number;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeEngine(
  data: FashionMnist,
  name: string,
  engine: TrainingEngine,
  batchSize: number,
  timedSteps: number,
  warmup: number,
): Promise<Result> {
  const indices = Array.from({ length: batchSize }, (_, index) => index);
  const pixels = data.pixelsAsFloat("train", indices);
  for (let step = 0; step < warmup; step++) await engine.trainBatch(pixels, batchSize);
  const times: number[] = [];
  for (let step = 0; step < timedSteps; step++) {
    const start = performance.now();
    await engine.trainBatch(pixels, batchSize);
    times.push(performance.now() - start);
  }
  const msPerStep = median(times);
  return {
    name,
    batchSize,
    msPerStep,
    imagesPerSecond: batchSize / msPerStep * 1000,
    steps: timedSteps,
  };
}

async function measure(
  data: FashionMnist,
  backend: "wasm" | "cpu",
  workers: number,
  batchSize: number,
  timedSteps: number,
  warmup: number,
) {
  await initBackend(backend);
  const bundle = buildConvAutoencoder({ seed: 0 });
  const { autoencoder } = bundle;
  const engine = workers === 1
    ? createLocalEngine({ model: autoencoder })
    : await createWorkerEngine({
      model: autoencoder,
      workers,
      config: { backend, learningRate: 1e-3 },
    });
  try {
    const name = `tfjs ${backend}${workers > 1 ? ` x${workers} threads` : ""}`;
    return await timeEngine(data, name, engine, batchSize, timedSteps, warmup);
  } finally {
    engine.dispose();
    disposeAutoencoder(bundle);
  }
}

function torchAvailable(): boolean {
  try {
    return new Deno.Command("/usr/bin/python3", { args: ["-c", "import torch"], stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
}

async function measureTorch(batchSize: number, threads: number, steps: number): Promise<Result> {
  const script = new URL("./torch_cae.py", import.meta.url).pathname;
  const output = await new Deno.Command("/usr/bin/python3", {
    args: [script, String(batchSize), String(threads), String(steps)],
    // torch.set_num_threads does not bound OpenBLAS's own pool (the Dense layers): pin both,
    // so "1 thread" means one thread.
    env: { OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) },
    stderr: "inherit",
  }).output();
  if (!output.success) throw new Error(`PyTorch reference failed (exit ${output.code}).`);
  const parsed = JSON.parse(new TextDecoder().decode(output.stdout));
  return {
    name: `pytorch ${threads} thread${threads > 1 ? "s" : ""}`,
    batchSize,
    msPerStep: parsed.ms_per_step,
    imagesPerSecond: parsed.images_per_second,
    steps,
  };
}

function processorName(): string {
  try {
    const info = Deno.readTextFileSync("/proc/cpuinfo");
    return info.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? "unknown processor";
  } catch {
    return "unknown processor";
  }
}

/**
 * Runs the benchmark `args` describe, printing each result as it comes, and writes the JSON
 * report when `args.json` names a file.
 *
 * @example
 * ```ts
 * await runThroughputBench({ help: false, steps: 12, batchSizes: [32], profile: false, cpu: false });
 * ```
 */
export async function runThroughputBench(args: BenchArgs): Promise<void> {
  const { steps, batchSizes } = args;
  const data = await loadFashionMnist({ limit: Math.max(...batchSizes) });
  const results: Result[] = [];
  const report = (result: Result) => {
    results.push(result);
    console.log(
      `${result.name.padEnd(24)} batch ${String(result.batchSize).padStart(3)}: ` +
        `${result.msPerStep.toFixed(1).padStart(7)} ms/step ` +
        `${result.imagesPerSecond.toFixed(0).padStart(5)} images/s (median of ${result.steps})`,
    );
  };
  const started = new Date().toISOString();
  const machine = `${processorName()}, ${navigator.hardwareConcurrency} cores`;
  console.log(`CAE training throughput, ${started}, ${machine}`);
  for (const batchSize of batchSizes) {
    report(await measure(data, "wasm", 1, batchSize, steps, 3));
    report(await measure(data, "wasm", 2, batchSize, steps, 3));
  }
  const profiles: StepProfile[] = [];
  if (args.profile) {
    await initBackend("wasm");
    for (const batchSize of batchSizes) {
      const profile = await profileTrainingStep(batchSize, steps);
      profiles.push(profile);
      console.log(`\n${formatProfile(profile)}\n`);
    }
  }
  if (args.cpu) {
    report(await measure(data, "cpu", 1, 32, 1, 0));
  } else {
    console.log("tfjs cpu: skipped (about 40 s per step at batch 32); pass --cpu to time one step");
  }
  const ratios: { batchSize: number; tfjs: string; pytorch: string; ratio: number }[] = [];
  if (torchAvailable()) {
    for (const batchSize of batchSizes) {
      report(await measureTorch(batchSize, 1, steps));
      report(await measureTorch(batchSize, 2, steps));
    }
    for (const batchSize of batchSizes) {
      const best = (prefix: string) =>
        results.filter((r) => r.batchSize === batchSize && r.name.startsWith(prefix))
          .reduce((a, b) => (b.imagesPerSecond > a.imagesPerSecond ? b : a));
      const [ours, torch] = [best("tfjs wasm"), best("pytorch")];
      const ratio = ours.imagesPerSecond / torch.imagesPerSecond;
      ratios.push({ batchSize, tfjs: ours.name, pytorch: torch.name, ratio });
      console.log(
        `batch ${batchSize}: best tfjs (${ours.name}) / best PyTorch (${torch.name}) = ` +
          `${ratio.toFixed(2)}`,
      );
    }
  } else {
    console.log(
      "PyTorch: skipped (install Debian's python3-torch and libopenblas0-pthread for the reference)",
    );
  }
  if (args.json) {
    const json = { date: started, machine, results, ratios, profiles };
    await Deno.writeTextFile(args.json, JSON.stringify(json, null, 2) + "\n");
  }
  console.log(`tensors alive at the end: ${tf.memory().numTensors}`);
}
