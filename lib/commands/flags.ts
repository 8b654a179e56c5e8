/**
 * Flag parsing shared by the commands: Node's `parseArgs`, with its errors turned into a
 * {@link UsageError} (which the scripts print with the usage, exiting with code 2), and the checks
 * of integer and path flag values.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A command line that cannot be understood; the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A value that reads as a negative number: `-3`, `-0.5`, `-.5`, `-1e3`, `-Infinity`. */
const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity$)/;

/**
 * `--flag -3` as `--flag=-3` for the string flags of `options`, so that a negative value reaches
 * the flag's own check (Node's `parseArgs` would call it "ambiguous" and hint at dashes).
 */
function joinNegativeValues(
  args: readonly string[],
  options: ParseArgsConfig["options"],
): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    const next = args[index + 1];
    if (
      name !== undefined && options?.[name]?.type === "string" && next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * `parseArgs` from `node:util`, but an unknown flag or a missing value throws a
 * {@link UsageError} whose message says which flag (without Node's hint about dashes), and a
 * negative number after a string flag (`--epochs -3`) is taken as its value, for the flag's own
 * check to judge.
 *
 * @example
 * ```ts
 * const { values } = parseFlags({ args: ["--epochs", "3"], options: { epochs: { type: "string" } } });
 * values.epochs; // "3"
 * ```
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args === undefined
    ? undefined
    : joinNegativeValues(config.args, config.options);
  try {
    return parseArgs({ ...config, args }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, "."));
  }
}

/** The largest value an integer flag accepts, and why (for the message). */
export interface FlagMaximum {
  value: number;
  /** Why, e.g. "the latent is meant to be smaller than the 784-pixel image". */
  reason: string;
}

/**
 * The value of an integer flag, checked: digits only, a safe integer, at least `minimum`
 * (default 1) and, when `maximum` is given, at most its value. Undefined when the flag was not
 * given.
 *
 * @throws {UsageError} Naming the flag, what it expects and what it got.
 *
 * @example
 * ```ts
 * integerFlag("epochs", "3"); // 3
 * integerFlag("seed", "0", 0); // 0
 * integerFlag("epochs", undefined); // undefined
 * integerFlag("latent-dim", "20", 1, { value: 784, reason: "at most one number per pixel" }); // 20
 * ```
 */
export function integerFlag(
  flag: string,
  text: string | undefined,
  minimum = 1,
  maximum?: FlagMaximum,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    const expected = maximum !== undefined
      ? `an integer from ${minimum} to ${maximum.value}`
      : minimum === 1
      ? "a positive integer"
      : minimum === 0
      ? "a non-negative integer"
      : `an integer >= ${minimum}`;
    throw new UsageError(`--${flag} expects ${expected}, got "${text}".`);
  }
  if (maximum !== undefined && value > maximum.value) {
    throw new UsageError(
      `--${flag} expects an integer from ${minimum} to ${maximum.value} (${maximum.reason}), ` +
        `got ${text}.`,
    );
  }
  return value;
}

/**
 * The value of a flag (or positional argument) that names a file or folder, checked: not empty,
 * not only spaces, no NUL character. Undefined when it was not given.
 *
 * @throws {UsageError} Naming the flag, what it got and what it expects.
 *
 * @example
 * ```ts
 * pathFlag("out", "runs/cae"); // "runs/cae"
 * pathFlag("out", undefined); // undefined
 * pathFlag("out", ""); // throws: --out expects a folder path, got an empty string.
 * ```
 */
export function pathFlag(
  flag: string,
  text: string | undefined,
  kind: "folder" | "file" = "folder",
): string | undefined {
  if (text === undefined) return undefined;
  const name = flag.startsWith("<") ? flag : `--${flag}`;
  if (text.trim() === "") {
    throw new UsageError(
      `${name} expects a ${kind} path, got ${text === "" ? "an empty string" : `"${text}"`}. ` +
        `Give a path such as ${kind === "folder" ? "runs/my-run" : "runs/results.json"}.`,
    );
  }
  if (text.includes("\0")) {
    throw new UsageError(`${name} expects a ${kind} path, got one with a NUL character.`);
  }
  return text;
}
