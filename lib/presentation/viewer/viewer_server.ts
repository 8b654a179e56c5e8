/**
 * Serves charts on nodeplotlib's page. nodeplotlib's own `plot()` cannot be used as it is: it
 * listens on every network interface, opens a browser with `xdg-open` unless `NODEPLOTLIB_PORT`
 * is set (read once, when the module loads), gives no way to stop it, and its page loads Plotly
 * and fonts from CDNs. So this starts nodeplotlib's own server module (its Nest app: page, socket
 * gateway, plot service) the way `plot()` does, but on 127.0.0.1 only, without opening anything,
 * answering only requests addressed to `127.0.0.1:PORT` or `localhost:PORT` (HTTP and websocket,
 * see `request_guard.ts`), with a page that loads nothing from the internet (`/index.html` too;
 * other paths with a file extension are nodeplotlib's own files or 404), optionally the latent
 * explorer's pages (`explorer_routes.ts`), and returns a handle to close it.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import type { Server } from "node:http";
import type { ExplorerReply, ExplorerSite } from "./explorer_routes.ts";
import type { ViewerChart } from "./plotly_chart.ts";
import { guardServer } from "./request_guard.ts";
import { LOCAL_PLOTLY_PATH, offlineViewerPage } from "./viewer_page.ts";

/**
 * Options of {@link startRunViewer}.
 *
 * @example
 * ```ts
 * const options: RunViewerOptions = { charts, port: 0, title: "Run viewer: cae-latent2" };
 * ```
 */
export interface RunViewerOptions {
  /** Charts in page order. */
  charts: readonly ViewerChart[];
  /** Port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
  /** Title of the browser tab. Default "Run viewer". */
  title?: string;
  /** The latent explorer's pages, served under `/explorer/` and linked from the charts page. */
  explorer?: ExplorerSite;
}

/**
 * A running viewer: its address and how to stop it.
 *
 * @example
 * ```ts
 * const viewer = await startRunViewer({ charts });
 * console.log(viewer.url); // "http://127.0.0.1:40123/"
 * await viewer.close();
 * ```
 */
export interface RunViewer {
  url: string;
  port: number;
  /** Stops the server and closes the page's connections. */
  close(): Promise<void>;
}

/**
 * A viewer that could not start, e.g. because its port is taken; the CLI prints the message.
 *
 * @example
 * ```ts
 * try {
 *   await startRunViewer({ charts, port: 8080 });
 * } catch (error) {
 *   if (error instanceof ViewerServerError) console.error(error.message);
 * }
 * ```
 */
export class ViewerServerError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "ViewerServerError";
  }
}

interface HttpRequest {
  method: string;
  path: string;
  url: string;
}

interface HttpResponse {
  status(code: number): HttpResponse;
  type(type: string): HttpResponse;
  setHeader(name: string, value: string): void;
  send(body: string | Uint8Array): void;
  sendFile(path: string): void;
  redirect(status: number, location: string): void;
}

interface NestApplication {
  use(handler: (request: HttpRequest, response: HttpResponse, next: () => void) => void): void;
  get<T>(token: unknown): T;
  init(): Promise<unknown>;
  listen(port: number, hostname: string): Promise<unknown>;
  getHttpServer(): Server;
  close(): Promise<void>;
}

interface NodeplotlibParts {
  createApplication(): Promise<NestApplication>;
  PlotsService: unknown;
  BehaviorSubject: new (value: unknown) => unknown;
  of: (value: unknown) => unknown;
  indexHtmlPath: string;
  plotlyPath: string;
}

/** Paths (from "/") of the files in nodeplotlib's web folder other than its CDN page. */
async function webFilePaths(webFolder: string): Promise<Set<string>> {
  const paths = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    for await (const entry of Deno.readDir(folder)) {
      const path = join(folder, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) paths.add(`/${relative(webFolder, path).split("\\").join("/")}`);
    }
  };
  await walk(webFolder);
  paths.delete("/index.html");
  return paths;
}

function sendReply(response: HttpResponse, reply: ExplorerReply): void {
  if (reply.location !== undefined) return response.redirect(reply.status, reply.location);
  response.status(reply.status);
  if (reply.type) response.type(reply.type);
  response.setHeader("Cache-Control", "no-store");
  if (reply.file !== undefined) return response.sendFile(reply.file);
  const body = reply.body ?? "";
  response.send(
    typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  );
}

function notFoundReply(message: string): ExplorerReply {
  return { status: 404, type: "text/plain; charset=utf-8", body: `404 Not Found: ${message}\n` };
}

function portInUse(port: number): ViewerServerError {
  return new ViewerServerError(
    `Port ${port} on 127.0.0.1 is already in use. Pick another with --port, or leave --port ` +
      `out to take a free one.`,
  );
}

