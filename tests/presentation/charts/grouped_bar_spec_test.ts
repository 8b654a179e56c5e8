import assert from "node:assert/strict";
import { groupedBarSpec } from "../../../lib/presentation/charts/grouped_bar_spec.ts";
import { renderVegaLiteSvg } from "../../../lib/presentation/charts/vega_render.ts";

Deno.test("grouped bar spec keeps group and series order and adds error bars", async () => {
  const spec = groupedBarSpec([
    { group: "k = 64", series: "PCA", value: 0.009 },
    { group: "k = 2", series: "CAE", value: 0.03, error: 0.001 },
  ]);
  const layers = spec.layer as { encoding: { x: { sort: string[] } } }[];
  assert.deepEqual(layers[0].encoding.x.sort, ["k = 64", "k = 2"]);
  assert.equal((spec.data as { values: { high: number }[] }).values[1].high, 0.031);
  // Drawn: the bars stand in group order, their heights in proportion to the values (0.009 and
  // 0.03 on a scale from 0), and the CAE bar's error rule spans ±0.001 on the same scale.
  const svg = await renderVegaLiteSvg(spec);
  const bars = [
    ...svg.matchAll(
      /aria-label="group: ([^;]+); value: ([\d.]+); series: (\w+)"[^>]*d="M([\d.]+),([\d.]+)h[\d.]+v([\d.]+)/g,
    ),
  ]
    .map(([, group, value, series, x, , height]) => ({
      group,
      value: Number(value),
      series,
      x: Number(x),
      height: Number(height),
    }));
  assert.deepEqual(bars.map((bar) => [bar.group, bar.series]), [["k = 64", "PCA"], [
    "k = 2",
    "CAE",
  ]]);
  assert.ok(bars[0].x < bars[1].x);
  assert.ok(Math.abs(bars[0].height / bars[1].height - 0.009 / 0.03) < 1e-9);
  const rule = svg.match(
    /aria-label="group: k = 2; low: 0.029; high: 0.031; series: CAE"[^>]*y2="(-?[\d.]+)"/,
  );
  assert.ok(rule, "the CAE bar has an error rule");
  const pixelsPerUnit = bars[1].height / 0.03;
  assert.ok(Math.abs(Math.abs(Number(rule[1])) - 0.002 * pixelsPerUnit) < 1e-6);
  assert.throws(() => groupedBarSpec([]), /no bars/);
  assert.throws(() => groupedBarSpec([{ group: "a", series: "b", value: NaN }]), /finite/);
});
