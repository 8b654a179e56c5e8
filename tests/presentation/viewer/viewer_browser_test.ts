/**
 * The run viewer in a real browser: starts `deno task plot --no-open` on the two fixture runs,
 * drives headless Chromium with playwright-core, checks that every chart rendered (titles, axis
 * titles, traces, points, hover text, Plotly served locally), that no request left 127.0.0.1,
 * saves a screenshot, and stops the viewer with SIGINT as Ctrl-C would.
 *
 * With RUN_VIEWER_RUNS (run folders, comma-separated) a second test does the same on those runs and
 * saves its screenshot to RUN_VIEWER_SCREENSHOT: the README's picture, on real runs:
 *
 *   RUN_VIEWER_RUNS=runs/results-cae-latent2,runs/results-vae-latent2,runs/anomaly-table \
 *   RUN_VIEWER_SCREENSHOT=notebooks/figures/run-viewer.png \
 *   deno test -A tests/presentation/viewer/viewer_browser_test.ts
 *
 * Needs Chromium: Debian's `chromium` at /usr/bin/chromium, or CHROMIUM_PATH. Without it the tests
 * are skipped with a message.
 */
import assert from "node:assert/strict";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import {
  HAS_CHROMIUM,
  launchLoggedBrowser,
  type LoggedBrowser,
  sayWhySkipped,
  stopViewer,
  waitForOutput,
} from "./browser_helpers.ts";
import { CAE_RUN, plotTaskCommand, VAE_RUN } from "./fixtures.ts";

sayWhySkipped("viewer_browser_test");

const EXPECTED_CHARTS = [
  { title: "Loss per epoch", x: "epoch", y: "loss per image", traces: 4 },
  { title: "Reconstruction term (rc) per epoch", x: "epoch", y: "rc per image", traces: 2 },
  { title: "KL term (kl) per epoch", x: "epoch", y: "kl per image", traces: 2 },
  { title: "Training throughput per epoch", x: "epoch", y: "images per second", traces: 2 },
  { title: "cae-latent2-small: Latent space, first 400 test images", x: "z1", y: "z2", traces: 10 },
  {
    title: "vae-latent2-small: Latent means, first 400 test images",
    x: "z1",
    y: "z2",
    traces: 10,
  },
  {
    title: "Fixture: reconstruction error as anomaly score, one class vs the rest",
    x: "false positive rate",
    y: "true positive rate",
    traces: 7,
  },
];

interface RenderedChart {
  title: string;
  x: string;
  y: string;
  traces: number;
  points: number;
  legend: string[];
}

/** Opens `url`, records console errors and failed local responses, waits for `charts` charts. */
async function openCharts(browser: LoggedBrowser, url: string, charts: number) {
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const localFailures: string[] = [];
  const consoleErrors: string[] = [];
  page.on("requestfailed", (request) => localFailures.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) localFailures.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(url);
  // A string, evaluated in the page (this file is type-checked without the DOM library).
  await page.waitForFunction(
    `[...document.querySelectorAll(".js-plotly-plot")].filter((plot) =>
      plot.querySelector(".scatterlayer .trace")).length === ${charts}`,
    undefined,
    { timeout: 60_000 },
  );
  return { page, localFailures, consoleErrors };
}

/** Nothing left 127.0.0.1, Plotly came from the viewer, nothing failed, no unexpected error. */
function assertLoadedLocally(
  browser: LoggedBrowser,
  url: string,
  loaded: { localFailures: string[]; consoleErrors: string[] },
): void {
  assert.deepEqual(browser.outside, [], "no request leaves 127.0.0.1");
  assert.ok(browser.requests.includes(`${url}plotly-1.58.4.min.js`));
  assert.deepEqual(loaded.localFailures, []);
  // nodeplotlib 1.1.2's page calls Plotly.react before its view exists (harmless: the chart is
  // drawn right after).
  const unexpected = loaded.consoleErrors.filter((text) =>
    !text.includes("reading 'nativeElement'")
  );
  assert.deepEqual(unexpected, []);
}

