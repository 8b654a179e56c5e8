import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { latentOfMapPoint } from "../../../lib/training/run_folder/latent_projection.ts";
import { encodeSplit } from "../../../lib/uses/reduction/encode_split.ts";
import { latentMap } from "../../../lib/uses/reduction/latent_map.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";
import { useBackend } from "../../helpers/backend.ts";

/** A linear encoder 784 → 3 whose third output is the sum of the first two: codes on a plane. */
function planeEncoder(): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1] });
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 3, useBias: false });
  const output = dense.apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const first = Array.from({ length: 784 }, (_, index) => Math.sin(index) / 50);
  const second = Array.from({ length: 784 }, (_, index) => Math.cos(3 * index) / 50);
  const weights = first.flatMap((value, index) => [value, second[index], value + second[index]]);
  tf.tidy(() => dense.setWeights([tf.tensor2d(weights, [784, 3])]));
  return model;
}

Deno.test("a 2-d latent map holds the codes themselves with the images' labels and indices", async () => {
  await useBackend();
  const vae = buildVariationalAutoencoder({ latentDim: 2, seed: 1 });
  const data = syntheticFashion(13, 37);
  const before = tf.memory().numTensors;
  const latents = latentMap(vae.encoder, data, { model: "vae", epoch: 2, batchSize: 5 });
  assert.equal(tf.memory().numTensors, before);
  const codes = encodeSplit(vae.encoder, data, "test");
  assert.equal(latents.points.length, 13);
  latents.points.forEach((point, index) => {
    assert.equal(point.index, index);
    assert.equal(point.label, data.test.labels[index]);
    assert.equal(point.x, codes.values[2 * index]);
    assert.equal(point.y, codes.values[2 * index + 1]);
  });
  assert.deepEqual(
    { ...latents, points: undefined },
    {
      title: "Latent means, 13 test images",
      xTitle: "z1",
      yTitle: "z2",
      split: "test",
      model: "vae",
      latentDim: 2,
      epoch: 2,
      projection: { kind: "identity" },
      points: undefined,
    },
  );
  disposeAutoencoder(vae);
});

Deno.test("above 2-d the map is the PCA plane, and its inverse gives back codes on that plane", async () => {
  await useBackend();
  const encoder = planeEncoder();
  const data = syntheticFashion(40, 31);
  const before = tf.memory().numTensors;
  const latents = latentMap(encoder, data, { model: "cae" });
  assert.equal(tf.memory().numTensors, before);
  const codes = encodeSplit(encoder, data, "test");
  const projection = latents.projection!;
  assert.equal(projection.kind, "pca");
  if (projection.kind !== "pca") return;
  // All the variance lies in the plane, so two components explain all of it.
  const [first, second] = projection.explainedVariance;
  assert.ok(Math.abs(first + second - projection.totalVariance) < 1e-4 * projection.totalVariance);
  assert.match(latents.xTitle!, /^PC1 \(\d+\.\d% of the latent variance\)$/);
  let largestError = 0;
  latents.points.forEach((point, index) => {
    const latent = latentOfMapPoint(projection, 3, point.x, point.y);
    for (let dimension = 0; dimension < 3; dimension++) {
      const error = Math.abs(latent[dimension] - codes.values[3 * index + dimension]);
      largestError = Math.max(largestError, error);
    }
  });
  assert.ok(largestError < 1e-4, `inverse projection error ${largestError}`);
  assert.equal(latents.title, "Latent codes on their PCA plane (3-d latent), 40 test images");
  encoder.dispose();
});
