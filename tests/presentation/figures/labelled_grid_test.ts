import assert from "node:assert/strict";
import { labelledImageGridPng } from "../../../lib/presentation/figures/labelled_grid.ts";
import { decodeGrey } from "./png_pixels.ts";

const CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"];

Deno.test("a 5x5 labelled grid has 25 cells with a label under each", async () => {
  const pixels = new Float32Array(25 * 784).fill(1);
  const labels = Array.from({ length: 25 }, (_, index) => CLASS_NAMES[index % 5]);
  const png = await labelledImageGridPng(pixels, labels, { columns: 5, scale: 2, gap: 6 });
  const picture = await decodeGrey(png);
  const side = 56;
  const captionHeight = Math.ceil(14 * 1.3) + 4;
  assert.equal(picture.width, 5 * side + 6 * 6);
  assert.equal(picture.height, 5 * (side + captionHeight) + 6 * 6);
  for (let row = 0; row < 5; row++) {
    for (let column = 0; column < 5; column++) {
      const left = 6 + column * (side + 6);
      const top = 6 + row * (side + captionHeight + 6);
      assert.equal(picture.at(left + 10, top + 10), 255, `image ${row * 5 + column} is drawn`);
      const text = picture.darkPixels(left, top + side, left + side, top + side + captionHeight);
      assert.ok(text > 10, `label under image ${row * 5 + column} (${text} dark pixels)`);
    }
  }
});

Deno.test("a labelled grid draws only `count` images when asked", async () => {
  const png = await labelledImageGridPng(new Float32Array(3 * 784), ["Bag", "Bag", "Bag"], {
    count: 2,
    scale: 1,
    gap: 0,
  });
  assert.equal((await decodeGrey(png)).width, 56);
});

Deno.test("a labelled grid with too few labels or pixels says what it expected", async () => {
  await assert.rejects(
    () => labelledImageGridPng(new Float32Array(2 * 784), ["Bag"], { count: 2 }),
    /got 1 labels for 2 images; expected one label per image/,
  );
  await assert.rejects(
    () => labelledImageGridPng(new Float32Array(784), ["Bag", "Coat"]),
    /got 784 pixel values for 2 images of 28x28; expected 1568/,
  );
});
