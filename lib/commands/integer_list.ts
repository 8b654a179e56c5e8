/**
 * Comma-separated integer flags (`--seeds 0,1,2`, `--budgets 1,5,10`), checked with a message that
 * names the flag.
 *
 * @module
 */
import { UsageError } from "./flags.ts";

/**
 * Parses `text` as comma-separated integers of at least `minimum`; spaces around items are fine.
 *
 * @throws {UsageError} When the list is empty or an item is not such an integer.
 *
 * @example
 * ```ts
 * parseIntegerList("seeds", "0, 1,2", 0); // [0, 1, 2]
 * ```
 */
export function parseIntegerList(name: string, text: string, minimum: number): number[] {
  const parts = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 0) throw new UsageError(`--${name} expects a comma-separated list.`);
  return parts.map((part) => {
    const value = Number(part);
    if (!/^\d+$/.test(part) || !Number.isSafeInteger(value) || value < minimum) {
      throw new UsageError(`--${name} expects integers >= ${minimum}, got "${part}".`);
    }
    return value;
  });
}
