/**
 * The viewer answers only its own address. A server on 127.0.0.1 is still reachable from a web page
 * on another site through DNS rebinding (evil.example resolves to 127.0.0.1, so the page's requests
 * reach the viewer with `Host: evil.example:PORT`), and a page on any site may send requests (and
 * open websockets) to 127.0.0.1 with its own `Origin`. So every HTTP request and every websocket
 * upgrade must name `127.0.0.1:PORT` or `localhost:PORT` as its Host and, when it carries an Origin,
 * come from `http://127.0.0.1:PORT` or `http://localhost:PORT`; anything else gets 403 before
 * nodeplotlib's app, its socket.io gateway or the latent explorer sees it.
 *
 * @module
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Why a request is refused, or undefined when it may go on. Host names compare case-insensitively;
 * the port must be the viewer's.
 *
 * @example
 * ```ts
 * refusalReason({ host: "evil.example:8080" }, 8080); // "Host evil.example:8080 is not ..."
 * refusalReason({ host: "localhost:8080" }, 8080); // undefined
 * ```
 */
export function refusalReason(
  headers: { host?: string; origin?: string },
  port: number,
): string | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) {
    return `Host ${headers.host ?? "(none)"} is not this viewer's address; open ` +
      `http://127.0.0.1:${port}/ or http://localhost:${port}/.`;
  }
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined && !hosts.some((allowed) => origin === `http://${allowed}`)) {
    return `Requests from ${headers.origin} are not served; the viewer answers only its own ` +
      `pages at http://127.0.0.1:${port}/.`;
  }
  return undefined;
}

type Listener = ((...args: never[]) => void) & { [GUARDED]?: true };

const GUARDED = Symbol("guarded by the viewer's host check");

/** Replaces the server's `event` listeners by one that refuses or hands on to all of them. */
function guardEvent(
  server: Server,
  event: "request" | "upgrade",
  port: () => number,
  refuse: (target: ServerResponse & Duplex, reason: string) => void,
): void {
  const listeners = server.listeners(event) as unknown as Listener[];
  if (listeners.length > 0 && listeners.every((listener) => listener[GUARDED])) return;
  server.removeAllListeners(event);
  const guarded = (
    request: IncomingMessage,
    target: ServerResponse & Duplex,
    head?: Uint8Array,
  ) => {
    const reason = refusalReason(request.headers, port()) ??
      (listeners.length === 0 ? "nothing is served here" : undefined);
    if (reason !== undefined) return refuse(target, reason);
    for (const listener of listeners) {
      (listener as (...args: unknown[]) => void).call(server, request, target, head);
    }
  };
  server.on(event, Object.assign(guarded, { [GUARDED]: true as const }));
}

/**
 * Puts the host check in front of every `request` and `upgrade` listener the server has now
 * (Express, and engine.io's, which takes over `request` to answer `/socket.io/` itself). Call it
 * once the app is initialised, before it listens; call it again after listening to cover any
 * listener added meanwhile. `port` is read when a request comes, so a server on port 0 works.
 *
 * @example
 * ```ts
 * await app.init();
 * guardServer(app.getHttpServer(), () => app.getHttpServer().address().port);
 * await app.listen(0, "127.0.0.1");
 * ```
 */
export function guardServer(server: Server, port: () => number): void {
  guardEvent(server, "request", port, (response, reason) => {
    response.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(`403 Forbidden: ${reason}\n`);
  });
  guardEvent(server, "upgrade", port, (socket, reason) => {
    socket.end(
      "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\n" +
        `Connection: close\r\n\r\n403 Forbidden: ${reason}\n`,
    );
  });
}
