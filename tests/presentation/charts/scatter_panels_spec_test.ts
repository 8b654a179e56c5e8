import assert from "node:assert/strict";
import { scatterPanelsSpec } from "../../../lib/presentation/charts/scatter_panels_spec.ts";

Deno.test("scatter panels share one colour scale and keep their own axes", () => {
  const spec = scatterPanelsSpec([
    { title: "A", points: [{ x: 0, y: 1, category: "Bag" }], xTitle: "z1", yTitle: "z2" },
    { title: "B", points: [{ x: 5, y: 5, category: "Coat" }] },
  ], { title: "Both", width: 100, height: 80 });
  assert.equal(spec.title, "Both");
  assert.deepEqual(spec.resolve, {
    scale: { x: "independent", y: "independent", color: "shared" },
  });
  const panels = spec.hconcat as Record<string, unknown>[];
  assert.equal(panels.length, 2);
  for (const panel of panels) {
    assert.equal(panel.$schema, undefined);
    assert.equal(panel.config, undefined);
    assert.deepEqual([panel.width, panel.height], [100, 80]);
    const color = (panel.encoding as Record<string, Record<string, unknown>>).color;
    // Without an explicit order, every panel gets all categories, in order of appearance.
    assert.deepEqual((color.scale as { domain: string[] }).domain, ["Bag", "Coat"]);
  }
  assert.throws(() => scatterPanelsSpec([]), /got no panels/);
  assert.throws(() => scatterPanelsSpec([{ title: "empty", points: [] }]), /got no points/);
});
