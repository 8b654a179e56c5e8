/**
 * Flag parsing shared by the commands: Node's `parseArgs`, with its errors turned into a
 * {@link UsageError} (which the scripts print with the usage, exiting with code 2), and the check
 * of integer flag values.
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

/**
 * `parseArgs` from `node:util`, but an unknown flag or a missing value throws a
 * {@link UsageError} whose message says which flag (without Node's hint about dashes).
 *
 * @example
 * ```ts
 * const { values } = parseFlags({ args: ["--epochs", "3"], options: { epochs: { type: "string" } } });
 * values.epochs; // "3"
 * ```
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, "."));
  }
}

/**
 * The value of an integer flag, checked: digits only, a safe integer, at least `minimum`
 * (default 1). Undefined when the flag was not given.
 *
 * @throws {UsageError} Naming the flag, what it expects and what it got.
 *
 * @example
 * ```ts
 * integerFlag("epochs", "3"); // 3
 * integerFlag("seed", "0", 0); // 0
 * integerFlag("epochs", undefined); // undefined
 * ```
 */
export function integerFlag(
  flag: string,
  text: string | undefined,
  minimum = 1,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    const expected = minimum === 1
      ? "a positive integer"
      : minimum === 0
      ? "a non-negative integer"
      : `an integer >= ${minimum}`;
    throw new UsageError(`--${flag} expects ${expected}, got "${text}".`);
  }
  return value;
}
