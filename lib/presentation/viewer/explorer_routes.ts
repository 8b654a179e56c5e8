/**
 * The latent explorer's part of the viewer's server: a small page of its own under `/explorer/`
 * (nodeplotlib's page is an Angular app that only draws Plotly charts sent over its socket, so it
 * cannot host a canvas that runs a model), with everything the page loads served from here:
 *
 * | path                               | what                                                       |
 * | ---------------------------------- | ---------------------------------------------------------- |
 * | `/explorer/`                       | redirects to the first explorable run                      |
 * | `/explorer/N/`                     | the page for run N (`explorer_page/explorer.html`)         |
 * | `/explorer/N/run.json`             | the run's name, sizes, epochs, classes, colours, warnings  |
 * | `/explorer/N/latents.json`         | its `latents.json`, as parsed                              |
 * | `/explorer/N/model/model.json`     | its checkpoint's `model.json`, byte for byte               |
 * | `/explorer/N/model/<weights file>` | the weight files `model.json` names, byte for byte         |
 * | `/explorer/N/image?index=I`        | image I of the latents' split: 784 bytes, 0–255            |
 * | `/explorer/static/...`             | the page's script and style, and TensorFlow.js' browser bundle (`tf.min.js` from the npm package) |
 *
 * @module
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ExplorerRun, ImageSource, UnexplorableRun } from "./explorer_runs.ts";
import { explorerRunDescription } from "./explorer_runs.ts";
import { escapeHtml, type ViewerLink } from "./viewer_page.ts";

/**
 * An answer of the explorer: a body, or a file to send, with its status and content type.
 *
 * @example
 * ```ts
 * const reply: ExplorerReply = { status: 200, type: "application/json", body: "{}" };
 * ```
 */
export interface ExplorerReply {
  status: number;
  type?: string;
  body?: Uint8Array | string;
  /** A file to send instead of `body`. */
  file?: string;
  /** Where a redirect goes. */
  location?: string;
}

/**
 * The explorer's routes, as {@link createExplorerSite} makes them.
 *
 * @example
 * ```ts
 * const reply = await site.reply("/explorer/0/run.json", new URLSearchParams());
 * ```
 */
export interface ExplorerSite {
  /** The answer for a GET of `path`, or undefined when the path is not the explorer's. */
  reply(path: string, query: URLSearchParams): Promise<ExplorerReply | undefined>;
  /** A link per explorable run, for the charts page and the terminal. */
  links: ViewerLink[];
}

const PAGE_FOLDER = new URL("./explorer_page/", import.meta.url);

const STATIC_TYPES: Record<string, string> = {
  "explorer.js": "text/javascript; charset=utf-8",
  "explorer.css": "text/css; charset=utf-8",
  "tf.min.js": "text/javascript; charset=utf-8",
};

function json(value: unknown): ExplorerReply {
  return { status: 200, type: "application/json; charset=utf-8", body: JSON.stringify(value) };
}

function notFound(message: string): ExplorerReply {
  return { status: 404, type: "text/plain; charset=utf-8", body: `404 Not Found: ${message}\n` };
}

function noRunsPage(skipped: readonly UnexplorableRun[]): ExplorerReply {
  const items = skipped.map((run) =>
    `<li><b>${escapeHtml(run.name)}</b>: ${escapeHtml(run.reason)}</li>`
  );
  return {
    status: 404,
    type: "text/html; charset=utf-8",
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Latent explorer` +
      `</title></head><body><h1>No run to explore</h1><ul>${items.join("")}</ul>` +
      `<p><a href="/">Back to the charts</a></p></body></html>\n`,
  };
}

/**
 * The explorer's routes for `runs` (explorable) and `skipped` (listed with their reasons when no
 * run can be explored). Reads the page once; TensorFlow.js' bundle is sent from `node_modules`.
 *
 * @example
 * ```ts
 * const site = await createExplorerSite([run], [], createImageSource());
 * console.log(site.links); // [{ href: "/explorer/0/", text: "Latent explorer: cae-latent2" }]
 * ```
 */
export async function createExplorerSite(
  runs: readonly ExplorerRun[],
  skipped: readonly UnexplorableRun[],
  images: ImageSource,
): Promise<ExplorerSite> {
  const html = await Deno.readTextFile(new URL("explorer.html", PAGE_FOLDER));
  const tfBundle = createRequire(import.meta.url).resolve("@tensorflow/tfjs/dist/tf.min.js");
  const staticFile = (name: string) =>
    name === "tf.min.js" ? tfBundle : fileURLToPath(new URL(name, PAGE_FOLDER));

  async function runReply(
    run: ExplorerRun,
    position: number,
    rest: string,
    query: URLSearchParams,
  ) {
    if (rest === "") return { status: 200, type: "text/html; charset=utf-8", body: html };
    if (rest === "run.json") return json(explorerRunDescription(runs, position));
    if (rest === "latents.json") return json(run.latents);
    if (rest === "model/model.json") {
      return { status: 200, type: "application/json; charset=utf-8", body: run.model.modelJson };
    }
    if (rest.startsWith("model/")) {
      const weights = run.model.weightFiles[decodeURIComponent(rest.slice("model/".length))];
      if (weights) return { status: 200, type: "application/octet-stream", body: weights };
      return notFound(`${run.name}'s model.json names no weight file ${rest.slice(6)}.`);
    }
    if (rest === "image") {
      const raw = query.get("index") ?? "";
      const index = /^\d+$/.test(raw) ? Number(raw) : NaN;
      try {
        const pixels = await images.image(run.latents.split ?? "test", index);
        return { status: 200, type: "application/octet-stream", body: pixels };
      } catch (error) {
        return notFound((error as Error).message);
      }
    }
    return notFound(`the explorer has no ${rest}.`);
  }

  return {
    links: runs.map((run, position) => ({
      href: `/explorer/${position}/`,
      text: `Latent explorer: ${run.name}`,
    })),
    async reply(path, query) {
      if (path !== "/explorer" && !path.startsWith("/explorer/")) return undefined;
      if (path === "/explorer" || path === "/explorer/") {
        return runs.length > 0 ? { status: 302, location: "/explorer/0/" } : noRunsPage(skipped);
      }
      const staticName = path.match(/^\/explorer\/static\/([a-z.]+)$/)?.[1];
      if (staticName !== undefined) {
        const type = STATIC_TYPES[staticName];
        return type ? { status: 200, type, file: staticFile(staticName) } : notFound(path);
      }
      const match = path.match(/^\/explorer\/(\d+)(\/(.*))?$/);
      const position = Number(match?.[1]);
      if (!match || !(position < runs.length)) {
        return notFound(`${path}: there are ${runs.length} explorable runs, /explorer/0/ onwards.`);
      }
      if (match[2] === undefined) return { status: 301, location: `/explorer/${position}/` };
      return await runReply(runs[position], position, match[3], query);
    },
  };
}
