/**
 * Benchmark of the CAE training step on the wasm backend with the fast training kernels.
 *
 * Prints, for each batch size: ms per full training step (forward, backward, Adam update;
 * median of the timed steps after warm-up) and images/s; a per-kernel breakdown (median over
 * profiled steps); and, with `--compare`, timings of alternative formulations of the
 * convolution gradients for the CAE's shapes.
 *
 * Usage:
 * ```sh
 * deno run --allow-read --allow-env --allow-sys bench/kernels.ts [--batches=32,128] [--steps=15]
 *   [--warmup=3] [--profile-steps=5] [--compare]
 * ```
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  conv2dBackpropFilterChannelsLast,
  type FilterGradientStrategy,
  initBackend,
  originalKernelName,
} from "../lib/backend/mod.ts";
import { buildConvAutoencoder } from "../lib/models/conv_autoencoder.ts";

/**
 * Command-line options of the benchmark.
 *
 * @example
 * ```ts
 * const options: BenchOptions = parseOptions(["--batches=32", "--compare"]);
 * ```
 */
export interface BenchOptions {
  batches: number[];
  steps: number;
  warmup: number;
  profileSteps: number;
  compare: boolean;
}

/**
 * Parses `--batches=32,128 --steps=15 --warmup=3 --profile-steps=5 --compare`.
 *
 * @example
 * ```ts
 * parseOptions(["--batches=32", "--steps=20"]).steps; // 20
 * ```
 */
export function parseOptions(args: string[]): BenchOptions {
  const options: BenchOptions = {
    batches: [32, 128],
    steps: 15,
    warmup: 3,
    profileSteps: 5,
    compare: false,
  };
  for (const arg of args) {
    const [key, value] = arg.replace(/^--/, "").split("=");
    const number = Number(value);
    if (key === "compare") options.compare = true;
    else if (key === "batches") options.batches = value.split(",").map(Number);
    else if (key === "steps" && number >= 1) options.steps = number;
    else if (key === "warmup" && number >= 0) options.warmup = number;
    else if (key === "profile-steps" && number >= 0) options.profileSteps = number;
    else {
      throw new Error(
        `Unknown or invalid option "${arg}". Expected --batches=32,128 --steps=N --warmup=N ` +
          `--profile-steps=N --compare.`,
      );
    }
  }
  if (options.batches.some((b) => !Number.isInteger(b) || b < 1)) {
    throw new Error(`--batches must list positive integers, got ${options.batches}.`);
  }
  return options;
}

/**
 * Median of a list of numbers.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Per-image sum of binary cross-entropy (predictions clipped to [1e-7, 1 − 1e-7]), batch mean. */
function reconstructionLoss(images: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  const clipped = tf.clipByValue(predictions, 1e-7, 1 - 1e-7);
  const crossEntropy = tf.neg(tf.add(
    tf.mul(images, tf.log(clipped)),
    tf.mul(tf.sub(1, images), tf.log(tf.sub(1, clipped))),
  ));
  return tf.mean(tf.sum(crossEntropy, [1, 2, 3]));
}

function format(ms: number): string {
  return ms.toFixed(2).padStart(8);
}

async function benchTrainingStep(batch: number, options: BenchOptions): Promise<void> {
  const { autoencoder, decoder } = buildConvAutoencoder({ seed: 1 });
  const optimizer = tf.train.adam(1e-3);
  const images = tf.randomUniform([batch, 28, 28, 1], 0, 1, "float32", 7);
  const step = () => {
    const loss = tf.tidy(() =>
      optimizer.minimize(
        () =>
          reconstructionLoss(images, autoencoder.apply(images, { training: true }) as tf.Tensor),
        true,
      )!
    );
    loss.dataSync();
    loss.dispose();
  };
  for (let i = 0; i < options.warmup; i++) step();
  const tensorsBefore = tf.memory().numTensors;
  const times: number[] = [];
  for (let i = 0; i < options.steps; i++) {
    const start = performance.now();
    step();
    times.push(performance.now() - start);
  }
  const stepMs = median(times);
  console.log(
    `batch ${batch}: ${stepMs.toFixed(1)} ms/step (median of ${options.steps}; min ` +
      `${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) = ` +
      `${(batch / stepMs * 1000).toFixed(0)} images/s; tensors ${tensorsBefore} → ` +
      `${tf.memory().numTensors}`,
  );
  if (options.profileSteps > 0) {
    const byKernel = new Map<string, number[]>();
    const byShape = new Map<string, number[]>();
    const calls = new Map<string, number>();
    for (let run = 0; run < options.profileSteps; run++) {
      const profile = await tf.profile(step);
      const kernelTotals = new Map<string, number>();
      const shapeTotals = new Map<string, number>();
      for (const kernel of profile.kernels) {
        const ms = kernel.kernelTimeMs as number;
        kernelTotals.set(kernel.name, (kernelTotals.get(kernel.name) ?? 0) + ms);
        const shapeKey = `${kernel.name} ${JSON.stringify(kernel.inputShapes)}`;
        shapeTotals.set(shapeKey, (shapeTotals.get(shapeKey) ?? 0) + ms);
        if (run === 0) calls.set(kernel.name, (calls.get(kernel.name) ?? 0) + 1);
      }
      for (const [key, ms] of kernelTotals) byKernel.set(key, [...(byKernel.get(key) ?? []), ms]);
      for (const [key, ms] of shapeTotals) byShape.set(key, [...(byShape.get(key) ?? []), ms]);
    }
    const kernels = [...byKernel].map(([name, ms]) => [name, median(ms)] as const)
      .sort((a, b) => b[1] - a[1]);
    const kernelTotal = kernels.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `  per kernel (median of ${options.profileSteps} profiled steps; kernels sum to ` +
        `${kernelTotal.toFixed(1)} ms, the rest of the step is engine/JS overhead):`,
    );
    for (const [name, ms] of kernels.filter(([, ms]) => ms >= 0.05 * kernelTotal / 100)) {
      console.log(
        `  ${format(ms)} ms ${(100 * ms / stepMs).toFixed(1).padStart(5)}%  ` +
          `${String(calls.get(name)).padStart(3)} calls  ${name}`,
      );
    }
    console.log(`  largest kernel calls (by input shapes):`);
    const shapes = [...byShape].map(([key, ms]) => [key, median(ms)] as const)
      .sort((a, b) => b[1] - a[1]).slice(0, 16);
    for (const [key, ms] of shapes) console.log(`  ${format(ms)} ms  ${key}`);
  }
  optimizer.dispose();
  autoencoder.dispose();
  decoder.dispose(); // the decoder view holds a second reference to the decoder layers
  images.dispose();
}

