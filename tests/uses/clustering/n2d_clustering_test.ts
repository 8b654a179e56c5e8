import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { FashionMnist } from "../../../lib/data/dataset.ts";
import { buildModel } from "../../../lib/models/build_model.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { clusterEncoder, codesToCluster } from "../../../lib/uses/clustering/n2d_clustering.ts";
import { clusteringScores } from "../../../lib/uses/clustering/cluster_metrics.ts";
import { N2D_SETTINGS } from "../../../lib/uses/clustering/n2d_report.ts";
import { useBackend } from "../../helpers/backend.ts";

/**
 * Two kinds of image, labels 0 and 1 in turn: the top half lit or the bottom half lit, each pixel
 * a little brighter or darker by image, so the kinds lie far apart whatever the encoder.
 */
function twoKinds(count: number, offset: number) {
  const labels = Uint8Array.from({ length: count }, (_, index) => (index + offset) % 2);
  const images = new Uint8Array(count * 784);
  labels.forEach((label, index) => {
    const lit = label === 0 ? [0, 392] : [392, 784];
    images.fill(200 + (index * 7) % 50, index * 784 + lit[0], index * 784 + lit[1]);
  });
  return { images, labels, count };
}

Deno.test("all images are the training codes then the test codes, with labels in that order", async () => {
  await useBackend();
  const data = new FashionMnist({ train: twoKinds(40, 0), test: twoKinds(30, 1), source: "two" });
  const bundle = buildModel("n2d", { latentDim: 3, seed: 0 });
  const { encoder } = bundle;
  const all = codesToCluster(encoder, data, "all");
  const test = codesToCluster(encoder, data, "test");
  assert.equal(all.codes.count, 70);
  assert.equal(test.codes.count, 30);
  assert.deepEqual(all.labels, [...data.train.labels, ...data.test.labels]);
  assert.deepEqual(all.codes.values.slice(40 * 3), test.codes.values);
  const before = tf.memory().numTensors;
  const clustered = clusterEncoder(encoder, data, {
    ...N2D_SETTINGS,
    clusters: 2,
    umapNeighbors: 10,
    umapEpochs: 200,
  }, 1);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(clustered.assignments.length, 30);
  assert.deepEqual(clustered.scores, clusteringScores(clustered.assignments, clustered.labels));
  // The two kinds are far apart even through an untrained encoder.
  assert.equal(clustered.scores.accuracy, 1);
  disposeAutoencoder(bundle);
});
