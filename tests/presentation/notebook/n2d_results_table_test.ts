import assert from "node:assert/strict";
import { n2dResultsTable } from "../../../lib/presentation/notebook/n2d_results_table.ts";
import { PUBLISHED_N2D_ANCHORS } from "../../../lib/uses/clustering/n2d_report.ts";
import { SAMPLE_N2D_REPORT as report } from "../../helpers/n2d_report.ts";

Deno.test("the results table puts mean ± std beside every published anchor", () => {
  const lines = n2dResultsTable(report).split("\n");
  assert.equal(lines.length, 2 + 1 + PUBLISHED_N2D_ANCHORS.length);
  assert.match(lines[2], /AE 5 epochs.*10,000 test \| 0\.680 ± 0\.028 \| 0\.700 ± 0\.028/);
  assert.match(lines.at(-1)!, /N2D .* \| 0\.672 \| 0\.684 \|/);
  assert.throws(() => n2dResultsTable({ ...report, summary: null }), /no final scores yet/);
});