/** Times `run` on fresh inputs (made untimed by `prepare`), returning the median ms. */
function timeIt<T>(
  prepare: () => T,
  run: (inputs: T) => tf.TensorInfo | tf.Tensor,
  cleanup: (inputs: T) => void,
  repeats = 12,
): number {
  const times: number[] = [];
  const backend = tf.backend();
  for (let i = 0; i < repeats + 2; i++) {
    const inputs = prepare();
    const start = performance.now();
    const output = run(inputs);
    const elapsed = performance.now() - start;
    if (output instanceof tf.Tensor) output.dispose();
    else backend.disposeData(output.dataId);
    cleanup(inputs);
    if (i >= 2) times.push(elapsed);
  }
  return median(times);
}

type Shape4 = [number, number, number, number];

function zeroInserted(dy: tf.Tensor4D, stride: number): tf.Tensor4D {
  const [n, h, w, c] = dy.shape;
  const spread = tf.pad(tf.reshape(dy, [n, h, 1, w, 1, c]), [
    [0, 0],
    [0, 0],
    [0, stride - 1],
    [0, 0],
    [0, stride - 1],
    [0, 0],
  ]);
  const full = tf.reshape(spread, [n, h * stride, w * stride, c]);
  return tf.slice(full, [0, 0, 0, 0], [
    n,
    (h - 1) * stride + 1,
    (w - 1) * stride + 1,
    c,
  ]) as tf.Tensor4D;
}

/** conv2dTranspose (3×3, stride 2, 'same') as a stride-1 convolution of zero-inserted `dy`. */
function zeroInsertionTranspose(dy: tf.Tensor4D, flippedFilter: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.conv2d(zeroInserted(dy, 2), flippedFilter, 1, EXPLICIT_2_1));
}

const EXPLICIT_2_1: tf.backend_util.ExplicitPadding = [[0, 0], [2, 1], [2, 1], [0, 0]];

