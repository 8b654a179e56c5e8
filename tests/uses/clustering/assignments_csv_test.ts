import assert from "node:assert/strict";
import {
  assignmentsCsv,
  parseAssignmentsCsv,
} from "../../../lib/uses/clustering/assignments_csv.ts";

Deno.test("assignments are written as index,label,cluster lines and read back", () => {
  const text = assignmentsCsv([9, 2, 1], [4, 1, 1]);
  assert.equal(text, "index,label,cluster\n0,9,4\n1,2,1\n2,1,1\n");
  assert.deepEqual(parseAssignmentsCsv(text), [
    { index: 0, label: 9, cluster: 4 },
    { index: 1, label: 2, cluster: 1 },
    { index: 2, label: 1, cluster: 1 },
  ]);
  assert.equal(assignmentsCsv([5], [0], [60000]), "index,label,cluster\n60000,5,0\n");
});

Deno.test("mismatched lengths and malformed CSV are rejected with what was expected", () => {
  assert.throws(() => assignmentsCsv([1, 2], [0]), /2 labels, 1 clusters/);
  assert.throws(() => assignmentsCsv([1], [0], [0, 1]), /and 2 indices/);
  assert.throws(() => parseAssignmentsCsv("id,label,cluster\n0,1,2\n"), /Expected the header/);
  assert.throws(() => parseAssignmentsCsv("index,label,cluster\n0,1\n"), /Line 2 "0,1"/);
  assert.throws(() => parseAssignmentsCsv("index,label,cluster\n0,1,-2\n"), /non-negative/);
});
