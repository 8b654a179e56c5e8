import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import {
  createUpdatableDisplay,
  FIGURES_DIRECTORY_VARIABLE,
  findKernel,
  show,
} from "../../../lib/presentation/notebook/display.ts";
import {
  chartPicture,
  markdown,
  picture,
} from "../../../lib/presentation/notebook/display_item.ts";
import { imageGridPng } from "../../../lib/presentation/figures/image_grid.ts";
import { lossCurveSpec } from "../../../lib/presentation/charts/loss_curve_spec.ts";
import { recordingKernel } from "./fake_kernel.ts";

const gridPng = () => imageGridPng(new Float32Array(2 * 784).fill(0.5), 2, { scale: 1 });
const curve = lossCurveSpec([{ name: "train", points: [{ epoch: 1, loss: 0.1 }] }]);

Deno.test("outside the kernel there is no Jupyter to display to", () => {
  assert.equal(findKernel(), undefined);
});

Deno.test("outside the kernel show() writes the PNG to the figures folder and prints its path", async () => {
  const folder = await Deno.makeTempDir();
  const lines: string[] = [];
  const png = await gridPng();
  const written = await show(picture(png, { name: "two images" }), {
    kernel: null,
    figuresDirectory: join(folder, "figures"),
    print: (line) => lines.push(line),
  });
  const path = join(folder, "figures", "two_images.png");
  assert.deepEqual(written, { path, specPath: undefined });
  assert.deepEqual(lines, [`figure: ${path}`]);
  assert.deepEqual(await Deno.readFile(path), png);
  await Deno.remove(folder, { recursive: true });
});

Deno.test("outside the kernel a chart is written with its Vega-Lite spec beside it", async () => {
  const folder = await Deno.makeTempDir();
  const lines: string[] = [];
  const written = await show(await chartPicture(curve, { name: "loss" }), {
    figuresDirectory: folder,
    print: (line) => lines.push(line),
  });
  assert.equal(written?.specPath, join(folder, "loss.vega-lite.json"));
  assert.deepEqual(JSON.parse(await Deno.readTextFile(written!.specPath!)), curve);
  assert.match(lines[0], /^figure: .*loss\.png \(Vega-Lite spec: .*loss\.vega-lite\.json\)$/);
  await Deno.remove(folder, { recursive: true });
});

Deno.test("outside the kernel the figures folder comes from AE_FIGURES_DIR when not given", async () => {
  const folder = await Deno.makeTempDir();
  const written = await show(await gridPng(), {
    readEnvironment: (name) => name === FIGURES_DIRECTORY_VARIABLE ? folder : undefined,
    print: () => {},
  });
  assert.ok(written?.path.startsWith(folder), `${written?.path} is in ${folder}`);
  assert.match(written!.path, /figure-\d{8}-\d{6}-[0-9a-f]{8}\.png$/);
  await Deno.remove(folder, { recursive: true });
});

Deno.test("outside the kernel text and Markdown are printed, nothing is written", async () => {
  const lines: string[] = [];
  assert.equal(await show("plain words", { print: (line) => lines.push(line) }), undefined);
  await show(markdown("**bold**"), { print: (line) => lines.push(line) });
  assert.deepEqual(lines, ["plain words", "**bold**"]);
});

Deno.test("in the kernel show() broadcasts display_data with the PNG as base64", async () => {
  const { kernel, messages } = recordingKernel();
  const png = await gridPng();
  assert.equal(await show(png, { kernel }), undefined);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].messageType, "display_data");
  const data = messages[0].content.data!;
  assert.deepEqual(new Uint8Array(Buffer.from(data["image/png"] as string, "base64")), png);
  assert.equal(data["text/plain"], "picture (68x36 PNG)");
});

Deno.test("in the kernel a chart carries the Vega-Lite spec and its display size", async () => {
  const { kernel, messages } = recordingKernel();
  const chart = await chartPicture(curve);
  await show(chart, { kernel });
  const { data, metadata } = messages[0].content;
  assert.deepEqual(data!["application/vnd.vegalite.v5+json"], curve);
  assert.deepEqual(metadata, {
    "image/png": { width: chart.displayWidth, height: chart.displayHeight },
  });
});

Deno.test("an updatable display sends display_data once, then update_display_data with one id", async () => {
  const { kernel, messages } = recordingKernel();
  const display = createUpdatableDisplay({ kernel });
  assert.equal(display.inNotebook, true);
  await display.update("first");
  await display.update("second");
  await display.update(markdown("third"));
  assert.deepEqual(messages.map((message) => message.messageType), [
    "display_data",
    "update_display_data",
    "update_display_data",
  ]);
  const ids = new Set(messages.map((message) => message.content.transient?.display_id));
  assert.equal(ids.size, 1);
  assert.match([...ids][0]!, /^fmnist-/);
  assert.equal(messages[2].content.data!["text/markdown"], "third");
});

Deno.test("outside the kernel an updatable display rewrites one file", async () => {
  const folder = await Deno.makeTempDir();
  const display = createUpdatableDisplay({
    kernel: null,
    figuresDirectory: folder,
    print: () => {},
  });
  assert.equal(display.inNotebook, false);
  const first = await display.update(await gridPng());
  const second = await display.update(await gridPng());
  assert.equal(first?.path, second?.path);
  assert.equal([...Deno.readDirSync(folder)].length, 1);
  await Deno.remove(folder, { recursive: true });
});

Deno.test("a figure that cannot be written names the folder and what to do", async () => {
  const file = await Deno.makeTempFile();
  await assert.rejects(
    async () =>
      show(picture(await gridPng(), { name: "x" }), { figuresDirectory: file, print: () => {} }),
    /could not write the figure "x\.png" to .*Set AE_FIGURES_DIR or the figuresDirectory option/,
  );
  await Deno.remove(file);
});
