/**
 * Quick mode for notebooks: `AE_QUICK=1` runs every notebook on a small slice of the data for a
 * single epoch (a smoke test, e.g. in CI); unset, they run in full. One place for that logic so
 * notebooks don't copy it.
 *
 * @module
 */

/**
 * The environment variable that turns quick mode on.
 *
 * @example
 * ```ts
 * console.log(QUICK_MODE_VARIABLE); // "AE_QUICK"
 * ```
 */
export const QUICK_MODE_VARIABLE = "AE_QUICK";

/**
 * Options of {@link quickModeSettings}.
 *
 * @example
 * ```ts
 * const options: QuickModeOptions = { fullEpochs: 10, quickLimit: 1000 };
 * ```
 */
export interface QuickModeOptions {
  /** Epochs of a full run. */
  fullEpochs: number;
  /** Epochs of a quick run. Default 1. */
  quickEpochs?: number;
  /** Images per split in a quick run (`loadFashionMnist({ limit })`). Default 2000. */
  quickLimit?: number;
  /** Images per split in a full run. Default: all (undefined). */
  fullLimit?: number;
  /** Reads an environment variable; default `Deno.env.get` (needs --allow-env). */
  readEnvironment?: (name: string) => string | undefined;
}

/**
 * What a notebook should do: `limit` goes to `loadFashionMnist({ limit })`, `epochs` to `fit`.
 *
 * @example
 * ```ts
 * const settings: QuickModeSettings = { quick: true, limit: 2000, epochs: 1 };
 * ```
 */
export interface QuickModeSettings {
  quick: boolean;
  limit: number | undefined;
  epochs: number;
}

const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["", "0", "false", "no", "off"];

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new RangeError(`quickModeSettings: ${name} must be an integer >= 1, got ${value}.`);
  }
}

/**
 * Reads `AE_QUICK` and returns the settings for a quick or a full run. `1`, `true`, `yes`, `on`
 * mean quick; unset, empty, `0`, `false`, `no`, `off` mean full (case-insensitive).
 *
 * @throws {Error} When `AE_QUICK` holds anything else.
 *
 * @example
 * ```ts
 * const { quick, limit, epochs } = quickModeSettings({ fullEpochs: 10 });
 * const fashion = await loadFashionMnist({ limit });
 * const history = await fit(engine, fashion, { epochs, callbacks: liveTrainingDisplay() });
 * ```
 */
export function quickModeSettings(options: QuickModeOptions): QuickModeSettings {
  const quickEpochs = options.quickEpochs ?? 1;
  const quickLimit = options.quickLimit ?? 2000;
  checkCount("fullEpochs", options.fullEpochs);
  checkCount("quickEpochs", quickEpochs);
  checkCount("quickLimit", quickLimit);
  checkCount("fullLimit", options.fullLimit);
  const readEnvironment = options.readEnvironment ?? ((name: string) => Deno.env.get(name));
  const raw = readEnvironment(QUICK_MODE_VARIABLE);
  const value = (raw ?? "").trim().toLowerCase();
  if (TRUE_WORDS.includes(value)) return { quick: true, limit: quickLimit, epochs: quickEpochs };
  if (FALSE_WORDS.includes(value)) {
    return { quick: false, limit: options.fullLimit, epochs: options.fullEpochs };
  }
  throw new Error(
    `${QUICK_MODE_VARIABLE} is "${raw}", expected one of ${TRUE_WORDS.join(", ")} (quick run) ` +
      `or ${FALSE_WORDS.slice(1).join(", ")} or unset (full run). ` +
      `Set ${QUICK_MODE_VARIABLE}=1 for a quick run or unset it.`,
  );
}
