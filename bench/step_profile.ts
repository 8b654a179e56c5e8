/**
 * Where the milliseconds of one training step of the CAE go (`deno task bench --profile`): every
 * wasm kernel is wrapped with a timer (kernels called from inside another kernel are counted
 * apart, as "inside"), Adam's fused update is timed on its own, and whatever is left of the step
 * is the time outside kernels (JavaScript dispatch, the gradient tape, reading the loss). For the
 * convolutions and matrix products the table gives the FLOPs and the achieved GFLOP/s.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createAdam } from "../lib/backend/fused_adam.ts";
import { buildConvAutoencoder } from "../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../lib/models/autoencoder_bundle.ts";
import { createLocalEngine } from "../lib/training/engine.ts";

/** One line of the profile: a kernel (with the layer shapes that tell its calls apart). */
export interface ProfileRow {
  /** Kernel name, with input shapes for convolutions and matrix products. */
  name: string;
  /** Calls per step. */
  calls: number;
  /** Milliseconds per step spent in this kernel itself (not in kernels it calls). */
  ms: number;
  /** Milliseconds per step including the kernels it calls (what its GFLOP/s are based on). */
  totalMs: number;
  /** Floating-point operations per step (multiply and add counted apart), if counted. */
  flops?: number;
  /** True for kernels called from inside another kernel. */
  inside: boolean;
}

/** A step's profile. */
export interface StepProfile {
  batchSize: number;
  steps: number;
  /** Median wall time of an unprofiled step. */
  stepMs: number;
  /** Mean wall time of a profiled step (the timers add a little). */
  profiledStepMs: number;
  rows: ProfileRow[];
  /** Milliseconds per profiled step outside every kernel and Adam. */
  outsideMs: number;
}

type Shape = readonly number[];

/** FLOPs of one call of a convolution or matrix-product kernel, from its input shapes. */
export function kernelFlops(name: string, shapes: readonly Shape[], attributes: unknown): number {
  const product = (shape: Shape) => shape.reduce((a, b) => a * b, 1);
  const attrs = attributes as { transposeA?: boolean; transposeB?: boolean } | undefined;
  if (name === "Conv2D" || name === "FusedConv2D") {
    const [x, filter] = shapes; // output pixels × taps × inC × outC
    const info = attributes as { strides: number | [number, number] };
    const [sh, sw] = typeof info.strides === "number" ? [info.strides, info.strides] : info.strides;
    return 2 * x[0] * Math.ceil(x[1] / sh) * Math.ceil(x[2] / sw) * product(filter);
  }
  if (name === "Conv2DBackpropInput") {
    return 2 * product(shapes[0]) / shapes[0][3] * product(shapes[1]);
  }
  if (name === "Conv2DBackpropFilter") {
    const filterShape = (attributes as { filterShape: Shape }).filterShape;
    return 2 * product(shapes[1]) / shapes[1][3] * product(filterShape);
  }
  if (name === "BatchMatMul" || name === "_FusedMatMul") {
    const [a, b] = shapes;
    const rows = a[a.length - (attrs?.transposeA ? 1 : 2)];
    const inner = a[a.length - (attrs?.transposeA ? 2 : 1)];
    const columns = b[b.length - (attrs?.transposeB ? 2 : 1)];
    return 2 * rows * inner * columns * product(a.slice(0, -2));
  }
  return 0;
}

const MEASURED = [
  "Conv2D",
  "Conv2DBackpropInput",
  "Conv2DBackpropFilter",
  "BatchMatMul",
  "_FusedMatMul",
];

/**
 * Profiles `steps` training steps of the CAE at `batchSize` on the wasm backend (already active)
 * and returns the per-step means.
 *
 * @example
 * ```ts
 * const profile = await profileTrainingStep(32, 10);
 * ```
 */
