import assert from "node:assert/strict";
import { parseFlags, UsageError } from "../../lib/commands/flags.ts";

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
