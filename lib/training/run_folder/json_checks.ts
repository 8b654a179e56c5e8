/**
 * Checking JSON read from a run folder, with errors that say which file, which entry and field,
 * what was found and what was expected.
 *
 * @module
 */

/**
 * A run folder (or one of its files) that the viewer cannot read: the message names the path,
 * what is wrong and what to do. The CLI prints it without a stack trace.
 *
 * @example
 * ```ts
 * throw new RunFolderError("runs/x does not exist. Give the folder of a run (e.g. runs/cae-latent20).");
 * ```
 */
export class RunFolderError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "RunFolderError";
  }
}

/**
 * Parses JSON text, turning a syntax error into a {@link RunFolderError} that names the file.
 *
 * @example
 * ```ts
 * const value = parseJsonText('{"points": []}', "runs/x/latents.json");
 * ```
 */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RunFolderError(
      `${path} is not valid JSON (${(error as Error).message}). ` +
        `Rewrite it, or remove it if it is left over from an interrupted write.`,
    );
  }
}

/**
 * A short description of a JSON value for error messages: `"abc"`, `12`, `null`, `an array`, ...
 *
 * @example
 * ```ts
 * describeValue([1, 2]); // "an array"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * True for a plain JSON object (not null, not an array).
 *
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]); // false
 * ```
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Returns `value` when it is a finite number, else throws a {@link RunFolderError} naming `where`
 * (e.g. `"runs/x/latents.json, point 3, field x"`).
 *
 * @example
 * ```ts
 * const x = expectFiniteNumber(point.x, "runs/x/latents.json, point 3, field x");
 * ```
 */
export function expectFiniteNumber(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RunFolderError(`${where} is ${describeValue(value)}; expected a finite number.`);
  }
  return value;
}

/**
 * Returns `value` when it is an integer from `minimum` to `maximum`, else throws a
 * {@link RunFolderError} naming `where`.
 *
 * @example
 * ```ts
 * const label = expectInteger(point.label, "runs/x/latents.json, point 0, field label", 0, 9);
 * ```
 */
export function expectInteger(
  value: unknown,
  where: string,
  minimum: number,
  maximum = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER ? `>= ${minimum}` : `${minimum}–${maximum}`;
    throw new RunFolderError(`${where} is ${describeValue(value)}; expected an integer ${range}.`);
  }
  return value;
}

/**
 * Returns `value` when it is undefined or a string, else throws a {@link RunFolderError}.
 *
 * @example
 * ```ts
 * const title = optionalString(file.title, "runs/x/latents.json, field title");
 * ```
 */
export function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  throw new RunFolderError(`${where} is ${describeValue(value)}; expected a string or nothing.`);
}
