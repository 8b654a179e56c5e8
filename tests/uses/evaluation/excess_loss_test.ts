import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { excessLossByTarget } from "../../../lib/uses/evaluation/excess_loss.ts";
import { perImageBinaryCrossEntropy } from "../../../lib/training/binary_cross_entropy.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("the excess over the floor is split by the target of each pixel, as computed by hand", () => {
  // One image: pixel 0 background predicted 0.1, pixel 1 mid grey predicted 0.6, pixel 2 white
  // predicted 0.9, the rest exact (0 predicted 0). Excess: −ln 0.9, 0.5·ln(0.5/0.6) +
  // 0.5·ln(0.5/0.4) ≈ 0.0204, −ln 0.9.
  const originals = new Float32Array(784);
  const reconstructions = new Float32Array(784);
  [originals[1], originals[2]] = [0.5, 1];
  [reconstructions[0], reconstructions[1], reconstructions[2]] = [0.1, 0.6, 0.9];
  const [background, grey, white] = excessLossByTarget(originals, reconstructions);
  assert.equal(background.group, "background (t = 0)");
  assert.ok(Math.abs(background.natsPerImage + Math.log(Math.fround(0.9))) < 1e-6);
  const midGrey = 0.5 * Math.log(0.5 / Math.fround(0.6)) + 0.5 * Math.log(0.5 / Math.fround(0.4));
  assert.ok(Math.abs(grey.natsPerImage - midGrey) < 1e-6, `${grey.natsPerImage}`);
  assert.ok(Math.abs(white.natsPerImage + Math.log(Math.fround(0.9))) < 1e-6);
  assert.deepEqual([background.pixelShare, grey.pixelShare, white.pixelShare], [
    782 / 784,
    1 / 784,
    1 / 784,
  ]);
  assert.ok(Math.abs(grey.natsPerPixel - midGrey) < 1e-6);
});

Deno.test("the groups add up to the summed BCE minus the summed BCE of the targets", async () => {
  await useBackend();
  const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const next = random(7);
  const originals = Float32Array.from({ length: 3 * 784 }, () => {
    const value = next();
    return value < 0.4 ? 0 : value > 0.95 ? 1 : next();
  });
  const reconstructions = Float32Array.from({ length: 3 * 784 }, () => next());
  const groups = excessLossByTarget(originals, reconstructions);
  const total = groups.reduce((sum, group) => sum + group.natsPerImage, 0);
  const reference = tf.tidy(() => {
    const target = tf.tensor4d(originals, [3, 28, 28, 1]);
    const loss = perImageBinaryCrossEntropy(target, tf.tensor4d(reconstructions, [3, 28, 28, 1]));
    return tf.mean(tf.sub(loss, perImageBinaryCrossEntropy(target, target))).dataSync()[0];
  });
  assert.ok(Math.abs(total - reference) < 1e-3 * Math.abs(reference), `${total} vs ${reference}`);
  assert.throws(() => excessLossByTarget(originals, reconstructions.subarray(1)), /same positive/);
});
