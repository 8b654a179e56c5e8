import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  buildSigmoidNetwork,
  pretrainLayerwise,
} from "../../../lib/uses/pretraining/sigmoid_network.ts";
import {
  meanEarlyNorms,
  trainWithGradientNorms,
} from "../../../lib/uses/pretraining/gradient_norms.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("gradient norms of a deep random sigmoid net shrink towards the input", async () => {
  await useBackend();
  const rows = Float32Array.from({ length: 40 * 784 }, (_, index) => (index * 31 % 97) / 96);
  const labels = Array.from({ length: 40 }, (_, index) => index % 10);
  const network = buildSigmoidNetwork({ hiddenLayers: 6, hiddenUnits: 32, seed: 0 });
  const before = tf.memory().numTensors;
  const trace = trainWithGradientNorms(network, rows, labels, { steps: 3, batchSize: 8 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(trace.norms.length, 3);
  assert.equal(trace.layerNames.length, 7);
  const early = meanEarlyNorms(trace, 3);
  assert.ok(early[0] < early[6] / 10, `first ${early[0]} vs head ${early[6]}`);
  const losses = pretrainLayerwise(network, rows, { steps: 2, batchSize: 8 });
  assert.equal(losses.length, 6);
  assert.equal(tf.memory().numTensors, before);
  network.dispose();
});

Deno.test("meanEarlyNorms averages the first steps per layer", () => {
  assert.deepEqual(
    meanEarlyNorms({ layerNames: ["a", "b"], norms: [[1, 4], [3, 6], [9, 9]], losses: [] }, 2),
    [2, 5],
  );
});
