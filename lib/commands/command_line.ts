/**
 * The shared start of every command: parse the flags, answer `--help`, and turn a usage error into
 * a message plus exit code 2 — without exiting, so the script decides.
 *
 * @module
 */
import { UsageError } from "./flags.ts";

/** What {@link parseCommandLine} returns: the parsed flags, or the exit code to stop with. */
export type ParsedCommandLine<T> = { args: T } | { exitCode: number };

/**
 * Parses `argv` with `parse`. On a {@link UsageError} it writes the message and the usage to
 * `writeError` and returns exit code 2; on `--help` it writes the usage and returns exit code 0.
 * Other errors propagate.
 *
 * @example
 * ```ts
 * const parsed = parseCommandLine(parseTrainArgs, Deno.args, TRAIN_USAGE);
 * if ("exitCode" in parsed) return parsed.exitCode;
 * const { config } = parsed.args;
 * ```
 */
export function parseCommandLine<T extends { help: boolean }>(
  parse: (argv: string[]) => T,
  argv: string[],
  usage: string,
  output: { write?: (text: string) => void; writeError?: (text: string) => void } = {},
): ParsedCommandLine<T> {
  const write = output.write ?? ((text: string) => console.log(text));
  const writeError = output.writeError ?? ((text: string) => console.error(text));
  let args: T;
  try {
    args = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      writeError(`Error: ${error.message}\n\n${usage}`);
      return { exitCode: 2 };
    }
    throw error;
  }
  if (args.help) {
    write(usage);
    return { exitCode: 0 };
  }
  return { args };
}

/**
 * The text a command prints when `main` throws: `Error: <message>`, plus the stack trace for
 * errors that are not the project's own named kinds (a plain Error or TypeError is likely a bug).
 *
 * @example
 * ```ts
 * try {
 *   Deno.exit(await main());
 * } catch (error) {
 *   console.error(fatalErrorMessage(error));
 *   Deno.exit(1);
 * }
 * ```
 */
export function fatalErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  const known = error.name !== "Error" && error.name !== "TypeError";
  const message = `Error: ${error.message}`;
  return known || !error.stack ? message : `${message}\n${error.stack}`;
}
