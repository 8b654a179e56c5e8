import assert from "node:assert/strict";
import { clusterManifold } from "../../../lib/uses/clustering/manifold_clustering.ts";
import { clusteringScores } from "../../../lib/uses/clustering/cluster_metrics.ts";
import { createRandom } from "../../../lib/data/random.ts";

/** Four separated blobs of 60 points in 6-d; labels say which. */
function blobs() {
  const random = createRandom(11);
  const values = new Float32Array(240 * 6);
  const labels: number[] = [];
  for (let index = 0; index < 240; index++) {
    const blob = index % 4;
    for (let axis = 0; axis < 6; axis++) {
      values[index * 6 + axis] = (axis === blob ? 10 : 0) + random() - 0.5;
    }
    labels.push(blob);
  }
  return { codes: { values, count: 240, dimension: 6 }, labels };
}

Deno.test("UMAP + Gaussian mixture recovers separated blobs and reports its steps", () => {
  const { codes, labels } = blobs();
  const result = clusterManifold(codes, { clusters: 4, seed: 2, umap: { epochs: 100 } });
  assert.equal(result.embedding.dimension, 4);
  assert.equal(result.embedding.count, 240);
  assert.equal(clusteringScores(result.assignments, labels).accuracy, 1);
  assert.ok(result.mixture.iterations >= 1 && result.mixture.converged);
  assert.ok(result.umapSeconds >= 0 && result.mixtureSeconds >= 0);
});

Deno.test("manifold clustering is reproducible with a seed", () => {
  const { codes } = blobs();
  const options = { clusters: 4, seed: 5, umap: { epochs: 50 } };
  assert.deepEqual(
    clusterManifold(codes, options).assignments,
    clusterManifold(codes, options).assignments,
  );
});
