import assert from "node:assert/strict";
import {
  LOCAL_PLOTLY_PATH,
  NODEPLOTLIB_PLOTLY_URL,
  startRunViewer,
  type ViewerChart,
  ViewerServerError,
} from "../../../lib/presentation/viewer/mod.ts";

const chart: ViewerChart = {
  data: [{ type: "scatter", mode: "lines", name: "train", x: [1, 2], y: [3, 2] }],
  layout: { title: { text: "Loss" } },
};

// Nest keeps sockets and timers of its own; the viewer's close() is checked by the port closing.
const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  name: "the viewer serves nodeplotlib's page on 127.0.0.1 with Plotly from the npm package",
  ...options,
  async fn() {
    const viewer = await startRunViewer({ charts: [chart], title: "Run viewer: a <b>" });
    try {
      assert.match(viewer.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal(viewer.url, `http://127.0.0.1:${viewer.port}/`);
      const page = await (await fetch(viewer.url)).text();
      assert.match(page, /<npl-root><\/npl-root>/);
      assert.ok(page.includes(`src="${LOCAL_PLOTLY_PATH}"`));
      assert.ok(!page.includes(NODEPLOTLIB_PLOTLY_URL));
      assert.match(page, /<title>Run viewer: a &lt;b&gt;<\/title>/);
      const tutorial = await (await fetch(new URL("tutorial", viewer.url))).text();
      assert.ok(tutorial.includes(`src="${LOCAL_PLOTLY_PATH}"`));
      const plotly = await fetch(new URL(LOCAL_PLOTLY_PATH, viewer.url));
      assert.equal(plotly.status, 200);
      assert.match(plotly.headers.get("content-type") ?? "", /javascript/);
      assert.match((await plotly.text()).slice(0, 200), /plotly\.js v1\.58\.4/);
      const script = await fetch(new URL("main.js", viewer.url));
      assert.equal(script.status, 200);
      await script.body?.cancel();
    } finally {
      await viewer.close();
    }
    await assert.rejects(fetch(viewer.url));
  },
});

Deno.test({
  name: "a port in use is a clear error",
  ...options,
  async fn() {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    try {
      await assert.rejects(startRunViewer({ charts: [chart], port }), (error: unknown) => {
        assert.ok(error instanceof ViewerServerError);
        assert.match(
          error.message,
          new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`),
        );
        return true;
      });
    } finally {
      listener.close();
    }
    await assert.rejects(startRunViewer({ charts: [chart], port: 70000 }), RangeError);
  },
});

/** Sends `request` as raw bytes (so any Host header can be set) and returns the whole answer. */
async function rawHttp(port: number, request: string): Promise<string> {
  const connection = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await connection.write(new TextEncoder().encode(request));
    const chunks: Uint8Array[] = [];
    const buffer = new Uint8Array(65536);
    while (true) {
      const count = await connection.read(buffer);
      if (count === null) break;
      chunks.push(buffer.slice(0, count));
      const text = new TextDecoder().decode(
        chunks.reduce((all, chunk) => new Uint8Array([...all, ...chunk]), new Uint8Array()),
      );
      // A 101 answer keeps the socket open; everything else here says Connection: close.
      if (text.startsWith("HTTP/1.1 101")) return text;
    }
    return new TextDecoder().decode(
      chunks.reduce((all, chunk) => new Uint8Array([...all, ...chunk]), new Uint8Array()),
    );
  } finally {
    try {
      connection.close();
    } catch {
      // Closed by the server.
    }
  }
}

function get(path: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `GET ${path} HTTP/1.1\r\n${lines.join("")}Connection: close\r\n\r\n`;
}

Deno.test({
  name: "the viewer answers only requests addressed to 127.0.0.1:PORT or localhost:PORT",
  ...options,
  async fn() {
    const viewer = await startRunViewer({ charts: [chart] });
    const { port } = viewer;
    const status = (answer: string) => Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);
    try {
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
        assert.equal(status(await rawHttp(port, get("/", { Host: host }))), 200, host);
      }
      const polling = "/socket.io/?EIO=4&transport=polling";
      const handshake = await rawHttp(port, get(polling, { Host: `127.0.0.1:${port}` }));
      assert.equal(status(handshake), 200);
      assert.match(handshake, /"sid":/);
      const websocket = {
        Upgrade: "websocket",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
      };
      for (
        const host of [`evil.example:${port}`, `evil.example`, `127.0.0.1:${port + 1}`, "127.0.0.1"]
      ) {
        for (const path of ["/", "/index.html", "/main.js", polling, LOCAL_PLOTLY_PATH]) {
          const answer = await rawHttp(port, get(path, { Host: host }));
          assert.equal(status(answer), 403, `${host} ${path}`);
          assert.match(answer, /is not this viewer's address/);
          assert.ok(!answer.includes('"sid"') && !answer.includes("npl-root"));
        }
        const upgrade = await rawHttp(
          port,
          get("/socket.io/?EIO=4&transport=websocket", { Host: host, ...websocket }),
        );
        assert.equal(status(upgrade), 403, `websocket with Host ${host}`);
      }
      // No Host at all (HTTP/1.0 style) is refused too.
      assert.equal(status(await rawHttp(port, "GET / HTTP/1.0\r\n\r\n")), 403);
      // A page of another site sending requests to 127.0.0.1 carries its Origin.
      const fromElsewhere = await rawHttp(
        port,
        get(polling, { Host: `127.0.0.1:${port}`, Origin: "http://evil.example" }),
      );
      assert.equal(status(fromElsewhere), 403);
      const upgradeFromElsewhere = await rawHttp(
        port,
        get("/socket.io/?EIO=4&transport=websocket", {
          Host: `127.0.0.1:${port}`,
          Origin: "http://evil.example",
          ...websocket,
        }),
      );
      assert.equal(status(upgradeFromElsewhere), 403);
      const sameOrigin = await rawHttp(
        port,
        get(polling, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` }),
      );
      assert.equal(status(sameOrigin), 200);
    } finally {
      await viewer.close();
    }
  },
});

Deno.test({
  name: "the viewer's page loads nothing from the internet, /index.html and unknown files included",
  ...options,
  async fn() {
    const viewer = await startRunViewer({ charts: [chart] });
    try {
      for (const path of ["", "index.html", "tutorial"]) {
        const page = await (await fetch(new URL(path, viewer.url))).text();
        assert.match(page, /<npl-root><\/npl-root>/, path);
        assert.ok(!/(src|href)="https?:|url\(https?:/.test(page), `${path} loads nothing remote`);
        assert.ok(!page.includes("fonts.gstatic.com") && !page.includes("cdn.plot.ly"), path);
      }
      for (const path of ["missing.html", "index.htm", "nothing.js", "assets/none.png"]) {
        const response = await fetch(new URL(path, viewer.url));
        const text = await response.text();
        assert.equal(response.status, 404, path);
        assert.ok(!text.includes("npl-root") && !text.includes("cdn.plot.ly"), path);
      }
      for (const path of ["main.js", "styles.css", "assets/plotly.svg", "favicon.ico"]) {
        const response = await fetch(new URL(path, viewer.url));
        assert.equal(response.status, 200, path);
        await response.body?.cancel();
      }
      const styles = await (await fetch(new URL("styles.css", viewer.url))).text();
      assert.ok(!/url\(["']?https?:/.test(styles), "nodeplotlib's styles load no remote fonts");
    } finally {
      await viewer.close();
    }
  },
});
