import assert from "node:assert/strict";
import { klPerDimensionChartSpec } from "../../../lib/presentation/charts/kl_per_dimension_chart.ts";

Deno.test("each VAE's dimensions are ranked by KL, largest first, one colour per VAE", () => {
  const spec = klPerDimensionChartSpec([
    { variant: "dense16", klPerDimension: [0.001, 4, 0] },
    { variant: "direct", klPerDimension: [1, 2, 3] },
  ]);
  const values = (spec.data as { values: { group: string; series: string; value: number }[] })
    .values.map(({ group, series, value }) => `${series} ${group}: ${value}`);
  assert.deepEqual(values, [
    "dense16 1: 4",
    "dense16 2: 0.001",
    "dense16 3: 0",
    "direct 1: 3",
    "direct 2: 2",
    "direct 3: 1",
  ]);
});

Deno.test("no VAE, or one without dimensions, is a clear error", () => {
  assert.throws(() => klPerDimensionChartSpec([]), /at least one VAE/);
  assert.throws(() => klPerDimensionChartSpec([{ variant: "x", klPerDimension: [] }]), /at least/);
});
