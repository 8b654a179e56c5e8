import assert from "node:assert/strict";
import { captionedGridPng, escapeXml } from "../../../lib/presentation/figures/captioned_grid.ts";
import { decodeGrey } from "./png_pixels.ts";

const filled = (value: number) => new Float32Array(784).fill(value);

Deno.test("a captioned grid is as wide and tall as its cells, gaps and caption lines", async () => {
  const cells = Array.from({ length: 6 }, () => ({ images: [filled(0.5)], caption: ["Coat"] }));
  const png = await captionedGridPng(cells, { columns: 3, scale: 2, gap: 4, fontSize: 10 });
  const picture = await decodeGrey(png);
  const lineHeight = Math.ceil(10 * 1.3);
  assert.equal(picture.width, 3 * 56 + 4 * 4);
  assert.equal(picture.height, 2 * (56 + lineHeight + 4) + 3 * 4);
  assert.equal(picture.channels, 1);
});

Deno.test("a captioned grid paints each image's pixels and leaves the gaps white", async () => {
  const png = await captionedGridPng([{ images: [filled(0)] }, { images: [filled(0.5)] }], {
    scale: 1,
    gap: 2,
  });
  const picture = await decodeGrey(png);
  assert.equal(picture.at(0, 0), 255);
  assert.equal(picture.at(2, 2), 0);
  assert.equal(picture.at(29, 29), 0);
  assert.equal(picture.at(2 + 28 + 2, 2), 128);
  assert.equal(picture.at(31, 10), 255);
});

Deno.test("a captioned grid draws caption text under the images (so a font is installed)", async () => {
  const png = await captionedGridPng(
    [{ images: [filled(1)], caption: ["Ankle boot"] }, { images: [filled(1)] }],
    { scale: 4, gap: 8, fontSize: 14 },
  );
  const picture = await decodeGrey(png);
  const captionTop = 8 + 112;
  const captionBottom = picture.height - 8;
  assert.ok(
    picture.darkPixels(8, captionTop, 8 + 112, captionBottom) > 50,
    "expected dark text pixels under the first image; is a font (fonts-dejavu-core) installed?",
  );
  assert.equal(picture.darkPixels(8 + 112 + 8, captionTop, 8 + 2 * 112 + 8, captionBottom), 0);
});

Deno.test("a captioned grid stacks the images of a cell top to bottom", async () => {
  const png = await captionedGridPng([{ images: [filled(1), filled(0)] }], {
    scale: 1,
    gap: 0,
    imageGap: 3,
  });
  const picture = await decodeGrey(png);
  assert.equal(picture.height, 28 + 3 + 28);
  assert.equal(picture.at(5, 5), 255);
  assert.equal(picture.at(5, 29), 255);
  assert.equal(picture.at(5, 40), 0);
});

Deno.test("a captioned grid rejects an image of the wrong size with the expected size", async () => {
  await assert.rejects(
    () => captionedGridPng([{ images: [new Float32Array(100)] }]),
    /image 0 of cell 0 has 100 values, expected 784 \(28x28\)/,
  );
  await assert.rejects(() => captionedGridPng([]), /at least one cell/);
  await assert.rejects(
    () => captionedGridPng([{ images: [filled(0)] }], { scale: 0 }),
    /scale must be an integer >= 1, got 0/,
  );
});

Deno.test("escapeXml makes class names safe inside SVG text", () => {
  assert.equal(escapeXml(`T-shirt/top & "<b>'s`), "T-shirt/top &amp; &quot;&lt;b&gt;&apos;s");
});
