/**
 * What the browser tests share: where Chromium is, the flags it needs on a closed network, a
 * persistent context whose every request is logged (and any that would leave 127.0.0.1 aborted),
 * and reading the viewer's addresses from its output.
 *
 * @module
 */
import { existsSync } from "node:fs";
import type { BrowserContext } from "playwright-core";

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** Whether the browser tests can run here; when not, they are skipped with a message. */
export const HAS_CHROMIUM = Deno.build.os !== "windows" && existsSync(CHROMIUM);

/** Flags for Chromium on a closed network (no background connections, no sandbox as root). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Prints why a browser test is skipped. */
export function sayWhySkipped(test: string): void {
  if (HAS_CHROMIUM) return;
  console.log(
    `${test}: skipped, no Chromium at ${CHROMIUM}. Install Debian's chromium ` +
      `(apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`,
  );
}

/** A Chromium context with a fresh profile, and every URL it asked for. */
export interface LoggedBrowser {
  context: BrowserContext;
  /** Every request the pages made, in order (from route interception, so nothing slips by). */
  requests: string[];
  /** Requests to anywhere but `origin`; they are aborted, and the test fails on any. */
  outside: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a new profile; every request of every page goes through a
 * route that logs it and lets through only those to `origin` (e.g. "http://127.0.0.1:41234").
 *
 * @example
 * ```ts
 * const browser = await launchLoggedBrowser("http://127.0.0.1:41234");
 * assert.deepEqual(browser.outside, []);
 * ```
 */
export async function launchLoggedBrowser(origin: string): Promise<LoggedBrowser> {
  const { chromium } = await import("playwright-core");
  const userDataDirectory = await Deno.makeTempDir({ prefix: "viewer-chromium-" });
  const context = await chromium.launchPersistentContext(userDataDirectory, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === origin || url.startsWith(`${origin}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  // Websockets bypass routes; they are logged here (the viewer's socket.io uses polling).
  context.on("page", (page) => page.on("websocket", (socket) => requests.push(socket.url())));
  return {
    context,
    requests,
    outside,
    async close() {
      await context.close();
      await Deno.remove(userDataDirectory, { recursive: true }).catch(() => {});
    },
  };
}

/**
 * Reads the viewer's output until `pattern` matched (its first group is returned), and keeps
 * draining the stream afterwards so the viewer never blocks on a full pipe.
 *
 * @example
 * ```ts
 * const url = await waitForOutput(viewer.stdout, output, /Run viewer: (\S+)/, 120_000);
 * ```
 */
export async function waitForOutput(
  stream: ReadableStream<Uint8Array>,
  output: string[],
  pattern: RegExp,
  timeoutMilliseconds: number,
): Promise<string> {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the viewer did not print ${pattern}: ${output.join("")}`)),
      timeoutMilliseconds,
    );
  });
  const found = (async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the viewer ended before printing ${pattern}: ${output.join("")}`);
      output.push(value);
      const match = output.join("").match(pattern);
      if (match) return match[1];
    }
  })();
  try {
    return await Promise.race([found, timeout]);
  } finally {
    clearTimeout(timer);
    (async () => {
      while (true) {
        const { value, done } = await reader.read().catch(() => ({ value: "", done: true }));
        if (done) break;
        output.push(value);
      }
    })();
  }
}

/**
 * Stops a viewer with SIGINT, as Ctrl-C would, and waits up to 20 s; SIGKILL after that.
 * Returns its status, or null when it had to be killed.
 *
 * @example
 * ```ts
 * const status = await stopViewer(viewer);
 * ```
 */
export async function stopViewer(viewer: Deno.ChildProcess): Promise<Deno.CommandStatus | null> {
  try {
    viewer.kill("SIGINT");
  } catch {
    // Already ended.
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const status = await Promise.race([
    viewer.status,
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), 20_000);
    }),
  ]);
  clearTimeout(timer);
  if (status === null) viewer.kill("SIGKILL");
  return status;
}
