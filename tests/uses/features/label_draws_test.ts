import assert from "node:assert/strict";
import { labelsPerClass, selectRows } from "../../../lib/uses/features/label_draws.ts";
import { meanAndStandardDeviation } from "../../../lib/uses/features/summary_statistics.ts";

const LABELS = Uint8Array.from({ length: 100 }, (_, index) => index % 4);

Deno.test("labelsPerClass draws exactly n of every class, differently per seed", () => {
  const first = labelsPerClass(LABELS, 5, 0);
  assert.equal(first.length, 20);
  for (let label = 0; label < 4; label++) {
    assert.equal([...first].filter((index) => LABELS[index] === label).length, 5);
  }
  assert.deepEqual(labelsPerClass(LABELS, 5, 0), first);
  assert.notDeepEqual(labelsPerClass(LABELS, 5, 1), first);
  assert.throws(() => labelsPerClass(LABELS, 26, 0), /only 25 examples/);
  assert.throws(() => labelsPerClass(LABELS, 0, 0), /positive integer/);
});

Deno.test("selectRows picks rows in the order given", () => {
  assert.deepEqual(
    selectRows(new Float32Array([1, 2, 3, 4, 5, 6]), 2, [2, 0]),
    new Float32Array([5, 6, 1, 2]),
  );
  assert.throws(() => selectRows(new Float32Array(4), 2, [2]), /does not exist/);
});

Deno.test("mean and sample standard deviation", () => {
  assert.deepEqual(meanAndStandardDeviation([1, 2, 3]), { mean: 2, std: 1 });
  assert.deepEqual(meanAndStandardDeviation([5]), { mean: 5, std: 0 });
  assert.throws(() => meanAndStandardDeviation([]), /at least one/);
});
