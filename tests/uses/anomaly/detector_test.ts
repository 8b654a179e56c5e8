import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { AutoencoderDetector } from "../../../lib/uses/anomaly/detector.ts";
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
