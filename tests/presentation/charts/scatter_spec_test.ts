import assert from "node:assert/strict";
import { scatterSpec } from "../../../lib/presentation/charts/scatter_spec.ts";

Deno.test("a scatter spec colours points by category in the given order", () => {
  const spec = scatterSpec(
    [{ x: 0, y: 1, category: "Dress" }, { x: 2, y: -1, category: "Bag" }],
    { xTitle: "z1", yTitle: "z2", categoryTitle: "class", categoryOrder: ["Bag", "Dress"] },
  );
  assert.deepEqual((spec.data as { values: unknown[] }).values, [
    { x: 0, y: 1, category: "Dress" },
    { x: 2, y: -1, category: "Bag" },
  ]);
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.equal(encoding.x.title, "z1");
  assert.equal(encoding.y.title, "z2");
  assert.equal(encoding.color.field, "category");
  assert.equal(encoding.color.title, "class");
  assert.deepEqual(encoding.color.sort, ["Bag", "Dress"]);
  assert.deepEqual(encoding.color.scale, { scheme: "tableau10", domain: ["Bag", "Dress"] });
  assert.equal((spec.mark as { type: string }).type, "circle");
});

Deno.test("a scatter spec orders categories by first appearance by default", () => {
  const spec = scatterSpec([
    { x: 0, y: 0, category: "Coat" },
    { x: 1, y: 1, category: "Bag" },
    { x: 2, y: 2, category: "Coat" },
  ]);
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.deepEqual(encoding.color.sort, ["Coat", "Bag"]);
  assert.deepEqual(encoding.color.scale, { scheme: "tableau10" });
});

Deno.test("a scatter spec refuses no points and non-finite coordinates", () => {
  assert.throws(() => scatterSpec([]), /got no points/);
  assert.throws(
    () => scatterSpec([{ x: 0, y: 0, category: "a" }, { x: NaN, y: 1, category: "b" }]),
    /point 1 has x NaN and y 1; expected finite numbers/,
  );
});
