import assert from "node:assert/strict";
import {
  chartPicture,
  markdown,
  mimeBundle,
  picture,
  plainText,
} from "../../../lib/presentation/notebook/display_item.ts";
import { imageGridPng } from "../../../lib/presentation/figures/image_grid.ts";
import { scatterSpec } from "../../../lib/presentation/charts/scatter_spec.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";

Deno.test("a picture's bundle has the PNG as base64, a text description and no metadata", async () => {
  const png = await imageGridPng(new Float32Array(784), 1, { scale: 1, gap: 0 });
  const bundle = mimeBundle(picture(png, { description: "one black image" }));
  assert.deepEqual(Object.keys(bundle.data).sort(), ["image/png", "text/plain"]);
  assert.equal(bundle.data["image/png"], btoa(String.fromCharCode(...png)));
  assert.equal(bundle.data["text/plain"], "one black image");
  assert.deepEqual(bundle.metadata, {});
});

Deno.test("a chart picture carries its spec and is shown at half its pixel size", async () => {
  const spec = scatterSpec([{ x: 0, y: 0, category: "Bag" }], { title: "Latent space" });
  const chart = await chartPicture(spec, { scale: 2, name: "latent" });
  const { width, height } = readPngSize(chart.png);
  assert.equal(chart.displayWidth, width / 2);
  assert.equal(chart.displayHeight, height / 2);
  assert.equal(chart.name, "latent");
  const bundle = mimeBundle(chart);
  assert.deepEqual(bundle.data["application/vnd.vegalite.v5+json"], spec);
  assert.equal(bundle.data["text/plain"], "Latent space (Vega-Lite chart)");
  assert.deepEqual(bundle.metadata, { "image/png": { width: width / 2, height: height / 2 } });
});

Deno.test("Markdown bundles carry text/markdown and plain text bundles only text/plain", () => {
  assert.deepEqual(mimeBundle(markdown("# Title")).data, {
    "text/plain": "# Title",
    "text/markdown": "# Title",
  });
  assert.deepEqual(mimeBundle(plainText("words")).data, { "text/plain": "words" });
});

Deno.test("picture() refuses bytes that are not a PNG", () => {
  assert.throws(() => picture(new Uint8Array([1, 2, 3])), /Expected PNG bytes/);
});
