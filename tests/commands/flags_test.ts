import assert from "node:assert/strict";
import { integerFlag, parseFlags, pathFlag, UsageError } from "../../lib/commands/flags.ts";

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

Deno.test("a negative number after a string flag is its value, for the flag's own check to judge", () => {
  for (const value of ["-3", "-0.5", "-.5", "-1e3", "-Infinity"]) {
    const { values } = parseFlags({ args: ["--epochs", value], options, strict: true });
    assert.equal(values.epochs, value);
  }
  assert.throws(
    () => integerFlag("epochs", parseFlags({ args: ["--epochs", "-3"], options }).values.epochs),
    (error: unknown) =>
      error instanceof UsageError &&
      error.message === '--epochs expects a positive integer, got "-3".',
  );
});

Deno.test("a flag followed by another flag still says its value is missing", () => {
  assert.throws(
    () => parseFlags({ args: ["--epochs", "--help"], options, strict: true }),
    (error: unknown) => error instanceof UsageError && /'--epochs'/.test(error.message),
  );
});

Deno.test("integerFlag with a maximum names the bound and why", () => {
  const maximum = { value: 784, reason: "no larger than the image" };
  assert.equal(integerFlag("latent-dim", "784", 1, maximum), 784);
  assert.throws(
    () => integerFlag("latent-dim", "100000000", 1, maximum),
    (error: unknown) =>
      error instanceof UsageError &&
      error.message ===
        "--latent-dim expects an integer from 1 to 784 (no larger than the image), got 100000000.",
  );
  assert.throws(
    () => integerFlag("latent-dim", "-5", 1, maximum),
    /--latent-dim expects an integer from 1 to 784, got "-5"/,
  );
});

Deno.test("pathFlag refuses an empty or blank path and a NUL character, naming the flag", () => {
  assert.equal(pathFlag("out", "runs/x"), "runs/x");
  assert.equal(pathFlag("out", undefined), undefined);
  assert.throws(
    () => pathFlag("out", ""),
    (error: unknown) =>
      error instanceof UsageError &&
      error.message.startsWith("--out expects a folder path, got an empty string."),
  );
  assert.throws(() => pathFlag("json", "  ", "file"), /--json expects a file path, got " {2}"/);
  assert.throws(() => pathFlag("out", "a\0b"), /NUL/);
  assert.throws(() => pathFlag("<RUN_DIR>", ""), /<RUN_DIR> expects a folder path/);
});
