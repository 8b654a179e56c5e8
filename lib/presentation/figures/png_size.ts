/**
 * Reads a PNG's width and height from its header, without decoding it.
 *
 * @module
 */

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * Width and height in pixels of PNG bytes (from the IHDR chunk).
 *
 * @throws {TypeError} When the bytes do not start with a PNG signature and IHDR chunk.
 *
 * @example
 * ```ts
 * const { width, height } = readPngSize(await Deno.readFile("grid.png"));
 * ```
 */
export function readPngSize(png: Uint8Array): { width: number; height: number } {
  const isPng = png.length >= 24 && PNG_SIGNATURE.every((byte, index) => png[index] === byte) &&
    String.fromCharCode(...png.subarray(12, 16)) === "IHDR";
  if (!isPng) {
    const start = Array.from(png.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0"));
    throw new TypeError(
      `Expected PNG bytes (starting 89 50 4e 47 0d 0a 1a 0a, then an IHDR chunk), got ` +
        `${png.length} bytes starting ${start.join(" ") || "(nothing)"}. ` +
        `Pass the Uint8Array a *Png function returned, not a file path or base64 text.`,
    );
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
