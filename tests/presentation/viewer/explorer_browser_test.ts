/**
 * The latent explorer in a real browser. The setup trains three small real runs with the CLI
 * (`deno task train --limit 300 --epochs 1 --batch-size 8`: a CAE with a 2-d latent, a dense AE
 * with 20, a VAE with 3), serves them with `deno task plot --no-open`, and drives headless Chromium:
 *
 * - each run's page loads the run's own `model.json` + `weights.bin` (byte for byte the files on
 *   disk) with TensorFlow.js and draws the map;
 * - the pointer goes to two places on the map: the decoded images differ, each is decoded at the
 *   map point under the pointer, and each equals the Deno-side decode of the same latent point
 *   (the inverse projection of `latents.json`, decoded by the model `loadModel` reads) to 1e-4,
 *   also as drawn on the canvas (to one grey level);
 * - on the VAE, clicking two test points shows each original (the dataset's pixels) and its
 *   reconstruction (Deno's encode + decode to 1e-4) and the interpolation strip between them;
 * - every request of the browser is logged by route interception: none leaves 127.0.0.1.
 *
 * With EXPLORER_RUNS (run folders, comma-separated) a second test does the same checks on those
 * runs, without training, and saves the README's screenshot of the first run to
 * EXPLORER_SCREENSHOT:
 *
 *   EXPLORER_RUNS=runs/results-vae-latent2,runs/results-cae-latent20 \
 *   EXPLORER_SCREENSHOT=notebooks/figures/latent-explorer.png \
 *   deno test -A tests/presentation/viewer/explorer_browser_test.ts
 *
 * Needs Chromium (see browser_helpers.ts); skipped with a message without it.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadFashionMnist } from "../../../lib/data/fashion_mnist.ts";
import { splitAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import type { ModelKind } from "../../../lib/models/kinds.ts";
import { loadModel } from "../../../lib/training/run_folder/checkpoint.ts";
import { readRunConfig } from "../../../lib/training/run_folder/config_file.ts";
import { latentOfMapPoint } from "../../../lib/training/run_folder/latent_projection.ts";
import { readLatentsFile } from "../../../lib/training/run_folder/latents_file.ts";
import { decodeLatents } from "../../../lib/uses/generation/decode_latents.ts";
import { useBackend } from "../../helpers/backend.ts";
import { runTask } from "../../helpers/task_command.ts";
import {
  HAS_CHROMIUM,
  launchLoggedBrowser,
  type LoggedBrowser,
  sayWhySkipped,
  stopViewer,
  waitForOutput,
} from "./browser_helpers.ts";
import { plotTaskCommand } from "./fixtures.ts";

sayWhySkipped("explorer_browser_test");

type Page = Awaited<ReturnType<LoggedBrowser["context"]["newPage"]>>;

interface PageDecode {
  mapPoint: [number, number];
  latent: number[];
  pixels: number[];
}

interface PageSelection {
  index: number;
  latent: number[];
  pixels: number[];
  reconstruction: number[];
}

function largestDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length);
  let largest = 0;
  for (let index = 0; index < actual.length; index++) {
    largest = Math.max(largest, Math.abs(actual[index] - expected[index]));
  }
  return largest;
}

/** Where map point (x, y) is in the page's window, for the mouse. */
async function clientPosition(page: Page, x: number, y: number) {
  return await page.evaluate(`latentExplorer.clientPosition(${x}, ${y})`) as {
    x: number;
    y: number;
  };
}

