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
