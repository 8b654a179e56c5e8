import assert from "node:assert/strict";
import { imageGridPng } from "../../../lib/presentation/figures/image_grid.ts";
import { decodeGrey } from "./png_pixels.ts";

Deno.test("an image grid lays images out in rows with grey gaps", async () => {
  const pixels = new Float32Array(3 * 784);
  pixels.fill(1, 784, 2 * 784);
  const picture = await decodeGrey(await imageGridPng(pixels, 3, { columns: 2, scale: 1, gap: 2 }));
  assert.equal(picture.width, 2 * 28 + 3 * 2);
  assert.equal(picture.height, 2 * 28 + 3 * 2);
  assert.equal(picture.at(0, 0), 128, "gap is mid grey");
  assert.equal(picture.at(2, 2), 0, "first image is black");
  assert.equal(picture.at(2 + 28 + 2, 2), 255, "second image is white");
  assert.equal(picture.at(2, 2 + 28 + 2), 0, "third image starts the second row");
});

Deno.test("an image grid refuses fewer pixel values than images", async () => {
  await assert.rejects(() => imageGridPng(new Float32Array(784), 2), /expected 1568/);
});
