import assert from "node:assert/strict";
import { toyChartSpec } from "../../../lib/presentation/charts/toy_chart.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { renderVegaLitePng } from "../../../lib/presentation/charts/vega_render.ts";

Deno.test("the toy chart has equal axis ranges, lines under the points, a layer per set", async () => {
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
  assert.equal(layers.length, 3);
  const [lines, data, reconstruction] = layers;
  assert.deepEqual(data.data.values.map((value) => value.series), ["data", "data"]);
  assert.deepEqual(reconstruction.data.values, [{ x: 1, y: 1, series: "reconstruction" }]);
  assert.deepEqual(data.encoding.x.scale?.domain, data.encoding.y.scale?.domain);
  const [start, end] = lines.data.values;
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

Deno.test("segments join each start point to its end point, under the lines and points", () => {
  const spec = toyChartSpec(
    [{ name: "data", points: new Float32Array([0, 0, 2, 2]), size: 30, opacity: 1 }],
    {
      lines: [{ name: "axis", through: [0, 0], direction: [1, 0] }],
      segments: {
        name: "error",
        from: new Float32Array([0, 0, 2, 2]),
        to: new Float32Array([0, 1, 2, 1]),
      },
    },
  );
  const layers = spec.layer as {
    data: { values: Record<string, unknown>[] };
    mark: Record<string, unknown>;
    encoding: { color: { sort: string[] } };
  }[];
  assert.deepEqual(layers.map((layer) => layer.mark.type), ["rule", "line", "circle"]);
  assert.deepEqual(layers[0].data.values, [
    { x: 0, y: 0, x2: 0, y2: 1, series: "error" },
    { x: 2, y: 2, x2: 2, y2: 1, series: "error" },
  ]);
  assert.equal(layers[2].mark.size, 30);
  assert.deepEqual(layers[2].encoding.color.sort, ["data", "axis", "error"]);
  assert.throws(
    () =>
      toyChartSpec([{ name: "a", points: new Float32Array(2) }], {
        segments: { name: "s", from: new Float32Array(4), to: new Float32Array(2) },
      }),
    /one end point per start point/,
  );
});
