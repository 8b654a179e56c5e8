import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { lineAngleDegrees } from "../../../lib/uses/toy/directions.ts";
import { trainLinearAutoencoder } from "../../../lib/uses/toy/linear_autoencoder.ts";
import { makeToyCloud } from "../../../lib/uses/toy/toy_cloud.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("a 2→1→2 linear autoencoder learns the cloud's principal axis and leaves no tensors", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  const cloud = makeToyCloud({ count: 2000, seed: 3 });
  const trained = trainLinearAutoencoder(cloud.points, cloud.dimension, { latentDim: 1 });
  const angle = lineAngleDegrees(trained.decoderDirections[0], cloud.principalAxis);
  assert.ok(angle < 2, `decoder direction is ${angle}° off the principal axis`);
  // What is left is the variance across the axis, 0.4² = 0.16 (sample noise aside).
  assert.ok(Math.abs(trained.finalLoss - 0.16) < 0.02, `final loss ${trained.finalLoss}`);
  assert.ok(trained.lossHistory[0].loss > 3 * trained.finalLoss);
  assert.equal(trained.codes.length, 2000);
  assert.equal(trained.reconstructions.length, 4000);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("reconstructions of a 1-D code lie on one line along the learned direction", async () => {
  await useBackend();
  const cloud = makeToyCloud({ count: 300, seed: 1 });
  const trained = trainLinearAutoencoder(cloud.points, 2, { steps: 200 });
  const [dx, dy] = trained.decoderDirections[0];
  const [x0, y0] = [trained.reconstructions[0], trained.reconstructions[1]];
  for (let point = 1; point < 300; point++) {
    const x = trained.reconstructions[point * 2] - x0;
    const y = trained.reconstructions[point * 2 + 1] - y0;
    assert.ok(Math.abs(x * dy - y * dx) < 1e-3 * (1 + Math.hypot(x, y)));
  }
});

Deno.test("a 3→2→3 linear autoencoder reconstructs a flat 3-D cloud almost exactly", async () => {
  await useBackend();
  const cloud = makeToyCloud({ count: 1000, principalAxis: [1, 1, 0], spreads: [2, 1, 0.05] });
  const trained = trainLinearAutoencoder(cloud.points, 3, { latentDim: 2, steps: 400 });
  // Only the spread along the third axis (0.05² = 0.0025) cannot pass through 2 numbers.
  assert.ok(trained.finalLoss < 0.01, `final loss ${trained.finalLoss}`);
});

Deno.test("bad arguments are refused with a message saying what was expected", () => {
  const points = new Float32Array(6);
  assert.throws(() => trainLinearAutoencoder(points, 4), /divides the length/);
  assert.throws(() => trainLinearAutoencoder(points, 2, { latentDim: 3 }), /latentDim must be/);
  assert.throws(() => trainLinearAutoencoder(points, 2, { steps: 0 }), /steps must be/);
  assert.throws(() => trainLinearAutoencoder(new Float32Array(0), 2), /no points/);
});
