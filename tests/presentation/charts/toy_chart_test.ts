import assert from "node:assert/strict";
import { toyChartSpec } from "../../../lib/presentation/charts/toy_chart.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { renderVegaLitePng } from "../../../lib/presentation/charts/vega_render.ts";

Deno.test("the toy chart has equal axis ranges, one layer of points and one of lines", async () => {
  const spec = toyChartSpec(
    [{ name: "data", points: new Float32Array([0, 0, 4, 1]) }, {
      name: "reconstruction",
      points: new Float32Array([1, 1]),
    }],
    { lines: [{ name: "axis", through: [0, 0], direction: [1, 1] }], title: "Toy" },
  );
  const layers = spec.layer as {
    data: { values: { x: number; y: number; series: string }[] };
    encoding: Record<string, { scale?: { domain: number[] } }>;
  }[];
  assert.equal(layers.length, 2);
  assert.equal(layers[0].data.values.length, 3);
  assert.deepEqual(layers[0].encoding.x.scale?.domain, layers[0].encoding.y.scale?.domain);
  const [start, end] = layers[1].data.values;
  assert.ok(Math.abs((end.y - start.y) / (end.x - start.x) - 1) < 1e-9); // a 45° line
  const png = await renderVegaLitePng(spec);
  assert.ok(readPngSize(png).width >= 360);
});

Deno.test("the toy chart refuses odd point lists, no points and zero directions", () => {
  assert.throws(() => toyChartSpec([{ name: "a", points: new Float32Array(3) }]), /x, y/);
  assert.throws(() => toyChartSpec([]), /no points/);
  assert.throws(
    () =>
      toyChartSpec([{ name: "a", points: new Float32Array(2) }], {
        lines: [{ name: "l", through: [0, 0], direction: [0, 0] }],
      }),
    /non-zero 2-D direction/,
  );
});