/** Filter gradient as one dilated convolution of xᵀ [inC, H, W, N] with dyᵀ [outH, outW, N, outC]. */
function dilatedFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, stride: number): tf.Tensor4D {
  const padBefore = stride === 1 ? 1 : 0; // 'same' with a 3×3 filter on even sizes
  const padAfter = 3 + stride * (dy.shape[1] - 1) - x.shape[1] - padBefore;
  const pad: tf.backend_util.ExplicitPadding = [
    [0, 0],
    [padBefore, padAfter],
    [padBefore, padAfter],
    [0, 0],
  ];
  return tf.tidy(() => {
    const xT = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D;
    const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
    return tf.transpose(tf.conv2d(xT, dyT, 1, pad, "NHWC", stride), [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

function maxDifference(a: tf.TensorInfo, b: tf.Tensor): number {
  const backend = tf.backend();
  const left = backend.readSync(a.dataId) as Float32Array;
  const right = b.dataSync();
  let difference = 0;
  for (let i = 0; i < right.length; i++) {
    difference = Math.max(difference, Math.abs(left[i] - right[i]));
  }
  return difference;
}

function compareFormulations(batch: number): void {
  const backend = tf.backend() as unknown as BackendWasm;
  console.log(`\nalternative formulations at batch ${batch} (median ms per call, fresh inputs):`);
  // Conv2DBackpropInput = the forward pass of conv2dTranspose, 3×3, stride 2, 'same'.
  const transposeCases: [string, Shape4, Shape4, Shape4][] = [
    ["decoder_deconv2 14→28, 64→32", [batch, 14, 14, 64], [3, 3, 32, 64], [batch, 28, 28, 32]],
    ["decoder_deconv1 7→14, 64→64", [batch, 7, 7, 64], [3, 3, 64, 64], [batch, 14, 14, 64]],
    ["encoder_conv2 dx 7→14, 64→32", [batch, 7, 7, 64], [3, 3, 32, 64], [batch, 14, 14, 32]],
  ];
  for (const [label, dyShape, filterShape, inputShape] of transposeCases) {
    const filter = tf.randomUniform(filterShape, -1, 1) as tf.Tensor4D;
    const flipped = tf.tidy(() => tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]));
    const prepare = () => tf.randomUniform(dyShape, -1, 1) as tf.Tensor4D;
    const attributes = { strides: 2, pad: "same", dataFormat: "NHWC", inputShape };
    const run = (name: string) => (dy: tf.Tensor4D) =>
      tf.engine().runKernel(name, { dy, filter }, attributes) as tf.Tensor;
    const dispose = (dy: tf.Tensor) => dy.dispose();
    const phases = timeIt(prepare, run("Conv2DBackpropInput"), dispose);
    const zeros = timeIt(prepare, (dy) => zeroInsertionTranspose(dy, flipped), dispose);
    const scalar = timeIt(prepare, run(originalKernelName("Conv2DBackpropInput")), dispose, 3);
    const dy = prepare();
    const [fast, reference] = [run("Conv2DBackpropInput")(dy), zeroInsertionTranspose(dy, flipped)];
    const difference = maxDifference(fast, reference);
    tf.dispose([filter, flipped, dy, fast, reference]);
    console.log(
      `  Conv2DBackpropInput ${label}: phases ${phases.toFixed(2)}, zero-insertion conv ` +
        `${zeros.toFixed(2)}, wasm original (scalar) ${scalar.toFixed(2)} ` +
        `(max |phases − zero-insertion| ${difference.toExponential(1)})`,
    );
  }
  const filterCases: [string, Shape4, Shape4, Shape4, number][] = [
    ["decoder_deconv2", [batch, 28, 28, 32], [batch, 14, 14, 64], [3, 3, 32, 64], 2],
    ["decoder_deconv1", [batch, 14, 14, 64], [batch, 7, 7, 64], [3, 3, 64, 64], 2],
    ["encoder_conv2", [batch, 14, 14, 32], [batch, 7, 7, 64], [3, 3, 32, 64], 2],
    ["decoder_output", [batch, 28, 28, 1], [batch, 28, 28, 32], [3, 3, 1, 32], 1],
    ["encoder_conv1", [batch, 28, 28, 1], [batch, 14, 14, 32], [3, 3, 1, 32], 2],
  ];
  for (const [label, xShape, dyShape, filterShape, stride] of filterCases) {
    const x = tf.randomUniform(xShape, -1, 1) as tf.Tensor4D;
    const prepare = () => tf.randomUniform(dyShape, -1, 1) as tf.Tensor4D;
    const dispose = (dy: tf.Tensor) => dy.dispose();
    const attributes = { filterShape, strides: stride, pad: "same" as const };
    const results: string[] = [];
    for (const strategy of ["direct", "patch-rows", "patch-columns"] as FilterGradientStrategy[]) {
      const ms = timeIt(
        prepare,
        (dy) => conv2dBackpropFilterChannelsLast(backend, x, dy, attributes, { strategy }),
        dispose,
      );
      results.push(
        `${strategy === "direct" ? "direct SIMD" : `im2col+MatMul ${strategy}`} ${ms.toFixed(2)}`,
      );
    }
    const dilated = timeIt(prepare, (dy) => dilatedFilterGradient(x, dy, stride), dispose);
    const dy = prepare();
    const fast = conv2dBackpropFilterChannelsLast(backend, x, dy, attributes);
    const reference = dilatedFilterGradient(x, dy, stride);
    const difference = maxDifference(fast, reference);
    backend.disposeData(fast.dataId);
    tf.dispose([x, dy, reference]);
    console.log(
      `  Conv2DBackpropFilter ${label} x [${xShape}]: ${results.join(", ")}, dilated conv ` +
        `(batch as channels) ${dilated.toFixed(2)} (max |default − dilated| ` +
        `${difference.toExponential(1)})`,
    );
  }
}

if (import.meta.main) {
  const options = parseOptions(Deno.args);
  const backend = await initBackend("wasm");
  console.log(
    `TensorFlow.js ${tf.version.tfjs}, backend ${backend} (XNNPACK, SIMD, 1 thread), ` +
      `Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} CPU cores`,
  );
  for (const batch of options.batches) await benchTrainingStep(batch, options);
  if (options.compare) compareFormulations(options.batches[0]);
}
