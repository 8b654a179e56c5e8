import assert from "node:assert/strict";
import { groupedBarSpec } from "../../../lib/presentation/charts/grouped_bar_spec.ts";
import { renderVegaLiteChart } from "../../../lib/presentation/charts/vega_render.ts";

Deno.test("grouped bar spec keeps group and series order and adds error bars", async () => {
  const spec = groupedBarSpec([
    { group: "k = 64", series: "PCA", value: 0.009 },
    { group: "k = 2", series: "CAE", value: 0.03, error: 0.001 },
  ]);
  const layers = spec.layer as { encoding: { x: { sort: string[] } } }[];
  assert.deepEqual(layers[0].encoding.x.sort, ["k = 64", "k = 2"]);
  assert.equal((spec.data as { values: { high: number }[] }).values[1].high, 0.031);
  const chart = await renderVegaLiteChart(spec, { scale: 1 });
  assert.ok(chart.width > 100);
  assert.throws(() => groupedBarSpec([]), /no bars/);
  assert.throws(() => groupedBarSpec([{ group: "a", series: "b", value: NaN }]), /finite/);
});