/** Fails early, before Nest logs a listen error of its own. */
function checkPortFree(port: number): void {
  try {
    Deno.listen({ hostname: "127.0.0.1", port }).close();
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) throw portInUse(port);
    throw new ViewerServerError(`Cannot serve on 127.0.0.1:${port}: ${(error as Error).message}.`);
  }
}

async function loadNodeplotlib(): Promise<NodeplotlibParts> {
  // The import makes Deno install the package; the rest is required from nodeplotlib's own
  // folder so that Nest, rxjs and the services are the very instances its server module uses.
  const { ServerModule } = await import("nodeplotlib/src/lib/server/server.module.js");
  const projectRequire = createRequire(import.meta.url);
  const entry = projectRequire.resolve("nodeplotlib");
  const nodeplotlibRequire = createRequire(entry);
  const { NestFactory } = nodeplotlibRequire("@nestjs/core");
  const { BehaviorSubject, of } = nodeplotlibRequire("rxjs");
  const { PlotsService } = nodeplotlibRequire("./lib/server/plots/plots.service");
  return {
    createApplication: () =>
      NestFactory.create(ServerModule, { logger: ["error", "warn"] }) as Promise<NestApplication>,
    PlotsService,
    BehaviorSubject,
    of,
    indexHtmlPath: join(dirname(entry), "lib", "server", "web", "index.html"),
    plotlyPath: projectRequire.resolve("plotly.js-dist-min/plotly.min.js"),
  };
}

/**
 * Starts nodeplotlib's server on 127.0.0.1 with `charts`, one card each, and resolves once it
 * listens. Opens no browser. nodeplotlib's page keeps the charts interactive (zoom, pan, hover,
 * toggling series in the legend).
 *
 * @throws {ViewerServerError} When the port is in use or cannot be opened.
 *
 * @example
 * ```ts
 * const viewer = await startRunViewer({ charts: runViewerCharts(runs), port: 8080 });
 * console.log(`open ${viewer.url}`);
 * ```
 */
export async function startRunViewer(options: RunViewerOptions): Promise<RunViewer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`startRunViewer: port must be an integer 0–65535, got ${port}.`);
  }
  if (port !== 0) checkPortFree(port);
  const parts = await loadNodeplotlib();
  const page = offlineViewerPage(await Deno.readTextFile(parts.indexHtmlPath), {
    title: options.title ?? "Run viewer",
    links: options.explorer?.links,
  });
  const webFiles = await webFilePaths(dirname(parts.indexHtmlPath));
  const app = await parts.createApplication();
  app.use((request, response, next) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const path = request.path;
    if (path === LOCAL_PLOTLY_PATH) {
      response.setHeader("Cache-Control", "max-age=86400");
      return response.sendFile(parts.plotlyPath);
    }
    if (path.startsWith("/socket.io")) return next();
    if (path === "/explorer" || path.startsWith("/explorer/")) {
      const query = new URL(request.url, "http://127.0.0.1").searchParams;
      const explorer = options.explorer;
      if (!explorer) return sendReply(response, notFoundReply("this viewer has no explorer."));
      explorer.reply(path, query).then(
        (reply) => sendReply(response, reply ?? notFoundReply(path)),
        (error) =>
          sendReply(response, {
            status: 500,
            type: "text/plain; charset=utf-8",
            body: `500: ${(error as Error).message}\n`,
          }),
      );
      return;
    }
    // nodeplotlib's own files; the page for "/", "/index.html" and the page's routes (paths
    // without a file extension); nothing else, so its CDN page is never served.
    if (webFiles.has(path)) return next();
    if (path === "/index.html" || !/\.[a-z0-9]+$/i.test(path)) {
      response.type("html").send(page);
      return;
    }
    sendReply(response, notFoundReply(`${path} is not a file of the run viewer.`));
  });
  const plots = app.get<{ setBuffer(buffer: unknown): void }>(parts.PlotsService);
  plots.setBuffer(
    new parts.BehaviorSubject(options.charts.map((chart) => ({
      data: parts.of(chart.data),
      layout: parts.of(chart.layout),
      config: { displaylogo: false },
    }))),
  );
  const server = app.getHttpServer();
  const listeningPort = () => {
    const address = server.address();
    return typeof address === "object" && address !== null ? address.port : port;
  };
  try {
    await app.init();
    guardServer(server, listeningPort);
    await app.listen(port, "127.0.0.1");
    guardServer(server, listeningPort);
  } catch (error) {
    await app.close().catch(() => {});
    const code = (error as { code?: string }).code;
    throw code === "EADDRINUSE" ? portInUse(port) : new ViewerServerError(
      `Cannot serve on 127.0.0.1:${port}: ${(error as Error).message}.`,
    );
  }
  const actualPort = listeningPort();
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () => app.close(),
  };
}
