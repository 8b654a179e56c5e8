import assert from "node:assert/strict";
import { lossCurveSpec } from "../../../lib/presentation/charts/loss_curve_spec.ts";
import { scatterSpec } from "../../../lib/presentation/charts/scatter_spec.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import {
  renderVegaLiteChart,
  renderVegaLitePng,
  renderVegaLiteSvg,
  svgToPng,
} from "../../../lib/presentation/charts/vega_render.ts";
import { VEGA_LITE_SCHEMA } from "../../../lib/presentation/charts/vega_lite_spec.ts";
import { decodeGrey } from "../figures/png_pixels.ts";

const series = [
  { name: "train", points: [{ epoch: 1, loss: 0.05 }, { epoch: 2, loss: 0.03 }] },
  { name: "test", points: [{ epoch: 1, loss: 0.045 }, { epoch: 2, loss: 0.032 }] },
];

function svgSize(svg: string): { width: number; height: number } {
  const match = svg.match(/<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/);
  assert.ok(match, "the SVG has width and height attributes");
  return { width: Number(match[1]), height: Number(match[2]) };
}

Deno.test("a loss curve renders to SVG with its title, axis titles and legend", async () => {
  const svg = await renderVegaLiteSvg(lossCurveSpec(series, { title: "Dense autoencoder" }));
  assert.match(svg, /^<svg/);
  for (const text of ["Dense autoencoder", "epoch", "loss per image", "train", "test"]) {
    assert.ok(svg.includes(`>${text}</text>`), `the SVG shows "${text}"`);
  }
  const { width, height } = svgSize(svg);
  assert.ok(
    width > 420 && height > 240,
    `plot plus axes is larger than the plot: ${width}x${height}`,
  );
});

Deno.test("a chart PNG is the SVG's size times the scale, on a white background", async () => {
  const spec = lossCurveSpec(series);
  const { width, height } = svgSize(await renderVegaLiteSvg(spec));
  const chart = await renderVegaLiteChart(spec, { scale: 2 });
  assert.deepEqual(readPngSize(chart.png), { width: chart.width, height: chart.height });
  assert.equal(chart.width, Math.round(width * 2));
  assert.equal(chart.height, Math.round(height * 2));
  assert.equal(chart.displayWidth, Math.round(width));
  const picture = await decodeGrey(chart.png);
  assert.equal(picture.at(1, 1), 255, "top-left corner is white");
  assert.ok(picture.darkPixels(0, 0, picture.width, picture.height) > 500, "lines and text drawn");
});

Deno.test("a scatter plot renders to PNG with its points in colour", async () => {
  const points = Array.from({ length: 40 }, (_, index) => ({
    x: Math.cos(index),
    y: Math.sin(index),
    category: index % 2 ? "Bag" : "Coat",
  }));
  const png = await renderVegaLitePng(scatterSpec(points), { scale: 1 });
  const { width, height } = readPngSize(png);
  assert.ok(width > 420 && height > 420);
  const { default: sharp } = await import("sharp");
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  for (let pixel = 0; pixel < info.width * info.height; pixel++) {
    const [red, green, blue] = [data[pixel * 3], data[pixel * 3 + 1], data[pixel * 3 + 2]];
    if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) coloured++;
  }
  assert.ok(coloured > 200, `expected coloured point pixels, found ${coloured}`);
});

Deno.test("svgToPng scales by pixels per SVG unit", async () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20">' +
    '<rect width="30" height="20" fill="black"/></svg>';
  assert.deepEqual(readPngSize(await svgToPng(svg, { scale: 3 })), { width: 90, height: 60 });
  await assert.rejects(() => svgToPng(svg, { scale: 0 }), /scale must be in \(0, 8\]/);
});

Deno.test("an invalid Vega-Lite spec fails with a message about the spec", async () => {
  await assert.rejects(
    () => renderVegaLiteSvg({ $schema: VEGA_LITE_SCHEMA, mark: "no-such-mark" }),
    /Vega-Lite could not compile the chart spec/,
  );
});

Deno.test("rendering leaves the caller's spec unchanged (Vega marks the rows it reads)", async () => {
  const spec = lossCurveSpec(series);
  const before = structuredClone(spec);
  await renderVegaLitePng(spec);
  assert.deepEqual(spec, before);
  const rows = (spec.data as { values: object[] }).values;
  assert.equal(Object.getOwnPropertySymbols(rows[0]).length, 0);
});
