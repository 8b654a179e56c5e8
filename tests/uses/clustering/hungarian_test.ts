import assert from "node:assert/strict";
import { minimumCostAssignment } from "../../../lib/uses/clustering/hungarian.ts";
import { createRandom } from "../../../lib/data/random.ts";

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations(items.filter((_, other) => other !== index)).map((rest) => [item, ...rest])
  );
}

const total = (costs: number[][], assignment: number[]) =>
  assignment.reduce((sum, column, row) => sum + (column >= 0 ? costs[row][column] : 0), 0);

Deno.test("Hungarian method solves a hand-made 3x3 case", () => {
  const costs = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];
  assert.deepEqual(minimumCostAssignment(costs), [1, 0, 2]);
});

Deno.test("Hungarian method matches brute force on random 6x6 matrices", () => {
  const random = createRandom(3);
  for (let trial = 0; trial < 30; trial++) {
    const costs = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => random() * 10));
    const assignment = minimumCostAssignment(costs);
    assert.deepEqual([...assignment].sort(), [0, 1, 2, 3, 4, 5]);
    const best = Math.min(...permutations([0, 1, 2, 3, 4, 5]).map((p) => total(costs, p)));
    assert.ok(Math.abs(total(costs, assignment) - best) < 1e-9);
  }
});

Deno.test("Hungarian method handles rectangular matrices and rejects bad input", () => {
  assert.deepEqual(minimumCostAssignment([[5, 1, 9]]), [1]);
  assert.deepEqual(minimumCostAssignment([[5], [1], [9]]), [-1, 0, -1]);
  assert.throws(() => minimumCostAssignment([]), /non-empty/);
  assert.throws(() => minimumCostAssignment([[1, 2], [3]]), /rectangular/);
  assert.throws(() => minimumCostAssignment([[NaN]]), /non-finite/);
});
