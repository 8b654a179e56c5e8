import assert from "node:assert/strict";
import { labelledRowsGridPng } from "../../../lib/presentation/figures/labelled_rows_grid.ts";
import { decodeGrey } from "./png_pixels.ts";

const images = (count: number, value: number) => new Float32Array(count * 784).fill(value);

Deno.test("a labelled rows grid lays rows of images after a label column", async () => {
  const png = await labelledRowsGridPng([
    { label: "VAE", images: images(3, 0) },
    { label: "CAE", images: images(2, 0.5) },
  ], { scale: 1, gap: 2, labelWidth: 40 });
  const picture = await decodeGrey(png);
  assert.equal(picture.width, 2 + 40 + 3 * (28 + 2));
  assert.equal(picture.height, 2 + 2 * (28 + 2));
  assert.equal(picture.channels, 1);
  const left = 2 + 40;
  assert.equal(picture.at(left, 2), 0); // first image of the first row
  assert.equal(picture.at(left + 2 * 30, 2), 0); // third image of the first row
  assert.equal(picture.at(left, 2 + 30), 128); // first image of the second row
  assert.equal(picture.at(left + 2 * 30 + 5, 2 + 30 + 5), 255); // the second row is shorter
  assert.ok(picture.darkPixels(0, 2, 40, 30) > 10, "the label is drawn in the label column");
});

Deno.test("column captions add a text line under the grid", async () => {
  const png = await labelledRowsGridPng([{ label: "", images: images(2, 1) }], {
    scale: 1,
    gap: 2,
    fontSize: 10,
    columnCaptions: ["t=0", "t=1"],
  });
  const picture = await decodeGrey(png);
  assert.equal(picture.height, 2 + 30 + Math.ceil(10 * 1.4));
  assert.ok(picture.darkPixels(0, 32, picture.width, picture.height) > 5);
});

Deno.test("a labelled rows grid refuses no rows and partial images", async () => {
  await assert.rejects(() => labelledRowsGridPng([]), /got no rows/);
  await assert.rejects(
    () => labelledRowsGridPng([{ label: "x", images: new Float32Array(100) }]),
    /row 0 \("x"\) has 100 values; expected a positive multiple of 784/,
  );
});
