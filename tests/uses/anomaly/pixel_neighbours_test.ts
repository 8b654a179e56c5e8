import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  blurImages,
  fitPixelNeighbours,
  pixelNeighbourDistances,
} from "../../../lib/uses/anomaly/pixel_neighbours.ts";
import { useBackend } from "../../helpers/backend.ts";

/** Image filled with one value. */
const flat = (...values: number[]) => {
  const pixels = new Float32Array(values.length * 784);
  values.forEach((value, image) => pixels.fill(value, image * 784, (image + 1) * 784));
  return pixels;
};

/** Brute-force reference: mean of the k smallest Euclidean distances, in float64. */
function bruteForce(reference: Float32Array, queries: Float32Array, k: number, self: boolean) {
  const count = reference.length / 784;
  return Array.from({ length: queries.length / 784 }, (_, query) => {
    const distances: number[] = [];
    for (let row = 0; row < count; row++) {
      if (self && row === query) continue;
      let total = 0;
      for (let pixel = 0; pixel < 784; pixel++) {
        total += (queries[query * 784 + pixel] - reference[row * 784 + pixel]) ** 2;
      }
      distances.push(Math.sqrt(total));
    }
    distances.sort((a, b) => a - b);
    return distances.slice(0, k).reduce((sum, value) => sum + value, 0) / k;
  });
}

function randomImages(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count * 784 }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  });
}

Deno.test("without blur, the k-nearest distance is the plain Euclidean one", async () => {
  await useBackend();
  // Flat images 0, 0.5 and 1: distances between them are 0.5·28 = 14 and 28.
  const reference = fitPixelNeighbours(flat(0, 0.5, 1), 0);
  const [distance] = pixelNeighbourDistances(reference, flat(0.25), 1);
  assert.ok(Math.abs(distance - 0.25 * 28) < 1e-3);
  const two = pixelNeighbourDistances(reference, flat(0), 2);
  assert.ok(Math.abs(two[0] - (0 + 14) / 2) < 1e-3);
});

Deno.test("matrix-product distances match a brute-force float64 computation, self left out", async () => {
  await useBackend();
  const before = tf.memory().numTensors;
  const training = randomImages(30, 7);
  const queries = randomImages(7, 9);
  const reference = fitPixelNeighbours(training, 1);
  const blurredTraining = blurImages(training, 1);
  const blurredQueries = blurImages(queries, 1);
  const fast = pixelNeighbourDistances(reference, queries, 3, { batchSize: 4 });
  const slow = bruteForce(blurredTraining, blurredQueries, 3, false);
  fast.forEach((value, index) => assert.ok(Math.abs(value - slow[index]) < 1e-3));
  const own = pixelNeighbourDistances(reference, training, 2, { excludeSelf: true });
  const ownSlow = bruteForce(blurredTraining, blurredTraining, 2, true);
  own.forEach((value, index) => assert.ok(Math.abs(value - ownSlow[index]) < 1e-3));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("the blur keeps a flat interior flat and sums to one", async () => {
  await useBackend();
  const blurred = blurImages(flat(1), 1);
  assert.ok(Math.abs(blurred[14 * 28 + 14] - 1) < 1e-6);
  assert.ok(blurred[0] < 1); // the zero padding darkens the corner
});

Deno.test("bad k, shapes and self-exclusion are rejected with the fix in the message", async () => {
  await useBackend();
  const reference = fitPixelNeighbours(flat(0, 1, 0.5), 0);
  assert.throws(() => pixelNeighbourDistances(reference, flat(0), 3), /from 1 to 2/);
  assert.throws(() => pixelNeighbourDistances(reference, new Float32Array(5), 1), /784 values/);
  assert.throws(
    () => pixelNeighbourDistances(reference, flat(0), 1, { excludeSelf: true }),
    /reference images themselves/,
  );
  assert.throws(() => fitPixelNeighbours(flat(0)), /at least two images/);
});
