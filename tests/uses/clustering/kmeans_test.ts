import assert from "node:assert/strict";
import { kMeans } from "../../../lib/uses/clustering/kmeans.ts";
import { clusteringScores } from "../../../lib/uses/clustering/cluster_metrics.ts";
import { createRandom } from "../../../lib/data/random.ts";

/** Three tight blobs in 2-d around (0,0), (10,0), (0,10); labels say which. */
function blobs(perBlob: number) {
  const random = createRandom(5);
  const centres = [[0, 0], [10, 0], [0, 10]];
  const rows = new Float32Array(perBlob * 3 * 2);
  const labels: number[] = [];
  for (let index = 0; index < perBlob * 3; index++) {
    const blob = index % 3;
    rows[index * 2] = centres[blob][0] + random() - 0.5;
    rows[index * 2 + 1] = centres[blob][1] + random() - 0.5;
    labels.push(blob);
  }
  return { rows, labels };
}

Deno.test("k-means recovers three separated blobs, centroids at the blob centres", () => {
  const { rows, labels } = blobs(50);
  const result = kMeans(rows, { dimension: 2, clusters: 3, restarts: 3, seed: 1 });
  assert.equal(clusteringScores(result.assignments, labels).accuracy, 1);
  const centroids = [0, 1, 2].map((c) => [result.centroids[c * 2], result.centroids[c * 2 + 1]]);
  for (const centre of [[0, 0], [10, 0], [0, 10]]) {
    assert.ok(centroids.some(([x, y]) => Math.hypot(x - centre[0], y - centre[1]) < 0.2));
  }
  assert.equal(result.restartInertias.length, 3);
  assert.equal(result.inertia, Math.min(...result.restartInertias));
});

Deno.test("k-means is reproducible with a seed and checks its input", () => {
  const { rows } = blobs(20);
  const first = kMeans(rows, { dimension: 2, clusters: 4, seed: 7 });
  const second = kMeans(rows, { dimension: 2, clusters: 4, seed: 7 });
  assert.deepEqual(first.assignments, second.assignments);
  assert.throws(() => kMeans(new Float32Array(3), { dimension: 2, clusters: 1 }), /whole rows/);
  assert.throws(() => kMeans(new Float32Array(4), { dimension: 2, clusters: 3 }), /cannot form/);
});
