import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { AutoencoderDetector } from "../../../lib/uses/anomaly/detector.ts";
import { areaUnderRoc } from "../../../lib/uses/anomaly/roc.ts";
import { SCORE_KINDS } from "../../../lib/uses/anomaly/score_kinds.ts";
import { useBackend } from "../../helpers/backend.ts";
import { syntheticImages } from "./synthetic.ts";

const small = { latentDim: 4, bottleneckUnits: 8, filters: [4, 8] as [number, number] };

Deno.test("the detector separates obvious anomalies after a few steps, without leaking tensors", async () => {
  await useBackend();
  const normal = syntheticImages(Array(64).fill(0));
  const testLabels = Array.from({ length: 40 }, (_, index) => (index % 4 === 0 ? 1 : 0));
  const test = syntheticImages(testLabels, 7);
  const isAnomaly = testLabels.map((label) => label === 1);
  const before = tf.memory().numTensors;
  const detector = new AutoencoderDetector({ epochs: 6, batchSize: 8, seed: 3, model: small });
  await detector.fit(normal);
  const { auroc, atThreshold } = detector.evaluate(test, isAnomaly);
  assert.equal(auroc, 1);
  assert.equal(atThreshold.recall, 1);
  const flagged = detector.predict(test);
  assert.deepEqual(
    flagged.map((value, index) => value || !isAnomaly[index]),
    flagged.map(() => true),
  );
  assert.equal(detector.trainingScores.length, 64);
  const every = detector.scoresOfEveryKind(test, SCORE_KINDS);
  for (const kind of SCORE_KINDS) {
    assert.equal(every.get(kind)!.length, 40);
    assert.ok(every.get(kind)!.every(Number.isFinite), kind);
  }
  detector.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("the threshold follows the rule: contamination flags that share of training images", async () => {
  await useBackend();
  const normal = syntheticImages(Array(40).fill(0), 5);
  const detector = new AutoencoderDetector({
    epochs: 1,
    batchSize: 20,
    model: small,
    thresholdRule: { kind: "contamination", fraction: 0.1 },
  });
  try {
    await detector.fit(normal);
    const flagged = detector.trainingScores.filter((score) => score > detector.threshold).length;
    assert.equal(flagged, 4);
  } finally {
    detector.dispose();
  }
});

Deno.test("scoring before fit and bad image arrays give clear errors", async () => {
  await useBackend();
  const detector = new AutoencoderDetector({ model: small });
  try {
    assert.throws(() => detector.scores(new Float32Array(784)), /call fit\(normalPixels\) first/);
    await assert.rejects(() => detector.fit(new Float32Array(0)), /one or more 28×28 images/);
    await assert.rejects(() => detector.fit(new Float32Array(100)), /784 values each/);
  } finally {
    detector.dispose();
  }
});

Deno.test("a rotation-restoring detector trains on turned images and scores with pixel neighbours", async () => {
  await useBackend();
  const normal = syntheticImages(Array(32).fill(0), 4);
  const testLabels = Array.from({ length: 16 }, (_, index) => index % 2);
  const test = syntheticImages(testLabels, 8);
  const isAnomaly = testLabels.map((label) => label === 1);
  const before = tf.memory().numTensors;
  const detector = new AutoencoderDetector({
    epochs: 2,
    batchSize: 8,
    seed: 1,
    model: { ...small, bottleneckUnits: null },
    loss: "mse",
    erase: "rotation",
    score: "blurred-mse+pixel-knn",
  });
  try {
    await detector.fit(normal);
    // Squared error of images in [0, 1]: at most 784 per image, far below a summed BCE.
    assert.ok(detector.history[1].trainLoss < 784);
    const scores = detector.scores(test);
    assert.equal(areaUnderRoc(scores, isAnomaly), 1);
    const pixelOnly = detector.scores(test, "pixel-knn");
    const again = detector.scores(test, "pixel-knn");
    assert.equal(again, pixelOnly); // computed once per image array
    assert.equal(areaUnderRoc(pixelOnly, isAnomaly), 1);
    // Training images are scored without themselves: no zero distances.
    const raw = detector.rawScores(normal, true);
    assert.ok(raw.pixelKnn!.every((distance) => distance > 0));
  } finally {
    detector.dispose();
  }
  assert.equal(tf.memory().numTensors, before);
});
