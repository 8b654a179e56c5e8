/**
 * nodeplotlib's page, made to load nothing from the internet: its `index.html` loads Plotly from a
 * CDN and its fonts (Roboto, Material Icons) from Google's, which a headless training machine (or a
 * closed network) cannot reach and which would tell a third party that the page was opened. The
 * viewer serves the same Plotly build from the npm package `plotly.js-dist-min`, drops the web
 * fonts (the page falls back to the system's sans-serif; the one icon, the tutorial button's, is
 * drawn as "?"), and can add links to the latent explorer.
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

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('a <b> & "c"'); // "a &lt;b&gt; &amp; &quot;c&quot;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Stands in for the Material Icons font: the page's only icon is the tutorial button's. */
const ICON_STYLE = "<style>.material-icons{font-size:0!important}.material-icons::before{" +
  'content:"?";font:500 20px/24px sans-serif}#viewer-links{position:fixed;right:16px;' +
  "bottom:16px;z-index:1000;display:flex;flex-direction:column;gap:6px;font:14px sans-serif}" +
  "#viewer-links a{background:#1976d2;color:#fff;padding:8px 12px;border-radius:4px;" +
  "text-decoration:none;box-shadow:0 1px 4px rgba(0,0,0,.3)}</style>";

/** Removes every `@font-face` rule that loads a font over the network, and preconnect hints. */
function withoutWebFonts(html: string): string {
  return html
    .replace(/<link[^>]*rel="preconnect"[^>]*>/g, "")
    .replace(/@font-face\{[^}]*url\(https?:[^}]*\}/g, "");
}

/**
 * A link the page shows in its corner, e.g. to a run's latent explorer.
 *
 * @example
 * ```ts
 * const link: ViewerLink = { href: "/explorer/0/", text: "Latent explorer: cae-latent2" };
 * ```
 */
export interface ViewerLink {
  href: string;
  text: string;
}

/**
 * nodeplotlib's `index.html` with Plotly loaded from {@link LOCAL_PLOTLY_PATH}, no web fonts,
 * and, when given, its own page title and links in the bottom right corner.
 *
 * @throws {Error} When the page does not load Plotly from {@link NODEPLOTLIB_PLOTLY_URL} (another
 * nodeplotlib version): pin nodeplotlib 1.1.2 or update the URL.
 *
 * @example
 * ```ts
 * const html = offlineViewerPage(await Deno.readTextFile(indexPath), { title: "Run viewer: cae" });
 * ```
 */
export function offlineViewerPage(
  indexHtml: string,
  options: { title?: string; links?: readonly ViewerLink[] } = {},
): string {
  if (!indexHtml.includes(`src="${NODEPLOTLIB_PLOTLY_URL}"`)) {
    throw new Error(
      `nodeplotlib's index.html does not load ${NODEPLOTLIB_PLOTLY_URL}; this viewer expects ` +
        `nodeplotlib 1.1.2. Pin that version in deno.json or update lib/presentation/viewer/viewer_page.ts.`,
    );
  }
  let html = withoutWebFonts(
    indexHtml.replace(`src="${NODEPLOTLIB_PLOTLY_URL}"`, `src="${LOCAL_PLOTLY_PATH}"`),
  ).replace("</head>", `${ICON_STYLE}</head>`);
  if (options.title !== undefined) {
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(options.title)}</title>`);
  }
  if (options.links?.length) {
    const links = options.links.map((link) =>
      `<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`
    );
    html = html.replace("</body>", `<nav id="viewer-links">${links.join("")}</nav></body>`);
  }
  const remote = html.match(/(?:src|href)="https?:[^"]*"|url\(https?:[^)]*\)/);
  if (remote) {
    throw new Error(
      `nodeplotlib's index.html still loads ${remote[0]} from the internet after the viewer's ` +
        `rewrite; this viewer expects nodeplotlib 1.1.2. Update lib/presentation/viewer/viewer_page.ts.`,
    );
  }
  return html;
}
