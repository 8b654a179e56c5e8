import assert from "node:assert/strict";
import {
  adjustedRandIndex,
  clusteringAccuracy,
  clusteringScores,
  contingencyTable,
  normalizedMutualInformation,
} from "../../../lib/uses/clustering/cluster_metrics.ts";

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} is not ${expected}`);

Deno.test("a perfect clustering up to renaming scores 1 on all three metrics", () => {
  const scores = clusteringScores([2, 2, 0, 0, 1, 1], [0, 0, 1, 1, 2, 2]);
  assert.deepEqual(scores, { accuracy: 1, nmi: 1, ari: 1 });
});

Deno.test("hand-made case with known NMI and ARI (scikit-learn's user-guide example)", () => {
  const labels = [0, 0, 0, 1, 1, 1];
  const clusters = [0, 0, 1, 1, 2, 2];
  // MI = ln 3 − (2/3) ln 2 ... worked out in closed form: NMI 0.5158037…, ARI 8/33.
  close(normalizedMutualInformation(clusters, labels), 0.5158037429793888);
  close(adjustedRandIndex(clusters, labels), 8 / 33);
  // Best matching: cluster 0 → label 0 (2), cluster 2 → label 1 (2): 4 of 6.
  close(clusteringAccuracy(clusters, labels), 4 / 6);
});

Deno.test("independent partitions: NMI 0, ARI negative, accuracy one half", () => {
  const clusters = [0, 1, 0, 1];
  const labels = [0, 0, 1, 1];
  close(normalizedMutualInformation(clusters, labels), 0);
  close(adjustedRandIndex(clusters, labels), -0.5);
  close(clusteringAccuracy(clusters, labels), 0.5);
});

Deno.test("accuracy uses a one-to-one matching, not the majority label of each cluster", () => {
  // Both clusters hold mostly label 0 (2 of 3); majority voting would give 4/6, but only one
  // cluster may stand for label 0, the other must take label 1: 2 + 1 = 3 of 6.
  const clusters = [0, 0, 0, 1, 1, 1];
  const labels = [0, 0, 1, 0, 0, 1];
  close(clusteringAccuracy(clusters, labels), 3 / 6);
});

Deno.test("contingency table counts pairs and rejects bad ids", () => {
  assert.deepEqual(contingencyTable([0, 0, 1], [1, 1, 0]), [[0, 2], [1, 0]]);
  assert.throws(() => contingencyTable([0], [0, 1]), /same positive number/);
  assert.throws(() => contingencyTable([0, -1], [0, 1]), /integers >= 0/);
});
