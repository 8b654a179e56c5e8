import assert from "node:assert/strict";
import { reconstructionGridPng } from "../../../lib/presentation/figures/reconstruction_grid.ts";
import {
  formatError,
  meanSquaredErrorPerImage,
} from "../../../lib/presentation/figures/reconstruction_error.ts";
import { decodeGrey } from "./png_pixels.ts";

Deno.test("a reconstruction grid shows each original above its reconstruction", async () => {
  const originals = new Float32Array(2 * 784).fill(1);
  const reconstructions = new Float32Array(2 * 784).fill(0);
  const png = await reconstructionGridPng(originals, reconstructions, {
    scale: 1,
    gap: 4,
    imageGap: 2,
    fontSize: 10,
  });
  const picture = await decodeGrey(png);
  const captionHeight = Math.ceil(10 * 1.3) + 4;
  assert.equal(picture.width, 2 * 28 + 3 * 4);
  assert.equal(picture.height, 28 + 2 + 28 + captionHeight + 2 * 4);
  assert.equal(picture.at(4 + 10, 4 + 10), 255, "original (white) on top");
  assert.equal(picture.at(4 + 10, 4 + 30 + 10), 0, "reconstruction (black) below");
  const caption = picture.darkPixels(4, 4 + 58, 4 + 28, picture.height - 4);
  assert.ok(caption > 10, "the error is printed under the pair");
});

Deno.test("a reconstruction grid with labels prints two caption lines", async () => {
  const images = new Float32Array(784).fill(1);
  const withLabels = await decodeGrey(
    await reconstructionGridPng(images, images, { labels: ["Sandal"], fontSize: 10 }),
  );
  const withoutLabels = await decodeGrey(
    await reconstructionGridPng(images, images, { fontSize: 10 }),
  );
  assert.equal(withLabels.height - withoutLabels.height, Math.ceil(10 * 1.3));
});

Deno.test("a reconstruction grid refuses arrays of different lengths and short labels", async () => {
  await assert.rejects(
    () => reconstructionGridPng(new Float32Array(784), new Float32Array(1568)),
    /784 original and 1568 reconstructed pixel values; expected the same number/,
  );
  await assert.rejects(
    () =>
      reconstructionGridPng(new Float32Array(1568), new Float32Array(1568), { labels: ["Bag"] }),
    /got 1 labels for 2 pairs/,
  );
});

Deno.test("the mean squared error per image averages over each image's pixels", () => {
  const errors = meanSquaredErrorPerImage(
    new Float32Array([0, 1, 1, 1, 0.5, 0.5]),
    new Float32Array([0, 0, 1, 1, 0, 0.5]),
    2,
  );
  assert.deepEqual(Array.from(errors), [0.5, 0, 0.125]);
  assert.throws(
    () => meanSquaredErrorPerImage(new Float32Array(3), new Float32Array(3), 2),
    /3 values/,
  );
});

Deno.test("errors are printed with three significant digits", () => {
  assert.equal(formatError(0.012345), "0.0123");
  assert.equal(formatError(0.00012345), "1.23e-4");
  assert.equal(formatError(268.4), "268");
  assert.equal(formatError(0), "0");
  assert.equal(formatError(NaN), "NaN");
});
