/**
 * The run viewer in a real browser: starts `deno task plot --no-open` on the two fixture runs,
 * drives headless Chromium with playwright-core, checks that every chart rendered (titles, axis
 * titles, traces, points, hover text, Plotly served locally), saves a screenshot, and stops the
 * viewer with SIGINT as Ctrl-C would.
 *
 * Needs Chromium: Debian's `chromium` at /usr/bin/chromium, or CHROMIUM_PATH. Without it the test
 * is skipped with a message. The screenshot goes to a temporary file, or to RUN_VIEWER_SCREENSHOT
 * when set (the README's picture: RUN_VIEWER_SCREENSHOT=notebooks/figures/run-viewer.png).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { CAE_RUN, plotTaskCommand, VAE_RUN } from "./fixtures.ts";

const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";
const HAS_CHROMIUM = Deno.build.os !== "windows" && existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.log(
    `viewer_browser_test: skipped, no Chromium at ${CHROMIUM}. Install Debian's chromium ` +
      `(apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`,
  );
}

/** Flags for Chromium on a closed network (no background connections, no sandbox as root). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

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

/** Reads lines of the viewer's output until one has its address; keeps reading the rest. */
async function waitForAddress(
  stream: ReadableStream<Uint8Array>,
  output: string[],
  timeoutMilliseconds: number,
): Promise<string> {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the viewer printed no address: ${output.join("")}`)),
      timeoutMilliseconds,
    );
  });
  const found = (async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the viewer ended before printing its address: ${output.join("")}`);
      output.push(value);
      const match = output.join("").match(/Run viewer: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) return match[1];
    }
  })();
  try {
    return await Promise.race([found, timeout]);
  } finally {
    clearTimeout(timer);
    // Keep draining so the viewer never blocks on a full pipe.
    (async () => {
      while (true) {
        const { value, done } = await reader.read().catch(() => ({ value: "", done: true }));
        if (done) break;
        output.push(value);
      }
    })();
  }
}

Deno.test({
  name: "the run viewer renders every chart in headless Chromium and stops on SIGINT",
  ignore: !HAS_CHROMIUM,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const { chromium } = await import("playwright-core");
    const latents = JSON.parse(await Deno.readTextFile(`${CAE_RUN}/latents.json`)) as {
      points: { label: number; index: number }[];
    };
    const viewer = (await plotTaskCommand(["--no-open", CAE_RUN, VAE_RUN])).spawn();
    const output: string[] = [];
    const stderrText = new Response(viewer.stderr).text();
    const userDataDirectory = await Deno.makeTempDir({ prefix: "viewer-chromium-" });
    let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
    let status: Deno.CommandStatus | null = null;
    try {
      const url = await waitForAddress(viewer.stdout, output, 120_000);
      browser = await chromium.launchPersistentContext(userDataDirectory, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      });
      const page = browser.pages()[0] ?? await browser.newPage();
      const requested: string[] = [];
      const localFailures: string[] = [];
      const consoleErrors: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      page.on("requestfailed", (request) => {
        if (request.url().startsWith(url)) localFailures.push(request.url());
      });
      page.on("response", (response) => {
        if (response.url().startsWith(url) && response.status() >= 400) {
          localFailures.push(`${response.status()} ${response.url()}`);
        }
      });
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      await page.goto(url);
      // A string, evaluated in the page (this file is type-checked without the DOM library).
      await page.waitForFunction(
        `[...document.querySelectorAll(".js-plotly-plot")].filter((plot) =>
          plot.querySelector(".scatterlayer .trace")).length === ${EXPECTED_CHARTS.length}`,
        undefined,
        { timeout: 60_000 },
      );
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

      // Plotly came from the viewer, nothing local failed; only web fonts (offline) may fail.
      assert.ok(requested.some((one) => one === `${url}plotly-1.58.4.min.js`));
      assert.deepEqual(requested.filter((one) => one.includes("cdn.plot.ly")), []);
      assert.deepEqual(localFailures, []);
      const unexpected = consoleErrors.filter((text) =>
        // nodeplotlib 1.1.2's page calls Plotly.react before its view exists (harmless: the
        // chart is drawn right after); external web fonts cannot load on a closed network.
        !text.includes("reading 'nativeElement'") && !text.startsWith("Failed to load resource")
      );
      assert.deepEqual(unexpected, []);

      await page.mouse.move(0, 0);
      const screenshotPath = Deno.env.get("RUN_VIEWER_SCREENSHOT") ??
        await Deno.makeTempFile({ prefix: "run-viewer-", suffix: ".png" });
      const png = await page.screenshot({ path: screenshotPath, fullPage: true });
      const size = readPngSize(new Uint8Array(png));
      assert.equal(size.width, 1280);
      assert.ok(size.height > 1500, `the page shows all charts (height ${size.height})`);
      console.log(`screenshot: ${screenshotPath}`);
    } finally {
      // Stop the viewer while the page is still connected, as Ctrl-C during use would.
      try {
        viewer.kill("SIGINT");
      } catch {
        // Already ended.
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      status = await Promise.race([
        viewer.status,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), 20_000);
        }),
      ]);
      clearTimeout(timer);
      if (status === null) viewer.kill("SIGKILL");
      await browser?.close();
      await Deno.remove(userDataDirectory, { recursive: true }).catch(() => {});
    }
    const stderr = await stderrText;
    assert.ok(status, "the viewer stops within 20 s of SIGINT");
    assert.equal(status.code, 0, `exit code 0 after SIGINT; stderr: ${stderr}`);
    const stdout = output.join("");
    assert.match(stdout, /^cae-latent2-small: cae, latent 2, 4 epochs/m);
    assert.match(stdout, /Run viewer stopped\.\n?$/);
  },
});
