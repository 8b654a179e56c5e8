import assert from "node:assert/strict";
import {
  latentScatterPanelsSpec,
  latentScatterPoints,
} from "../../../lib/presentation/charts/latent_scatter.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { renderVegaLitePng } from "../../../lib/presentation/charts/vega_render.ts";

const codes = { values: new Float32Array([1, 2, 3, 4, 5, 6]), count: 2, dimension: 3 };

Deno.test("latent scatter points take two coordinates of each code and its category", () => {
  assert.deepEqual(latentScatterPoints(codes, ["Bag", "Coat"]), [
    { x: 1, y: 2, category: "Bag" },
    { x: 4, y: 5, category: "Coat" },
  ]);
  assert.deepEqual(latentScatterPoints(codes, ["Bag", "Coat"], [2, 0])[1], {
    x: 6,
    y: 4,
    category: "Coat",
  });
  assert.throws(() => latentScatterPoints(codes, ["Bag"]), /got 1 categories for 2 codes/);
  assert.throws(() => latentScatterPoints(codes, ["a", "b"], [0, 3]), /dimension 3 does not exist/);
});

Deno.test("latent panels render side by side with one shared class legend", async () => {
  const spec = latentScatterPanelsSpec(
    [
      { title: "VAE means", codes },
      { title: "CAE latents", codes },
      { title: "PCA", codes, axisNames: ["PC1", "PC2"] },
    ],
    ["Bag", "Coat"],
    { categoryOrder: ["Coat", "Bag", "Dress"], categoryTitle: "class" },
  );
  const panels = spec.hconcat as Record<string, unknown>[];
  assert.equal(panels.length, 3);
  assert.deepEqual(panels.map((panel) => panel.title), ["VAE means", "CAE latents", "PCA"]);
  const encoding = panels[2].encoding as Record<string, Record<string, unknown>>;
  assert.deepEqual([encoding.x.title, encoding.y.title], ["PC1", "PC2"]);
  assert.deepEqual((encoding.color.scale as { domain: string[] }).domain, ["Coat", "Bag", "Dress"]);
  const png = await renderVegaLitePng(spec, { scale: 1 });
  const { width, height } = readPngSize(png);
  assert.ok(width > 3 * 260 && height > 260, `${width}x${height}`);
});
