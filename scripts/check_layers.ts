/**
 * The layer check of `deno task ok`: imports run one way, data → models → training → uses →
 * presentation → commands → scripts. Every file of `lib/`, `scripts/` and `bench/` belongs to a
 * folder of a layer ({@link LAYERS}); a file may import its own folder, any folder of a lower layer,
 * and another folder of its own layer as long as the folders do not import each other in a cycle.
 * The imports are read by Deno itself (`deno info --json`, static and dynamic ones).
 *
 *   deno run --allow-read --allow-write --allow-run scripts/check_layers.ts
 *
 * Prints each upward import and each folder cycle with file and line, and exits 1 if there is any.
 *
 * @module
 */
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fatalErrorMessage, fatalExitCode } from "../lib/commands/command_line.ts";

/**
 * A layer: the folders in it (a trailing `/*` makes each subfolder a folder of its own) and its
 * rank; a folder may import folders of a lower rank.
 *
 * @example
 * ```ts
 * const uses: Layer = { name: "uses", rank: 3, folders: ["lib/uses/*"] };
 * ```
 */
export interface Layer {
  name: string;
  rank: number;
  folders: readonly string[];
}

/**
 * The project's layers, lowest first. The README's layout table explains each folder.
 *
 * @example
 * ```ts
 * LAYERS.map((layer) => layer.name).join(" → "); // "data and backend → models → ..."
 * ```
 */
export const LAYERS: readonly Layer[] = Object.freeze([
  { name: "data and backend", rank: 0, folders: ["lib/data", "lib/backend"] },
  { name: "models", rank: 1, folders: ["lib/models"] },
  { name: "training", rank: 2, folders: ["lib/training"] },
  { name: "uses", rank: 3, folders: ["lib/uses/*"] },
  { name: "presentation", rank: 4, folders: ["lib/presentation/*"] },
  { name: "commands", rank: 5, folders: ["lib/commands"] },
  { name: "scripts", rank: 6, folders: ["scripts", "bench"] },
]);

/**
 * One import between two files of the project, as paths relative to the project root.
 *
 * @example
 * ```ts
 * const edge: ImportEdge = { from: "lib/models/mod.ts", to: "lib/data/constants.ts", line: 3 };
 * ```
 */
export interface ImportEdge {
  from: string;
  to: string;
  /** 1-based line of the import in `from`. */
  line: number;
}

/**
 * The folder of a layer that a file belongs to, and its rank; undefined for files outside the
 * layers (tests, notebooks) and for folders no layer names.
 *
 * @example
 * ```ts
 * folderOf("lib/uses/anomaly/roc.ts"); // { folder: "lib/uses/anomaly", rank: 3 }
 * ```
 */
export function folderOf(
  path: string,
  layers: readonly Layer[] = LAYERS,
): { folder: string; rank: number } | undefined {
  const parts = path.split("/");
  for (const layer of layers) {
    for (const pattern of layer.folders) {
      const wildcard = pattern.endsWith("/*");
      const base = wildcard ? pattern.slice(0, -2) : pattern;
      const baseParts = base.split("/");
      if (baseParts.some((part, index) => parts[index] !== part)) continue;
      if (!wildcard) return { folder: base, rank: layer.rank };
      // A file directly in a wildcard layer's folder (lib/uses/x.ts) belongs to no subfolder.
      if (parts.length <= baseParts.length + 1) return undefined;
      return { folder: parts.slice(0, baseParts.length + 1).join("/"), rank: layer.rank };
    }
  }
  return undefined;
}

/**
 * The top-level folders whose files must all lie in a layer.
 *
 * @example
 * ```ts
 * const edges = await projectImports(".", CHECKED_FOLDERS);
 * ```
 */
export const CHECKED_FOLDERS: readonly string[] = Object.freeze(["lib", "scripts", "bench"]);

/** Folder cycles: strongly connected components of more than one folder (Tarjan). */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/**
 * Checks imports against the layers: an import into a higher layer, a file in a folder that no
 * layer names, an import of a file outside the layers (e.g. from `tests/`), and every cycle of
 * folders each give one message naming the files and lines. No messages: the layering holds.
 *
 * @example
 * ```ts
 * layerViolations([{ from: "lib/data/a.ts", to: "lib/models/b.ts", line: 1 }]);
 * // ["lib/data/a.ts:1 imports lib/models/b.ts: lib/data (data and backend) must not import ..."]
 * ```
 */
