import assert from "node:assert/strict";
import { filterGradientStrategy, leadingAxesCount, planAxis } from "../../lib/backend/mod.ts";
import { insideRange } from "../../lib/backend/tap_products.ts";

Deno.test("planAxis splits a stride-2 'same' transposed convolution into two phases", () => {
  const plan = planAxis(14, 7, 3, 2, 0);
  assert.deepEqual(plan.phases.map((p) => p.taps), [[2, 0], [1]]);
  assert.deepEqual(plan.phases.map((p) => [p.firstOutput, p.count]), [[0, 7], [1, 7]]);
  assert.deepEqual(plan.phases.map((p) => [p.padBefore, p.padAfter]), [[1, 0], [0, 0]]);
  assert.ok(plan.coversOutput);
});

Deno.test("planAxis writes every output row exactly once when all rows get a gradient", () => {
  for (const stride of [1, 2, 3]) {
    for (const kernel of [1, 2, 3, 5]) {
      for (const outputSize of [5, 7, 9, 13, 28]) {
        for (const padBefore of [0, 1, 2]) {
          if (padBefore >= kernel) continue;
          // The forward conv's output size for this padding (pad after = pad before).
          const inputSize = Math.floor((outputSize + 2 * padBefore - kernel) / stride) + 1;
          if (inputSize < 1) continue;
          const plan = planAxis(outputSize, inputSize, kernel, stride, padBefore);
          const written = new Array(outputSize).fill(0);
          for (const phase of plan.phases) {
            for (let q = 0; q < phase.count; q++) written[phase.firstOutput + q * stride]++;
            assert.ok(phase.padBefore < Math.max(phase.taps.length, 1));
            assert.ok(phase.padAfter < Math.max(phase.taps.length, 1));
            assert.ok(phase.inputStart >= 0 && phase.inputStart + phase.inputCount <= inputSize);
          }
          assert.ok(written.every((count) => count <= 1), `no row written twice`);
          assert.equal(plan.coversOutput, written.every((count) => count === 1));
        }
      }
    }
  }
});

Deno.test("planAxis leaves a phase empty when the kernel is smaller than the stride", () => {
  const plan = planAxis(8, 4, 1, 2, 0);
  assert.deepEqual(plan.phases.map((p) => p.count), [4, 0]);
  assert.equal(plan.coversOutput, false);
});

Deno.test("planAxis rejects sizes that are not positive integers", () => {
  assert.throws(() => planAxis(0, 7, 3, 2, 0), /outputSize must be a positive integer, got 0/);
  assert.throws(() => planAxis(14, 7, 3, 2, -1), /padBefore must be a non-negative integer/);
});

Deno.test("insideRange gives the output positions that read inside the input", () => {
  assert.deepEqual(insideRange(14, 28, 2, -1), [1, 14]);
  assert.deepEqual(insideRange(14, 28, 2, 1), [0, 14]);
  assert.deepEqual(insideRange(28, 28, 1, 1), [0, 27]);
  assert.deepEqual(insideRange(3, 2, 1, 5), [0, 0]);
});

Deno.test("leadingAxesCount recognises reductions over the leading axes only", () => {
  assert.equal(leadingAxesCount([2, 0, 1], 4), 3);
  assert.equal(leadingAxesCount(0, 2), 1);
  assert.equal(leadingAxesCount(-2, 2), 1);
  assert.equal(leadingAxesCount([1, 2], 4), 0);
  assert.equal(leadingAxesCount([0, 1, 2, 3], 4), 0);
  assert.equal(leadingAxesCount(null, 4), 0);
});

Deno.test("filterGradientStrategy packs the smaller operand", () => {
  assert.equal(filterGradientStrategy(3, 3, 1, 32), "patch-columns");
  assert.equal(filterGradientStrategy(3, 3, 32, 64), "patch-rows");
  assert.equal(filterGradientStrategy(3, 3, 64, 64), "patch-rows");
});