Deno.test({
  name:
    "the run viewer renders every chart in headless Chromium, loads nothing from outside and stops on SIGINT",
  ignore: !HAS_CHROMIUM,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const latents = JSON.parse(await Deno.readTextFile(`${CAE_RUN}/latents.json`)) as {
      points: { label: number; index: number }[];
    };
    const viewer = (await plotTaskCommand(["--no-open", CAE_RUN, VAE_RUN])).spawn();
    const output: string[] = [];
    const stderrText = new Response(viewer.stderr).text();
    let browser: LoggedBrowser | undefined;
    let status: Deno.CommandStatus | null = null;
    try {
      const url = await waitForOutput(
        viewer.stdout,
        output,
        /Run viewer: (http:\/\/127\.0\.0\.1:\d+\/)/,
        120_000,
      );
      browser = await launchLoggedBrowser(url.slice(0, -1));
      const loaded = await openCharts(browser, url, EXPECTED_CHARTS.length);
      const { page } = loaded;
      assert.equal(await page.title(), "Run viewer: cae-latent2-small, vae-latent2-small");
      assert.equal(
        await page.evaluate(() => (globalThis as { Plotly?: { version: string } }).Plotly?.version),
        "1.58.4",
      );

      const charts: RenderedChart[] = await page.locator(".js-plotly-plot").evaluateAll((plots) =>
        plots.map((plot) => ({
          title: plot.querySelector(".gtitle")?.textContent ?? "",
          x: plot.querySelector(".xtitle")?.textContent ?? "",
          y: plot.querySelector(".ytitle")?.textContent ?? "",
          traces: plot.querySelectorAll(".scatterlayer .trace").length,
          points: plot.querySelectorAll(".scatterlayer .trace .points path").length,
          legend: [...plot.querySelectorAll(".legendtext")].map((text) => text.textContent ?? ""),
        }))
      );
      assert.deepEqual(
        charts.map(({ title, x, y, traces }) => ({ title, x, y, traces })),
        EXPECTED_CHARTS,
      );
      assert.deepEqual(charts[0].legend, [
        "cae-latent2-small train",
        "cae-latent2-small test",
        "vae-latent2-small train",
        "vae-latent2-small test",
      ]);
      assert.equal(charts[0].points, 16, "4 lines of 4 epochs, one marker per epoch");
      assert.equal(charts[4].points, 400);
      assert.equal(charts[4].legend[7], "Sneaker");
      assert.match(
        charts[6].legend[0],
        /^cae-latent2-small: Trouser vs the rest \(AUROC 0\.\d{3}\)$/,
      );

      // Hovering a point of the CAE's latent scatter shows its class and index.
      const point = page.locator(".js-plotly-plot").nth(4).locator(".scatterlayer .trace")
        .nth(7).locator(".points path").first();
      await point.scrollIntoViewIfNeeded();
      const box = await point.boundingBox();
      assert.ok(box, "the first Sneaker point has a position");
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator(".js-plotly-plot").nth(4).locator(".hoverlayer .hovertext");
      await hover.first().waitFor({ timeout: 10_000 });
      const hoverText = (await hover.first().textContent()) ?? "";
      const match = hoverText.match(/class (.+?) \(label (\d)\)index (\d+)z1 (-?[\d.]+), z2/);
      assert.ok(match, `hover text "${hoverText}" shows class, label, index and coordinates`);
      const [, className, label, index] = match;
      const hovered = latents.points.find((one) => one.index === Number(index));
      assert.equal(hovered?.label, Number(label), "the hovered index has the hovered class");
      assert.equal(className, "Sneaker");

      assertLoadedLocally(browser, url, loaded);

      await page.mouse.move(0, 0);
      const screenshotPath = await Deno.makeTempFile({ prefix: "run-viewer-", suffix: ".png" });
      const png = await page.screenshot({ path: screenshotPath, fullPage: true });
      const size = readPngSize(new Uint8Array(png));
      assert.equal(size.width, 1280);
      assert.ok(size.height > 1500, `the page shows all charts (height ${size.height})`);
      console.log(`screenshot: ${screenshotPath}`);
    } finally {
      // Stop the viewer while the page is still connected, as Ctrl-C during use would.
      status = await stopViewer(viewer);
      await browser?.close();
    }
    const stderr = await stderrText;
    assert.ok(status, "the viewer stops within 20 s of SIGINT");
    assert.equal(status.code, 0, `exit code 0 after SIGINT; stderr: ${stderr}`);
    const stdout = output.join("");
    assert.match(stdout, /^cae-latent2-small: cae, latent 2, 4 epochs/m);
    assert.match(stdout, /Run viewer stopped\.\n?$/);
  },
});

const REAL_RUNS = Deno.env.get("RUN_VIEWER_RUNS")?.split(",").filter((run) => run !== "");

Deno.test({
  name: "the run viewer on the runs of RUN_VIEWER_RUNS: every chart drawn, the README's screenshot",
  ignore: !HAS_CHROMIUM || !REAL_RUNS?.length,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const screenshotPath = Deno.env.get("RUN_VIEWER_SCREENSHOT");
    assert.ok(screenshotPath, "set RUN_VIEWER_SCREENSHOT to the PNG to write");
    const viewer = (await plotTaskCommand(["--no-open", ...REAL_RUNS!])).spawn();
    const output: string[] = [];
    let browser: LoggedBrowser | undefined;
    try {
      const url = await waitForOutput(
        viewer.stdout,
        output,
        /Run viewer: (http:\/\/127\.0\.0\.1:\d+\/)/,
        120_000,
      );
      browser = await launchLoggedBrowser(url.slice(0, -1));
      // The charts the runs have: loss and throughput always; rc and kl with a VAE; one scatter
      // per latents.json; one ROC chart if any run has anomaly/roc.json.
      const text = output.join("");
      const vae = /: vae,/.test(text);
      const scatters = (text.match(/latents\.json \(\d+ points\)/g) ?? []).length;
      const roc = /anomaly\/roc\.json/.test(text) ? 1 : 0;
      const loaded = await openCharts(browser, url, 2 + (vae ? 2 : 0) + scatters + roc);
      assertLoadedLocally(browser, url, loaded);
      await loaded.page.mouse.move(0, 0);
      await loaded.page.screenshot({ path: screenshotPath, fullPage: true });
      console.log(`screenshot: ${screenshotPath}\n${text}`);
    } finally {
      await stopViewer(viewer);
      await browser?.close();
    }
  },
});