/** Loads the run's page and checks decoding at two map points against Deno's decode. */
async function checkRun(page: Page, url: string, directory: string, select: boolean) {
  const config = await readRunConfig(directory);
  const kind = config?.model as ModelKind;
  const latents = (await readLatentsFile(directory))!;
  const projection = latents.projection!;
  const latentDim = latents.latentDim!;
  await page.goto(url);
  await page.waitForFunction("globalThis.latentExplorer?.state.ready === true", undefined, {
    timeout: 120_000,
  });
  const note = await page.locator("#map-note").textContent() ?? "";
  assert.match(note, latentDim > 2 ? /first two principal components \(PCA\)/ : /as they are/);

  // The page loaded the CLI's committed checkpoint itself, byte for byte.
  const { folder } = JSON.parse(await Deno.readTextFile(join(directory, "checkpoint.json")));
  for (const file of ["model.json", "weights.bin"]) {
    const served = new Uint8Array(await (await fetch(new URL(`model/${file}`, url))).arrayBuffer());
    assert.deepEqual(served, await Deno.readFile(join(directory, folder, file)), file);
  }

  const model = await loadModel(directory);
  const bundle = splitAutoencoder(model, kind);
  // Two far-apart test points: the first one, and the one farthest from it on the map.
  const first = latents.points[0];
  const far = latents.points.reduce((best, point) =>
    Math.hypot(point.x - first.x, point.y - first.y) >
        Math.hypot(best.x - first.x, best.y - first.y)
      ? point
      : best
  );
  const decodes: PageDecode[] = [];
  for (const target of [first, far]) {
    const position = await clientPosition(page, target.x, target.y);
    await page.mouse.move(position.x, position.y);
    await page.evaluate("latentExplorer.idle()");
    const decoded = await page.evaluate("latentExplorer.state.lastDecode") as PageDecode;
    const back = await clientPosition(page, decoded.mapPoint[0], decoded.mapPoint[1]);
    assert.ok(
      Math.hypot(back.x - position.x, back.y - position.y) < 0.01,
      "the page decoded the map point under the pointer",
    );
    const latent = latentOfMapPoint(projection, latentDim, ...decoded.mapPoint);
    assert.ok(largestDifference(decoded.latent, latent) < 1e-9, "the same inverse projection");
    const expected = decodeLatents(bundle.decoder, latent);
    const difference = largestDifference(decoded.pixels, expected);
    assert.ok(difference <= 1e-4, `browser vs Deno decode differ by ${difference}`);
    const drawn = await page.evaluate("latentExplorer.decodedCanvasValues()") as number[];
    assert.ok(
      largestDifference(drawn, Array.from(expected, (value) => Math.round(value * 255))) <= 1,
      "the canvas shows the decoded image",
    );
    decodes.push(decoded);
  }
  const apart = largestDifference(decodes[0].pixels, decodes[1].pixels);
  // More than 10× the browser-vs-Deno tolerance apart (a 1-epoch VAE on 300 images decodes
  // faint variations of one mean image, a few thousandths apart).
  assert.ok(apart > 1e-3, `two places on the map decode to different images (${apart})`);

  if (select) {
    const data = await loadFashionMnist({ download: false });
    for (const target of [first, far]) {
      const position = await clientPosition(page, target.x, target.y);
      await page.mouse.click(position.x, position.y);
      await page.evaluate("latentExplorer.idle()");
    }
    const selection = await page.evaluate("latentExplorer.state.selection") as PageSelection[];
    assert.equal(selection.length, 2);
    const reconstructions: Float32Array[] = [];
    const codes: number[][] = [];
    for (const selected of selection) {
      const image = data.image(selected.index, latents.split ?? "test");
      assert.ok(largestDifference(selected.pixels, image) < 1e-7, "the original is the image");
      const code = tf.tidy(() =>
        Array.from(
          (bundle.encoder.predict(tf.tensor4d(image, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
        )
      );
      assert.ok(largestDifference(selected.latent, code) <= 1e-4, "the page encodes as Deno");
      const reconstruction = decodeLatents(bundle.decoder, code);
      const difference = largestDifference(selected.reconstruction, reconstruction);
      assert.ok(difference <= 1e-4, `reconstruction differs from Deno's by ${difference}`);
      reconstructions.push(reconstruction);
      codes.push(code);
    }
    const strip = await page.evaluate("latentExplorer.state.interpolation") as {
      steps: number[];
      images: number[][];
    };
    assert.equal(strip.images.length, 10);
    assert.equal(await page.locator("#strip canvas").count(), 10);
    assert.ok(largestDifference(strip.images[0], reconstructions[0]) <= 1e-4);
    assert.ok(largestDifference(strip.images[9], reconstructions[1]) <= 1e-4);
    const t = strip.steps[4];
    const middle = decodeLatents(
      bundle.decoder,
      codes[0].map((value, index) => value + t * (codes[1][index] - value)),
    );
    assert.ok(largestDifference(strip.images[4], middle) <= 1e-4, "the strip decodes the line");
    // Leave the pointer between the two, as a learner would.
    const marker = await clientPosition(page, (first.x + far.x) / 2, (first.y + far.y) / 2);
    await page.mouse.move(marker.x, marker.y);
    await page.evaluate("latentExplorer.idle()");
  }
  const timings = await page.evaluate(
    "({ backend: latentExplorer.state.backend, ...latentExplorer.state.timings })",
  );
  bundle.decoder.dispose();
  model.dispose();
  return { kind, latentDim, points: latents.points.length, timings };
}

/** Serves `directories` with `deno task plot`, checks every run's explorer, saves a screenshot. */
async function exploreRuns(directories: string[], screenshotPath: string, selectIn: string[]) {
  await useBackend();
  const viewer = (await plotTaskCommand(["--no-open", ...directories])).spawn();
  const output: string[] = [];
  const stderrText = new Response(viewer.stderr).text();
  let browser: LoggedBrowser | undefined;
  try {
    // The viewer's address, then one line per run's explorer.
    const url = await waitForOutput(
      viewer.stdout,
      output,
      new RegExp(
        `Run viewer: (http://127\\.0\\.0\\.1:\\d+/).*\\n(Latent explorer: .*\\n){${directories.length}}`,
      ),
      120_000,
    );
    const links = [...output.join("").matchAll(/^Latent explorer: .+?: (http:\S+)$/gm)]
      .map((match) => match[1]);
    assert.equal(links.length, directories.length, output.join(""));
    browser = await launchLoggedBrowser(url.slice(0, -1));
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const checked = [];
    // The screenshot shows the first run, so it is checked last.
    for (const position of [...directories.keys()].reverse()) {
      const select = selectIn.includes(directories[position]);
      checked.push(await checkRun(page, links[position], directories[position], select));
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(browser.outside, [], "no request leaves 127.0.0.1");
    for (const link of links) {
      assert.ok(browser.requests.includes(`${link}model/model.json`));
      assert.ok(browser.requests.includes(`${link}model/weights.bin`));
    }
    assert.ok(browser.requests.includes(`${url}explorer/static/tf.min.js`));
    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(`screenshot: ${screenshotPath}`);
    console.log(checked.map((run) => JSON.stringify(run)).join("\n"));
  } finally {
    const status = await stopViewer(viewer);
    await browser?.close();
    assert.equal(status?.code, 0, await stderrText);
  }
}

Deno.test({
  name: "the latent explorer decodes in the browser what Deno decodes, for CAE, dense and VAE runs",
  ignore: !HAS_CHROMIUM,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const root = await Deno.makeTempDir({ prefix: "explorer-runs-" });
    try {
      const runs: [string, number][] = [["cae", 2], ["dense", 20], ["vae", 3]];
      const directories: string[] = [];
      for (const [kind, latentDim] of runs) {
        const directory = join(root, `${kind}-latent${latentDim}`);
        const { code, text } = await runTask(
          "train",
          ...["--model", kind, "--latent-dim", String(latentDim), "--limit", "300"],
          ...["--epochs", "1", "--batch-size", "8", "--seed", "1", "--out", directory],
        );
        assert.equal(code, 0, text);
        assert.match(text, /Latents: .+latents\.json \(300 test images/);
        directories.push(directory);
      }
      const screenshot = await Deno.makeTempFile({ prefix: "explorer-", suffix: ".png" });
      await exploreRuns(directories, screenshot, [directories[2]]);
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
});

const REAL_RUNS = Deno.env.get("EXPLORER_RUNS")?.split(",").filter((run) => run !== "");

Deno.test({
  name:
    "the latent explorer on the runs of EXPLORER_RUNS: the same checks, the README's screenshot",
  ignore: !HAS_CHROMIUM || !REAL_RUNS?.length,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const screenshot = Deno.env.get("EXPLORER_SCREENSHOT");
    assert.ok(screenshot, "set EXPLORER_SCREENSHOT to the PNG to write");
    await exploreRuns(REAL_RUNS!, screenshot, [REAL_RUNS![0]]);
  },
});