export function layerViolations(
  edges: readonly ImportEdge[],
  layers: readonly Layer[] = LAYERS,
): string[] {
  const messages: string[] = [];
  const names = new Map(layers.map((layer) => [layer.rank, layer.name]));
  const graph = new Map<string, Set<string>>();
  const examples = new Map<string, ImportEdge>();
  const unplaced = new Set<string>();
  for (const edge of edges) {
    const from = folderOf(edge.from, layers);
    if (from === undefined) {
      if (CHECKED_FOLDERS.some((folder) => edge.from.startsWith(`${folder}/`))) {
        unplaced.add(edge.from);
      }
      continue;
    }
    const to = folderOf(edge.to, layers);
    const where = `${edge.from}:${edge.line} imports ${edge.to}`;
    if (to === undefined) {
      messages.push(
        `${where}, which belongs to no layer. Move what it needs into lib/, or the importer out.`,
      );
      continue;
    }
    if (to.folder === from.folder) continue;
    if (to.rank > from.rank) {
      messages.push(
        `${where}: ${from.folder} (${names.get(from.rank)}) must not import ${to.folder} ` +
          `(${names.get(to.rank)}), a higher layer. Move the shared code down, or pass it in.`,
      );
      continue;
    }
    if (!graph.has(from.folder)) graph.set(from.folder, new Set());
    graph.get(from.folder)!.add(to.folder);
    const key = `${from.folder} ${to.folder}`;
    if (!examples.has(key)) examples.set(key, edge);
  }
  for (const path of [...unplaced].sort()) {
    messages.push(
      `${path} is in no layer's folder. Put it in a folder of LAYERS (scripts/check_layers.ts) ` +
        `and the README's layout table.`,
    );
  }
  for (const cycle of folderCycles(graph)) {
    const arcs = [...examples.entries()]
      .filter(([key]) => {
        const [a, b] = key.split(" ");
        return cycle.includes(a) && cycle.includes(b);
      })
      .map(([, edge]) => `${edge.from}:${edge.line} imports ${edge.to}`);
    messages.push(
      `Folder cycle ${cycle.join(" ⇄ ")}: ${arcs.join("; ")}. Folders of one layer may import ` +
        `each other only one way.`,
    );
  }
  return messages;
}

async function typeScriptFiles(root: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (directory: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(directory)];
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile && /\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  await walk(join(root, folder));
  return files.sort();
}

/**
 * Every import between the TypeScript files under `folders` of the project in `root`, as Deno
 * resolves them (`deno info --json` on one module that imports them all).
 *
 * @throws {Error} When `deno info` fails (e.g. a file does not parse); its message is included.
 *
 * @example
 * ```ts
 * const edges = await projectImports(".", CHECKED_FOLDERS);
 * ```
 */
export async function projectImports(
  root: string,
  folders: readonly string[],
): Promise<ImportEdge[]> {
  const absoluteRoot = resolve(root);
  const files = (await Promise.all(folders.map((folder) => typeScriptFiles(absoluteRoot, folder))))
    .flat();
  const entry = await Deno.makeTempFile({ prefix: "check-layers-", suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      entry,
      files.map((file) => `import ${JSON.stringify(pathToFileURL(file).href)};\n`).join(""),
    );
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", entry],
      cwd: absoluteRoot,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) {
      throw new Error(`deno info failed: ${new TextDecoder().decode(output.stderr).trim()}`);
    }
    const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
      modules: {
        specifier: string;
        dependencies?: {
          code?: { specifier: string; span: { start: { line: number } } };
          type?: { specifier: string; span: { start: { line: number } } };
        }[];
      }[];
    };
    const local = (specifier: string | undefined) => {
      if (!specifier?.startsWith("file:")) return undefined;
      const path = relative(absoluteRoot, fileURLToPath(specifier));
      return path.startsWith("..") ? undefined : path.split("\\").join("/");
    };
    const edges: ImportEdge[] = [];
    for (const module of info.modules) {
      const from = local(module.specifier);
      if (from === undefined || resolve(absoluteRoot, from) === entry) continue;
      for (const dependency of module.dependencies ?? []) {
        for (const resolved of [dependency.code, dependency.type]) {
          const to = local(resolved?.specifier);
          if (to !== undefined) edges.push({ from, to, line: resolved!.span.start.line + 1 });
        }
      }
    }
    return edges;
  } finally {
    await Deno.remove(entry);
  }
}

async function main(): Promise<number> {
  const edges = await projectImports(".", CHECKED_FOLDERS);
  const messages = layerViolations(edges);
  for (const message of messages) console.error(message);
  if (messages.length > 0) {
    console.error(
      `\n${messages.length} layer violation(s); the layers are LAYERS in ` +
        `scripts/check_layers.ts.`,
    );
    return 1;
  }
  const folders = new Set(edges.map((edge) => folderOf(edge.from)?.folder).filter(Boolean));
  console.log(
    `Layers hold: ${edges.length} imports in ${folders.size} folders run one way ` +
      `(${LAYERS.map((layer) => layer.name).join(" → ")}).`,
  );
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main());
  } catch (error) {
    console.error(fatalErrorMessage(error));
    Deno.exit(fatalExitCode(error));
  }
}
