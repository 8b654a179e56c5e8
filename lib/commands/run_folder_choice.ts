/**
 * Where a notebook trains its model: by default into a new, empty run folder, so that running
 * the notebook trains in front of the reader; reusing a finished run is an explicit opt-in, the
 * environment variable `AE_REUSE_RUN`. A quick run (`AE_QUICK`) always trains, in a temporary
 * folder outside `runs/`.
 *
 * @module
 */
import { isAbsolute, join } from "node:path";

/**
 * The environment variable that opts in to reusing a finished run instead of training.
 *
 * @example
 * ```ts
 * console.log(REUSE_RUN_VARIABLE); // "AE_REUSE_RUN"
 * ```
 */
export const REUSE_RUN_VARIABLE = "AE_REUSE_RUN";

const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["", "0", "false", "no", "off"];

/**
 * Options of {@link chooseRunFolder}.
 *
 * @example
 * ```ts
 * const options: RunFolderChoiceOptions = {
 *   quick: false,
 *   reuseDirectory: "../runs/article-cae",
 *   freshParent: "../runs",
 *   prefix: "notebook-03-article-cae-",
 *   projectRoot: "..",
 * };
 * ```
 */
export interface RunFolderChoiceOptions {
  /** A quick run: train in a temporary folder whatever `AE_REUSE_RUN` says. */
  quick: boolean;
  /** The folder `AE_REUSE_RUN=1` reuses, e.g. the one a README command writes. */
  reuseDirectory: string;
  /** Where a new run folder is made (created if missing), e.g. "../runs". */
  freshParent: string;
  /** Start of the new folder's name; a random suffix makes it unique. */
  prefix: string;
  /** What a relative path in `AE_REUSE_RUN` is relative to. Default "." (the working directory). */
  projectRoot?: string;
  /** Reads an environment variable; default `Deno.env.get`. */
  readEnvironment?: (name: string) => string | undefined;
}

/**
 * What {@link chooseRunFolder} decided.
 *
 * @example
 * ```ts
 * const choice: RunFolderChoice = {
 *   directory: "../runs/notebook-03-article-cae-x1y2z3",
 *   reuse: false,
 *   temporary: false,
 *   note: "Training here, into ../runs/notebook-03-article-cae-x1y2z3.",
 * };
 * ```
 */
export interface RunFolderChoice {
  /** The run folder to give `loadOrTrainRun`. */
  directory: string;
  /** True when a finished run there may be loaded instead of trained. */
  reuse: boolean;
  /** True for a quick run's folder, which the notebook removes at its end. */
  temporary: boolean;
  /** One sentence for the reader: what happens and why. */
  note: string;
}

/**
 * Decides where the notebook's run goes. `AE_REUSE_RUN` unset (or `0`, `false`, `no`, `off`):
 * a new empty folder in `freshParent`, so the model is trained here. `1` (`true`, `yes`, `on`):
 * `reuseDirectory`. Anything else: that folder (relative paths from `projectRoot`). With `quick`
 * a new temporary folder, and `AE_REUSE_RUN` is ignored.
 *
 * @example
 * ```ts
 * const folder = await chooseRunFolder({
 *   quick: settings.quick,
 *   reuseDirectory: "../runs/article-cae",
 *   freshParent: "../runs",
 *   prefix: "notebook-03-article-cae-",
 *   projectRoot: "..",
 * });
 * console.log(folder.note);
 * const run = await loadOrTrainRun({ directory: folder.directory, config });
 * ```
 */
export async function chooseRunFolder(options: RunFolderChoiceOptions): Promise<RunFolderChoice> {
  const read = options.readEnvironment ?? ((name: string) => Deno.env.get(name));
  const raw = (read(REUSE_RUN_VARIABLE) ?? "").trim();
  if (options.quick) {
    const directory = await Deno.makeTempDir({ prefix: options.prefix });
    const ignored = raw === "" ? "" : ` (${REUSE_RUN_VARIABLE} is ignored in a quick run)`;
    return {
      directory,
      reuse: false,
      temporary: true,
      note: `Training here, into the temporary folder ${directory}${ignored}.`,
    };
  }
  if (FALSE_WORDS.includes(raw.toLowerCase())) {
    await Deno.mkdir(options.freshParent, { recursive: true });
    const directory = await Deno.makeTempDir({ dir: options.freshParent, prefix: options.prefix });
    return {
      directory,
      reuse: false,
      temporary: false,
      note: `Training here, into ${directory} (set ${REUSE_RUN_VARIABLE}=1 to reuse ` +
        `${options.reuseDirectory} instead).`,
    };
  }
  const directory = TRUE_WORDS.includes(raw.toLowerCase())
    ? options.reuseDirectory
    : isAbsolute(raw)
    ? raw
    : join(options.projectRoot ?? ".", raw);
  return {
    directory,
    reuse: true,
    temporary: false,
    note: `${REUSE_RUN_VARIABLE}=${raw}: reusing the run in ${directory} if it is finished ` +
      `(else training it there).`,
  };
}
