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
 * The text a command prints when `main` throws: `Error: <message>` once. Errors of the project's own
 * named kinds (and Deno's, such as `PermissionDenied`) are a user's or the environment's problem and
 * get no stack trace; a plain `Error` or `TypeError` is likely a bug, so its trace follows, under a
 * line saying so.
 *
 * @example
 * ```ts
 * try {
 *   Deno.exit(await main());
 * } catch (error) {
 *   console.error(fatalErrorMessage(error));
 *   Deno.exit(fatalExitCode(error));
 * }
 * ```
 */
export function fatalErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  const known = error.name !== "Error" && error.name !== "TypeError";
  const message = `Error: ${error.message}`;
  if (known || !error.stack) return message;
  // The stack starts with "Name: message"; print the message once, then only the frames.
  const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
  return `${message}\nThis looks like a bug in fmnist-autoencoders; please report it with ` +
    `this trace:\n${frames.join("\n")}`;
}

/**
 * The exit code for an error that ended a command: 2 for a {@link UsageError} found after the flags
 * were parsed (an output path that is a file, say), 1 for everything else.
 *
 * @example
 * ```ts
 * fatalExitCode(new UsageError("--out names a file")); // 2
 * fatalExitCode(new Error("disk full")); // 1
 * ```
 */
export function fatalExitCode(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}
