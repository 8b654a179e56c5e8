/**
 * Number and time formatting shared by the progress display and the CLI.
 *
 * @module
 */

/**
 * Formats like Python's `f"{x:.1e}"`, as the article prints its losses: `2.7e+02`.
 *
 * @example
 * ```ts
 * formatScientific(268.4); // "2.7e+02"
 * ```
 */
export function formatScientific(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const [mantissa, exponent] = value.toExponential(digits).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const magnitude = exponent.replace(/^[+-]/, "").padStart(2, "0");
  return `${mantissa}e${sign}${magnitude}`;
}

/**
 * Formats seconds as `m:ss` (or `h:mm:ss` from one hour on).
 *
 * @example
 * ```ts
 * formatDuration(75); // "1:15"
 * formatDuration(3725); // "1:02:05"
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?:??";
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
