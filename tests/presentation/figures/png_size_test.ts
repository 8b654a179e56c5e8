import assert from "node:assert/strict";
import sharp from "sharp";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";

Deno.test("readPngSize reads width and height from the PNG header", async () => {
  const png = await sharp({ create: { width: 7, height: 3, channels: 3, background: "red" } })
    .png().toBuffer();
  assert.deepEqual(readPngSize(new Uint8Array(png)), { width: 7, height: 3 });
});

Deno.test("readPngSize refuses bytes that are not a PNG and shows how they start", () => {
  assert.throws(
    () => readPngSize(new TextEncoder().encode("runs/figures/loss.png")),
    /Expected PNG bytes .* got 21 bytes starting 72 75 6e 73/,
  );
});
