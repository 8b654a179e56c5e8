import assert from "node:assert/strict";
import { integerFlag, parseFlags, UsageError } from "../../lib/commands/flags.ts";

const options = { epochs: { type: "string" as const }, help: { type: "boolean" as const } };

Deno.test("parseFlags returns the parsed values of known flags", () => {
  const { values } = parseFlags({ args: ["--epochs", "3", "--help"], options, strict: true });
  assert.equal(values.epochs, "3");
  assert.equal(values.help, true);
});

Deno.test("an unknown flag is a UsageError that names it, without Node's dash hint", () => {
  assert.throws(
    () => parseFlags({ args: ["--epoch", "3"], options, strict: true }),
    (error: unknown) =>
      error instanceof UsageError && /'--epoch'/.test(error.message) &&
      !/To specify/.test(error.message),
  );
});

Deno.test("integerFlag accepts digits at or above the minimum, and names the flag otherwise", () => {
  assert.equal(integerFlag("epochs", "3"), 3);
  assert.equal(integerFlag("seed", "0", 0), 0);
  assert.equal(integerFlag("epochs", undefined), undefined);
  const cases: [string, number, RegExp][] = [
    ["0", 1, /^--n expects a positive integer, got "0"\.$/],
    ["2.5", 1, /--n expects a positive integer, got "2\.5"/],
    ["-1", 0, /--n expects a non-negative integer, got "-1"/],
    ["1e3", 1, /--n expects a positive integer, got "1e3"/],
    ["3", 5, /--n expects an integer >= 5, got "3"/],
    ["99999999999999999999", 1, /--n expects a positive integer/],
  ];
  for (const [text, minimum, pattern] of cases) {
    assert.throws(
      () => integerFlag("n", text, minimum),
      (error: unknown) => error instanceof UsageError && pattern.test(error.message),
    );
  }
});