export async function profileTrainingStep(batchSize: number, steps: number): Promise<StepProfile> {
  const bundle = buildConvAutoencoder({ seed: 0 });
  const optimizer = createAdam(1e-3);
  const engine = createLocalEngine({ model: bundle.autoencoder, optimizer });
  const pixels = Float32Array.from({ length: batchSize * 784 }, (_, i) => (i * 7919 % 1000) / 1000);
  for (let i = 0; i < 3; i++) await engine.trainBatch(pixels, batchSize);
  const plain: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    await engine.trainBatch(pixels, batchSize);
    plain.push(performance.now() - start);
  }
  plain.sort((a, b) => a - b);

  const totals = new Map<string, ProfileRow>();
  const stack: { start: number; inner: number }[] = [];
  const record = (name: string, inside: boolean, ms: number, total: number, flops: number) => {
    const key = `${inside ? "1" : "0"}${name}`;
    const row = totals.get(key) ?? { name, calls: 0, ms: 0, totalMs: 0, inside, flops: 0 };
    row.calls++;
    row.ms += ms;
    row.totalMs += total;
    row.flops = (row.flops ?? 0) + flops;
    totals.set(key, row);
  };
  const timed = <T>(f: () => T, describe: () => [string, number]): T => {
    const frame = { start: performance.now(), inner: 0 };
    stack.push(frame);
    try {
      return f();
    } finally {
      const total = performance.now() - frame.start;
      stack.pop();
      if (stack.length > 0) stack[stack.length - 1].inner += total;
      const [label, flops] = describe();
      record(label, stack.length > 0, total - frame.inner, total, flops);
    }
  };
  const originals = tf.getKernelsForBackend("wasm");
  for (const config of originals) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, "wasm");
    tf.registerKernel({
      ...config,
      kernelFunc: (args) =>
        timed(() => inner(args), () => {
          if (!MEASURED.includes(config.kernelName)) return [config.kernelName, 0];
          const shapes = Object.values(args.inputs).filter((input) => input !== undefined)
            .map((input) => (input as tf.TensorInfo).shape);
          const label = `${config.kernelName} ${shapes.map((s) => `[${s}]`).join(" ")}`;
          return [label, kernelFlops(config.kernelName, shapes, args.attrs)];
        }),
    });
  }
  const applyGradients = optimizer.applyGradients.bind(optimizer);
  optimizer.applyGradients = (gradients) =>
    timed(() => applyGradients(gradients), () => [
      "Adam (fused, all variables)",
      0,
    ]);
  let profiled = 0;
  try {
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      await engine.trainBatch(pixels, batchSize);
      profiled += performance.now() - start;
    }
  } finally {
    for (const config of originals) {
      tf.unregisterKernel(config.kernelName, "wasm");
      tf.registerKernel(config);
    }
    engine.dispose();
    optimizer.dispose();
    disposeAutoencoder(bundle);
  }
  const rows = [...totals.values()].map((row) => ({
    ...row,
    calls: row.calls / steps,
    ms: row.ms / steps,
    totalMs: row.totalMs / steps,
    flops: row.flops ? row.flops / steps : undefined,
  })).sort((a, b) => b.ms - a.ms);
  const topLevel = rows.reduce((sum, row) => sum + row.ms, 0);
  return {
    batchSize,
    steps,
    stepMs: plain[plain.length >> 1],
    profiledStepMs: profiled / steps,
    rows,
    outsideMs: profiled / steps - topLevel,
  };
}

/**
 * The profile as a Markdown table (the README's format).
 *
 * @example
 * ```ts
 * console.log(formatProfile(await profileTrainingStep(32, 10)));
 * ```
 */
export function formatProfile(profile: StepProfile, minimumMs = 0.05): string {
  const lines = [
    `One training step at batch ${profile.batchSize}: ${profile.stepMs.toFixed(1)} ms ` +
    `(median of ${profile.steps}); profiled ${profile.profiledStepMs.toFixed(1)} ms, of which:`,
    "",
    "| kernel (input shapes) | calls/step | ms/step (own) | share | GFLOP/step | GFLOP/s |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const share = (ms: number) => `${(100 * ms / profile.profiledStepMs).toFixed(1)}%`;
  let small = 0, smallCalls = 0;
  for (const row of profile.rows) {
    if (row.ms < minimumMs) {
      small += row.ms;
      smallCalls += row.calls;
      continue;
    }
    const flops = row.flops ? (row.flops / 1e9).toFixed(3) : "";
    const rate = row.flops ? (row.flops / row.totalMs / 1e6).toFixed(1) : "";
    const name = row.inside ? `↳ ${row.name} (inside another kernel)` : row.name;
    lines.push(
      `| ${name} | ${row.calls} | ${row.ms.toFixed(2)} | ${share(row.ms)} | ${flops} | ${rate} |`,
    );
  }
  lines.push(
    `| other kernels (each < ${minimumMs} ms) | ${smallCalls} | ${small.toFixed(2)} | ${
      share(small)
    } | | |`,
  );
  lines.push(
    `| outside kernels (JS dispatch, gradient tape, reading the loss) | | ` +
      `${profile.outsideMs.toFixed(2)} | ${share(profile.outsideMs)} | | |`,
  );
  const flops = profile.rows.filter((row) => !row.inside)
    .reduce((sum, row) => sum + (row.flops ?? 0), 0);
  const convMs = profile.rows.filter((row) => row.flops && !row.inside)
    .reduce((sum, row) => sum + row.totalMs, 0);
  lines.push(
    "",
    `Convolutions and matrix products: ${(flops / 1e9).toFixed(3)} GFLOP per step in ` +
      `${convMs.toFixed(1)} ms = ${(flops / convMs / 1e6).toFixed(1)} GFLOP/s; over the whole ` +
      `step ${(flops / profile.stepMs / 1e6).toFixed(1)} GFLOP/s.`,
  );
  return lines.join("\n");
}
