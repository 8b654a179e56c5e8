/**
 * Trace of the VAE's first training steps, for a step-by-step comparison with the PyTorch
 * reference (`bench/torch_vae.py --replay DIR`) or between backends.
 *
 * Builds the VAE as `deno task train --model vae` does (same seed, same batches, same ε), trains
 * `--steps` steps with the run's loss and Adam(1e-3), and writes to DIR:
 * - `initial_weights.json`: every variable before the first step ({name: {shape, values}});
 * - `trace.json`: the settings and, per step, the batch's indices, the ε the sampling layer
 *   drew, the loss terms and the L2 norm of each variable's gradient.
 *
 * Usage:
 * ```sh
 * deno run -A bench/vae_trace.ts --out runs/vae-trace [--steps 20] [--backend wasm|cpu]
 *   [--seed 1] [--limit 12000] [--bottleneck 16|none] [--latent-dim 20]
 * ```
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { initBackend } from "../lib/backend/setup.ts";
import { batchIndices } from "../lib/data/batches.ts";
import { loadFashionMnist } from "../lib/data/fashion_mnist.ts";
import { samplingSeed } from "../lib/models/gaussian_sampling.ts";
import { buildVariationalAutoencoder } from "../lib/models/variational_autoencoder.ts";
import { imagesToTensor } from "../lib/training/engine.ts";
import { perImageLossFor } from "../lib/training/loss_spec.ts";

/** A variable's name as `layer/kernel`, independent of the uniquifying suffixes of tfjs. */
function variableName(layer: tf.layers.Layer, weight: tf.LayerVariable): string {
  return `${layer.name}/${weight.originalName.split("/").at(-1)}`;
}

const { values } = parseArgs({
  args: Deno.args,
  options: {
    out: { type: "string", default: "runs/vae-trace" },
    steps: { type: "string", default: "20" },
    backend: { type: "string", default: "wasm" },
    seed: { type: "string", default: "1" },
    limit: { type: "string", default: "12000" },
    bottleneck: { type: "string", default: "16" },
    "latent-dim": { type: "string", default: "20" },
  },
});
const seed = Number(values.seed);
const steps = Number(values.steps);
const limit = Number(values.limit);
const latentDim = Number(values["latent-dim"]);
const bottleneckUnits = values.bottleneck === "none" ? null : Number(values.bottleneck);
await initBackend(values.backend as "wasm" | "cpu");
const data = await loadFashionMnist({ limit });
const { autoencoder: model } = buildVariationalAutoencoder({ latentDim, seed, bottleneckUnits });

const named: { name: string; variable: tf.LayerVariable }[] = [];
for (const layer of model.layers) {
  for (const weight of layer.trainableWeights) {
    named.push({ name: variableName(layer, weight), variable: weight });
  }
}
const initial: Record<string, { shape: number[]; values: number[] }> = {};
for (const { name, variable } of named) {
  const tensor = variable.read();
  initial[name] = { shape: tensor.shape, values: Array.from(tensor.dataSync()) };
}
await Deno.mkdir(values.out!, { recursive: true });
await Deno.writeTextFile(join(values.out!, "initial_weights.json"), JSON.stringify(initial));

const optimizer = tf.train.adam(1e-3);
const loss = perImageLossFor({ name: "vae", beta: 1 });
const variables = named.map(({ variable }) => variable.read() as tf.Variable);
type StepRecord = { loss: number; rc: number; kl: number; gradientNorms: Record<string, number> };
const records = [];
let step = 0;
for (const indices of batchIndices(data.train.count, { batchSize: 32, seed, epoch: 1 })) {
  if (step >= steps) break;
  // The sampling layer's k-th call (from 0) in stream 0 is seeded by samplingSeed(seed, 0, k).
  const epsilon = tf.tidy(() =>
    tf.randomNormal([indices.length, latentDim], 0, 1, "float32", samplingSeed(seed, 0, step))
      .dataSync()
  );
  const record: StepRecord = tf.tidy(() => {
    const images = imagesToTensor(data.pixelsAsFloat("train", indices), indices.length);
    const terms = { rc: NaN, kl: NaN };
    const { value, grads } = tf.variableGrads(() => {
      const perImage = loss(model, images, true);
      terms.rc = tf.mean(perImage.rc).dataSync()[0];
      terms.kl = tf.mean(perImage.kl).dataSync()[0];
      return tf.mean(perImage.loss) as tf.Scalar;
    }, variables);
    const gradientNorms: Record<string, number> = {};
    named.forEach(({ name }, index) => {
      gradientNorms[name] = tf.norm(grads[variables[index].name]).dataSync()[0];
    });
    optimizer.applyGradients(grads as Record<string, tf.Variable>);
    return { loss: value.dataSync()[0], ...terms, gradientNorms };
  });
  records.push({
    step: step + 1,
    indices: Array.from(indices),
    epsilon: Array.from(epsilon),
    ...record,
  });
  console.log(
    `step ${step + 1}: loss ${record.loss.toFixed(3)} rc ${record.rc.toFixed(3)} ` +
      `kl ${record.kl.toFixed(3)}`,
  );
  step += 1;
}
await Deno.writeTextFile(
  join(values.out!, "trace.json"),
  JSON.stringify({
    settings: { seed, limit, latentDim, bottleneckUnits, backend: values.backend, steps },
    steps: records,
  }),
);
console.log(`Wrote ${values.out}/trace.json and initial_weights.json`);
