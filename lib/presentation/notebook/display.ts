/**
 * The display adapter: the one place that talks to `Deno.jupyter`. Inside Deno's Jupyter kernel
 * `show()` sends a MIME bundle (PNG as base64, Vega-Lite spec, text); anywhere else it writes the
 * picture to a figures folder and prints the path, so the same lib/ calls work in a notebook,
 * under `deno run` and in tests.
 *
 * @module
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type DisplayItem, mimeBundle, picture, plainText } from "./display_item.ts";

/**
 * The part of `Deno.jupyter` this adapter uses; tests pass a fake to see the messages.
 *
 * @example
 * ```ts
 * const sent: unknown[] = [];
 * const kernel: JupyterBroadcaster = { broadcast: async (type, content) => { sent.push([type, content]); } };
 * ```
 */
export interface JupyterBroadcaster {
  broadcast(messageType: string, content: Record<string, unknown>): Promise<void>;
}

/**
 * Environment variable naming the folder for figures written outside a notebook.
 *
 * @example
 * ```ts
 * console.log(FIGURES_DIRECTORY_VARIABLE); // "AE_FIGURES_DIR"
 * ```
 */
export const FIGURES_DIRECTORY_VARIABLE = "AE_FIGURES_DIR";

/**
 * Where and how to display.
 *
 * @example
 * ```ts
 * const options: DisplayOptions = { kernel: null, figuresDirectory: "runs/figures/dense" };
 * ```
 */
export interface DisplayOptions {
  /** The kernel to send to; default: `Deno.jupyter` when running in the kernel. `null`: never. */
  kernel?: JupyterBroadcaster | null;
  /** Folder for pictures outside a notebook. Default: `$AE_FIGURES_DIR`, else `runs/figures`. */
  figuresDirectory?: string;
  /** Reads an environment variable; default `Deno.env.get` (a denied read counts as unset). */
  readEnvironment?: (name: string) => string | undefined;
  /** Prints a line outside a notebook. Default `console.log`. */
  print?: (line: string) => void;
}

/**
 * What {@link show} accepts: a display item, PNG bytes, or a string (plain text).
 *
 * @example
 * ```ts
 * const things: Showable[] = ["plain text", pngBytes, markdown("**bold**")];
 * ```
 */
export type Showable = DisplayItem | Uint8Array | string;

/**
 * The files {@link show} wrote outside a notebook: the PNG and, for a chart, its Vega-Lite spec.
 *
 * @example
 * ```ts
 * const written: WrittenFigure = { path: "runs/figures/loss.png" };
 * ```
 */
export interface WrittenFigure {
  path: string;
  specPath?: string;
}

/**
 * `Deno.jupyter` when this code runs inside Deno's Jupyter kernel, else undefined.
 *
 * @example
 * ```ts
 * console.log(findKernel() ? "in a notebook" : "in a terminal");
 * ```
 */
export function findKernel(): JupyterBroadcaster | undefined {
  try {
    // Outside the kernel, reading Deno.jupyter throws.
    const jupyter = Deno.jupyter;
    if (typeof jupyter?.broadcast !== "function") return undefined;
    return { broadcast: (messageType, content) => jupyter.broadcast(messageType, content) };
  } catch {
    return undefined;
  }
}

function toItem(thing: Showable): DisplayItem {
  if (typeof thing === "string") return plainText(thing);
  if (thing instanceof Uint8Array) return picture(thing);
  return thing;
}

function kernelOf(options: DisplayOptions): JupyterBroadcaster | undefined {
  return options.kernel === null ? undefined : options.kernel ?? findKernel();
}

function figuresDirectory(options: DisplayOptions): string {
  if (options.figuresDirectory !== undefined) return options.figuresDirectory;
  const read = options.readEnvironment ?? ((name: string) => {
    try {
      return Deno.env.get(name);
    } catch {
      return undefined;
    }
  });
  return read(FIGURES_DIRECTORY_VARIABLE) || join("runs", "figures");
}

function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, "_").replace(/^[._]+/, "");
  return cleaned || "figure";
}

