import assert from "node:assert/strict";
import { barChartSpec } from "../../../lib/presentation/charts/bar_chart_spec.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { renderVegaLitePng } from "../../../lib/presentation/charts/vega_render.ts";

Deno.test("a bar chart keeps the bars in the given order and renders to PNG", async () => {
  const spec = barChartSpec(
    [{ category: "Trouser", value: 3 }, { category: "Bag", value: 1 }],
    { title: "Counts", categoryTitle: "class", valueTitle: "images", labelAngle: -45 },
  );
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.deepEqual(encoding.x.sort, ["Trouser", "Bag"]);
  assert.deepEqual(encoding.x.axis, { labelAngle: -45 });
  assert.equal(encoding.y.title, "images");
  assert.equal(spec.title, "Counts");
  const png = await renderVegaLitePng(spec);
  const { width, height } = readPngSize(png);
  assert.ok(width > 420 && height > 240, `${width}x${height}`);
});

Deno.test("on a log scale the bars start at the power of ten below the smallest value", () => {
  const spec = barChartSpec(
    [{ category: "a", value: 250 }, { category: "b", value: 0.03 }],
    { logScale: true },
  );
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.deepEqual(encoding.y.scale, { type: "log" });
  assert.ok(Math.abs((encoding.y2.datum as number) - 0.01) < 1e-15);
});

Deno.test("a bar chart refuses no bars, non-finite values and zeros on a log scale", () => {
  assert.throws(() => barChartSpec([]), /got no bars/);
  assert.throws(() => barChartSpec([{ category: "a", value: NaN }]), /bar 0 \("a"\) has value NaN/);
  assert.throws(
    () => barChartSpec([{ category: "a", value: 0 }], { logScale: true }),
    /log scale needs values > 0/,
  );
});
