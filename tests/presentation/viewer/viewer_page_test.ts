import assert from "node:assert/strict";
import {
  LOCAL_PLOTLY_PATH,
  NODEPLOTLIB_PLOTLY_URL,
  offlineViewerPage,
} from "../../../lib/presentation/viewer/mod.ts";

const page = `<html><head><title>Nodeplotlib</title></head><body>` +
  `<script type="text/javascript" src="${NODEPLOTLIB_PLOTLY_URL}" defer></script></body></html>`;

Deno.test("the page loads Plotly locally and gets the given title", () => {
  const html = offlineViewerPage(page, { title: "Runs & <more>" });
  assert.ok(html.includes(`src="${LOCAL_PLOTLY_PATH}" defer`));
  assert.ok(!html.includes("cdn.plot.ly"));
  assert.ok(html.includes("<title>Runs &amp; &lt;more&gt;</title>"));
  assert.ok(offlineViewerPage(page).includes("<title>Nodeplotlib</title>"));
});

Deno.test("a page from another nodeplotlib version is refused with what to do", () => {
  assert.throws(
    () => offlineViewerPage(page.replace("1.58.4", "2.0.0")),
    /does not load https:\/\/cdn\.plot\.ly\/plotly-1\.58\.4\.min\.js; this viewer expects nodeplotlib 1\.1\.2/,
  );
});