function defaultFigureName(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*/, "");
  return `figure-${stamp}-${crypto.randomUUID().slice(0, 8)}`;
}

async function writeToConsole(
  item: DisplayItem,
  options: DisplayOptions,
  fallbackName: string,
): Promise<WrittenFigure | undefined> {
  const print = options.print ?? ((line: string) => console.log(line));
  if (item.kind !== "picture") {
    print(item.text);
    return undefined;
  }
  const directory = figuresDirectory(options);
  const name = safeFileName(item.name ?? fallbackName);
  try {
    await mkdir(directory, { recursive: true });
    const path = join(directory, `${name}.png`);
    await writeFile(path, item.png);
    let specPath: string | undefined;
    if (item.vegaLite !== undefined) {
      specPath = join(directory, `${name}.vega-lite.json`);
      await writeFile(specPath, JSON.stringify(item.vegaLite, null, 2) + "\n");
    }
    print(`figure: ${path}` + (specPath ? ` (Vega-Lite spec: ${specPath})` : ""));
    return { path, specPath };
  } catch (error) {
    throw new Error(
      `show() could not write the figure "${name}.png" to ${directory}: ` +
        `${(error as Error).message}. Set ${FIGURES_DIRECTORY_VARIABLE} or the ` +
        `figuresDirectory option to a writable folder, and run with --allow-write.`,
    );
  }
}

/**
 * Shows a picture, text or Markdown: in a notebook as a MIME bundle, elsewhere by writing the
 * picture to the figures folder (as `<name>.png`, plus `<name>.vega-lite.json` for charts) and
 * printing its path, or by printing the text. Resolves to the files written, if any: undefined
 * in a notebook, so a cell ending in `await show(...)` shows nothing more.
 *
 * @example
 * ```ts
 * import { labelledImageGridPng } from "../figures/mod.ts";
 *
 * await show(picture(await labelledImageGridPng(pixels, labels, { columns: 5 }), { name: "samples" }));
 * await show(markdown("**25 test images** with their classes"));
 * ```
 */
export async function show(
  thing: Showable,
  options: DisplayOptions = {},
): Promise<WrittenFigure | undefined> {
  const item = toItem(thing);
  const kernel = kernelOf(options);
  if (kernel === undefined) return writeToConsole(item, options, defaultFigureName());
  await kernel.broadcast("display_data", { ...mimeBundle(item), transient: {} });
  return undefined;
}

/**
 * A display that can be replaced in place (Jupyter `display_id`): the first `update` creates it,
 * later ones replace its content. Outside a notebook each update rewrites the same file.
 *
 * @example
 * ```ts
 * const status = createUpdatableDisplay();
 * await status.update("epoch 1 of 3");
 * await status.update("epoch 2 of 3"); // replaces the text above in a notebook
 * ```
 */
export interface UpdatableDisplay {
  /** Whether the updates go to a notebook (else to files and the console). */
  readonly inNotebook: boolean;
  /** Shows `thing`, replacing what this display showed before. */
  update(thing: Showable): Promise<WrittenFigure | undefined>;
}

/**
 * Creates an {@link UpdatableDisplay}; nothing is shown until its first `update`.
 *
 * @example
 * ```ts
 * const chart = createUpdatableDisplay();
 * for (const history of histories) await chart.update(await chartPicture(lossCurveSpec(...)));
 * ```
 */
export function createUpdatableDisplay(options: DisplayOptions = {}): UpdatableDisplay {
  const kernel = kernelOf(options);
  const displayId = `fmnist-${crypto.randomUUID()}`;
  let shown = false;
  return {
    inNotebook: kernel !== undefined,
    async update(thing: Showable): Promise<WrittenFigure | undefined> {
      const item = toItem(thing);
      if (kernel === undefined) return writeToConsole(item, options, displayId);
      const messageType = shown ? "update_display_data" : "display_data";
      shown = true;
      await kernel.broadcast(messageType, {
        ...mimeBundle(item),
        transient: { display_id: displayId },
      });
      return undefined;
    },
  };
}
