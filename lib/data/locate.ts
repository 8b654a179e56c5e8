/**
 * Where the Fashion-MNIST files come from: the places searched, in order, and
 * which of the four files each place holds.
 *
 * Order: the `dir` option, else the `FASHION_MNIST_DIR` environment variable —
 * an explicit place is the only one searched, so a wrong or incomplete one
 * fails loudly instead of silently falling back; without one, the project's
 * `data/fashion-mnist/`, then Debian's `/usr/share/datasets/fashion-mnist/`.
 * (Downloading, the last resort, lives in `download.ts`.) A directory may hold
 * `.gz` or uncompressed files.
 *
 * @module
 */

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FASHION_MNIST_FILE_NAMES, type FashionMnistFileName } from "./checksums.ts";
import { FashionMnistError } from "./errors.ts";

/**
 * Where Debian's `dataset-fashion-mnist` package installs the files.
 *
 * @example
 * ```ts
 * import { DEBIAN_FASHION_MNIST_DIRECTORY } from "./locate.ts";
 *
 * console.log(DEBIAN_FASHION_MNIST_DIRECTORY); // "/usr/share/datasets/fashion-mnist"
 * ```
 */
export const DEBIAN_FASHION_MNIST_DIRECTORY = "/usr/share/datasets/fashion-mnist";

/**
 * The environment variable naming a directory with the four files.
 *
 * @example
 * ```ts
 * import { FASHION_MNIST_DIRECTORY_VARIABLE } from "./locate.ts";
 *
 * console.log(`export ${FASHION_MNIST_DIRECTORY_VARIABLE}=/path/to/fashion-mnist`);
 * ```
 */
export const FASHION_MNIST_DIRECTORY_VARIABLE = "FASHION_MNIST_DIR";

/**
 * The project's own data directory, `data/fashion-mnist/` at the project root,
 * resolved from this module's location so it does not depend on the working
 * directory (notebooks run from `notebooks/`). Downloads go here by default.
 *
 * @returns An absolute path.
 *
 * @example
 * ```ts
 * import { projectDataDirectory } from "./locate.ts";
 *
 * console.log(projectDataDirectory()); // e.g. "/work/main/data/fashion-mnist"
 * ```
 */
export function projectDataDirectory(): string {
  return fileURLToPath(new URL("../../data/fashion-mnist", import.meta.url));
}

/**
 * A directory that is searched, and why.
 *
 * @example
 * ```ts
 * import { type SearchLocation, searchLocations } from "./locate.ts";
 *
 * const first: SearchLocation = searchLocations({ dir: "/tmp/fmnist" })[0];
 * console.log(first); // { directory: "/tmp/fmnist", origin: "dir option" }
 * ```
 */
export interface SearchLocation {
  /** The directory. */
  directory: string;
  /** Why it is searched, for messages: e.g. "dir option", "FASHION_MNIST_DIR". */
  origin: string;
  /** True for a place the caller named (`dir` or `FASHION_MNIST_DIR`): it is the only one. */
  explicit?: boolean;
}

/**
 * Options of {@link searchLocations}.
 *
 * @example
 * ```ts
 * import { searchLocations, type SearchLocationsOptions } from "./locate.ts";
 *
 * const options: SearchLocationsOptions = { env: () => "/data/fmnist", fallbackDirs: [] };
 * console.log(searchLocations(options)); // [{ directory: "/data/fmnist", origin: "FASHION_MNIST_DIR", explicit: true }]
 * ```
 */
export interface SearchLocationsOptions {
  /** A directory to search first. When given, the environment variable is not read. */
  dir?: string;
  /**
   * Reads an environment variable; defaults to `Deno.env.get` when env access is
   * already granted (it never prompts), else to "unset".
   */
  env?: (name: string) => string | undefined;
  /**
   * The directories searched when neither `dir` nor `FASHION_MNIST_DIR` is given.
   * Defaults to the project data directory and then Debian's directory.
   */
  fallbackDirs?: readonly string[];
}

/**
 * The directories to search, in order, without touching the file system.
 *
 * @param options The explicit directory, environment reader and fallbacks.
 * @returns The locations, first match wins; duplicates removed. An explicit
 *   directory (`dir`, else `FASHION_MNIST_DIR`) is the only location.
 *
 * @example
 * ```ts
 * import { searchLocations } from "./locate.ts";
 *
 * for (const { directory, origin } of searchLocations({ dir: "/tmp/fmnist" })) {
 *   console.log(`${directory} (${origin})`);
 * }
 * ```
 */
