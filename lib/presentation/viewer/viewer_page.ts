/**
 * nodeplotlib's page, made to work without internet: its `index.html` loads Plotly from a CDN,
 * which a headless training machine (or a closed network) cannot reach, so the viewer serves the
 * same Plotly build from the npm package `plotly.js-dist-min` and points the page at it.
 *
 * @module
 */

/**
 * The Plotly script nodeplotlib 1.1.2's page asks for.
 *
 * @example
 * ```ts
 * console.log(NODEPLOTLIB_PLOTLY_URL); // "https://cdn.plot.ly/plotly-1.58.4.min.js"
 * ```
 */
export const NODEPLOTLIB_PLOTLY_URL = "https://cdn.plot.ly/plotly-1.58.4.min.js";

/**
 * Where the viewer serves the same Plotly build (`plotly.js-dist-min@1.58.4`) instead.
 *
 * @example
 * ```ts
 * console.log(LOCAL_PLOTLY_PATH); // "/plotly-1.58.4.min.js"
 * ```
 */
export const LOCAL_PLOTLY_PATH = "/plotly-1.58.4.min.js";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * nodeplotlib's `index.html` with Plotly loaded from {@link LOCAL_PLOTLY_PATH} and, when given,
 * its own page title.
 *
 * @throws {Error} When the page does not load Plotly from {@link NODEPLOTLIB_PLOTLY_URL} (another
 * nodeplotlib version): pin nodeplotlib 1.1.2 or update the URL.
 *
 * @example
 * ```ts
 * const html = offlineViewerPage(await Deno.readTextFile(indexPath), { title: "Run viewer: cae" });
 * ```
 */
export function offlineViewerPage(indexHtml: string, options: { title?: string } = {}): string {
  if (!indexHtml.includes(`src="${NODEPLOTLIB_PLOTLY_URL}"`)) {
    throw new Error(
      `nodeplotlib's index.html does not load ${NODEPLOTLIB_PLOTLY_URL}; this viewer expects ` +
        `nodeplotlib 1.1.2. Pin that version in deno.json or update lib/presentation/viewer/viewer_page.ts.`,
    );
  }
  let html = indexHtml.replace(`src="${NODEPLOTLIB_PLOTLY_URL}"`, `src="${LOCAL_PLOTLY_PATH}"`);
  if (options.title !== undefined) {
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(options.title)}</title>`);
  }
  return html;
}
