import assert from "node:assert/strict";
import { fitGaussianMixture } from "../../../lib/uses/clustering/gaussian_mixture.ts";
import { clusteringScores } from "../../../lib/uses/clustering/cluster_metrics.ts";
import { createRandom } from "../../../lib/data/random.ts";

interface ReferenceFit {
  weights: number[];
  means: number[];
  covariances: number[];
  log_likelihood: number;
  iterations: number;
  converged: boolean;
  tolerance: number;
  assignments: number[];
}

/** scikit-learn 1.2.1's GaussianMixture on 180 points in 2-d (see make_reference.py there). */
const reference = JSON.parse(
  await Deno.readTextFile(
    new URL("../../fixtures/gaussian_mixture/reference.json", import.meta.url),
  ),
) as {
  points: number[][];
  labels: number[];
  initial_labels: number[];
  full: ReferenceFit;
  diagonal: ReferenceFit;
  full_tight: ReferenceFit;
};
const points = reference.points.flat();

function assertClose(actual: ArrayLike<number>, expected: number[], tolerance: number) {
  assert.equal(actual.length, expected.length);
  for (let index = 0; index < expected.length; index++) {
    assert.ok(
      Math.abs(actual[index] - expected[index]) <= tolerance * (1 + Math.abs(expected[index])),
      `value ${index}: ${actual[index]} vs scikit-learn's ${expected[index]}`,
    );
  }
}

for (
  const [name, covariance] of [
    ["full", "full"],
    ["diagonal", "diagonal"],
    ["full_tight", "full"],
  ] as const
) {
  Deno.test(`EM with ${name} covariances matches scikit-learn from the same start`, () => {
    const expected = reference[name];
    const result = fitGaussianMixture(points, {
      dimension: 2,
      components: 3,
      covariance,
      tolerance: expected.tolerance,
      initialAssignments: reference.initial_labels,
    });
    assert.equal(result.iterations, expected.iterations);
    assert.equal(result.converged, expected.converged);
    assertClose([result.logLikelihood], [expected.log_likelihood], 1e-9);
    assertClose(result.weights, expected.weights, 1e-7);
    assertClose(result.means, expected.means, 1e-7);
    assertClose(result.covariances, expected.covariances, 1e-7);
    assert.deepEqual(Array.from(result.assignments), expected.assignments);
  });
}

Deno.test("a two-point, one-dimensional mixture has the hand-computed parameters", () => {
  // One component over {0, 2}: weight 1, mean 1, variance 1 (+1e-6); log-likelihood per point
  // −½(ln 2π + ln σ² + 1) with σ² = 1 + 1e-6.
  const result = fitGaussianMixture([0, 2], { dimension: 1, components: 1 });
  assertClose(result.weights, [1], 1e-12);
  assertClose(result.means, [1], 1e-12);
  assertClose(result.covariances, [1 + 1e-6], 1e-12);
  const variance = 1 + 1e-6;
  assertClose(
    [result.logLikelihood],
    [-0.5 * (Math.log(2 * Math.PI) + Math.log(variance) + 1 / variance)],
    1e-12,
  );
  assert.equal(result.converged, true);
  assert.equal(result.iterations, 2);
});

Deno.test("from its k-means start the mixture recovers three separated elongated blobs", () => {
  const random = createRandom(3);
  const rows: number[] = [];
  const labels: number[] = [];
  for (let index = 0; index < 600; index++) {
    const blob = index % 3;
    const along = (random() - 0.5) * 8;
    const across = (random() - 0.5) * 0.4;
    const [x, y] = blob === 0
      ? [along, across]
      : blob === 1
      ? [across + 10, along]
      : [along, across + 10];
    rows.push(x, y);
    labels.push(blob);
  }
  const result = fitGaussianMixture(rows, { dimension: 2, components: 3, seed: 1 });
  assert.equal(clusteringScores(result.assignments, labels).accuracy, 1);
  assertClose([result.weights.reduce((a, b) => a + b, 0)], [1], 1e-12);
  assert.equal(result.converged, true);
});

Deno.test("the mixture is reproducible with a seed", () => {
  const first = fitGaussianMixture(points, { dimension: 2, components: 3, seed: 4 });
  const second = fitGaussianMixture(points, { dimension: 2, components: 3, seed: 4 });
  assert.deepEqual(first.assignments, second.assignments);
  assert.deepEqual(first.means, second.means);
});

Deno.test("the mixture rejects bad input with a message that says what to do", () => {
  assert.throws(() => fitGaussianMixture([1, 2, 3], { dimension: 2, components: 1 }), /whole rows/);
  assert.throws(() => fitGaussianMixture([1, 2], { dimension: 1, components: 3 }), /cannot fit/);
  assert.throws(
    () => fitGaussianMixture([1, 2], { dimension: 1, components: 2, initialAssignments: [0] }),
    /initialAssignments has 1 ids/,
  );
  assert.throws(
    () => fitGaussianMixture([1, 2], { dimension: 1, components: 2, initialAssignments: [0, 5] }),
    /not in 0 … 1/,
  );
  // Two identical points in 2-d: the covariance is singular without regularisation.
  assert.throws(
    () => fitGaussianMixture([1, 1, 1, 1], { dimension: 2, components: 1, regularization: 0 }),
    /not positive definite.*raise `regularization`/,
  );
});