export function searchLocations(options: SearchLocationsOptions = {}): SearchLocation[] {
  const locations: SearchLocation[] = [];
  if (options.dir !== undefined) {
    if (typeof options.dir !== "string" || options.dir === "") {
      throw new TypeError(
        `The dir option must be a non-empty directory path, got ${JSON.stringify(options.dir)}. ` +
          `Pass the directory holding the Fashion-MNIST files, or leave dir out.`,
      );
    }
    return [{ directory: options.dir, origin: "dir option", explicit: true }];
  }
  const readEnvironment = options.env ?? readEnvironmentIfAllowed;
  const fromEnvironment = readEnvironment(FASHION_MNIST_DIRECTORY_VARIABLE);
  if (fromEnvironment) {
    return [{
      directory: fromEnvironment,
      origin: FASHION_MNIST_DIRECTORY_VARIABLE,
      explicit: true,
    }];
  }
  const fallbackDirs = options.fallbackDirs ??
    [projectDataDirectory(), DEBIAN_FASHION_MNIST_DIRECTORY];
  for (const directory of fallbackDirs) {
    const origin = directory === DEBIAN_FASHION_MNIST_DIRECTORY
      ? "Debian dataset-fashion-mnist"
      : directory === projectDataDirectory()
      ? "project data directory"
      : "fallback directory";
    locations.push({ directory, origin });
  }
  const seen = new Set<string>();
  return locations.filter(({ directory }) => {
    if (seen.has(directory)) return false;
    seen.add(directory);
    return true;
  });
}

/**
 * What one directory holds.
 *
 * @example
 * ```ts
 * import { type DirectoryContents, findFilesInDirectory } from "./locate.ts";
 *
 * const contents: DirectoryContents = await findFilesInDirectory("/usr/share/datasets/fashion-mnist");
 * console.log(contents.exists, contents.missing);
 * ```
 */
export interface DirectoryContents {
  /** The directory searched. */
  directory: string;
  /** False when the directory does not exist (or is not a directory). */
  exists: boolean;
  /** The path of each file found (uncompressed preferred over `.gz`). */
  found: Partial<Record<FashionMnistFileName, string>>;
  /** The base names of the files not found, in either form. */
  missing: FashionMnistFileName[];
}

/**
 * Looks for the four files in a directory, each as `NAME` or `NAME.gz`
 * (the uncompressed file wins when both exist, as it is faster to read).
 *
 * @param directory The directory to look in.
 * @returns Which files were found where, and which are missing.
 *
 * @example
 * ```ts
 * import { findFilesInDirectory } from "./locate.ts";
 *
 * const contents = await findFilesInDirectory("/usr/share/datasets/fashion-mnist");
 * console.log(contents.missing.length === 0 ? "complete" : `missing ${contents.missing}`);
 * ```
 */
export async function findFilesInDirectory(directory: string): Promise<DirectoryContents> {
  const contents: DirectoryContents = { directory, exists: false, found: {}, missing: [] };
  contents.exists = await isDirectory(directory);
  for (const name of FASHION_MNIST_FILE_NAMES) {
    const candidates = [join(directory, name), join(directory, `${name}.gz`)];
    let foundPath: string | undefined;
    if (contents.exists) {
      for (const candidate of candidates) {
        if (await isFile(candidate)) {
          foundPath = candidate;
          break;
        }
      }
    }
    if (foundPath) contents.found[name] = foundPath;
    else contents.missing.push(name);
  }
  return contents;
}

/**
 * Describes, for an error message, what a searched directory lacked.
 *
 * @param contents The result of {@link findFilesInDirectory}.
 * @param origin Why the directory was searched.
 * @returns One line, e.g. "/x (dir option): directory does not exist".
 *
 * @example
 * ```ts
 * import { describeDirectoryContents, findFilesInDirectory } from "./locate.ts";
 *
 * console.log(describeDirectoryContents(await findFilesInDirectory("/nonexistent"), "dir option"));
 * ```
 */
export function describeDirectoryContents(contents: DirectoryContents, origin: string): string {
  const place = `${contents.directory} (${origin})`;
  if (!contents.exists) return `${place}: directory does not exist`;
  if (contents.missing.length === 0) return `${place}: all four files present`;
  return `${place}: missing ${contents.missing.map((name) => `${name}[.gz]`).join(", ")}`;
}

function readEnvironmentIfAllowed(name: string): string | undefined {
  const permission = Deno.permissions.querySync({ name: "env", variable: name });
  return permission.state === "granted" ? Deno.env.get(name) : undefined;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await statIfExists(path))?.isDirectory ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await statIfExists(path))?.isFile ?? false;
}

/**
 * `Deno.stat`, or undefined when nothing is there; a path that cannot be looked at (no
 * permission) is a {@link FashionMnistError} naming it.
 */
async function statIfExists(path: string): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory) {
      return undefined;
    }
    if (error instanceof Deno.errors.NotCapable) {
      throw new FashionMnistError(
        `Cannot read ${path}: Deno was not given read access to it (${
          (error as Error).message
        }). ` +
          `Run with --allow-read (the deno tasks do), or set ${FASHION_MNIST_DIRECTORY_VARIABLE} ` +
          `to a folder the command may read.`,
        path,
        { cause: error },
      );
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new FashionMnistError(
        `Cannot read ${path}: permission denied (${(error as Error).message}). Give your user ` +
          `read access to the Fashion-MNIST folder and its files (e.g. chmod -R a+rX on the ` +
          `folder), or set ${FASHION_MNIST_DIRECTORY_VARIABLE} to a copy you can read.`,
        path,
        { cause: error },
      );
    }
    throw error;
  }
}
