import assert from "node:assert/strict";
import {
  fatalErrorMessage,
  fatalExitCode,
  parseCommandLine,
} from "../../lib/commands/command_line.ts";
import { UsageError } from "../../lib/commands/flags.ts";
import { parseTrainArgs, TRAIN_USAGE } from "../../lib/commands/train_args.ts";

function capture(argv: string[]) {
  const written: string[] = [];
  const errors: string[] = [];
  const result = parseCommandLine(parseTrainArgs, argv, TRAIN_USAGE, {
    write: (text) => void written.push(text),
    writeError: (text) => void errors.push(text),
  });
  return { result, written, errors };
}

Deno.test("a usage error prints the message and the usage and asks for exit code 2", () => {
  const { result, errors, written } = capture(["--epochs", "zero"]);
  assert.deepEqual(result, { exitCode: 2 });
  assert.match(errors[0], /^Error: --epochs expects a positive integer/);
  assert.match(errors[0], /Usage: deno task train/);
  assert.deepEqual(written, []);
});

Deno.test("--help prints the usage and asks for exit code 0", () => {
  const { result, written } = capture(["--help"]);
  assert.deepEqual(result, { exitCode: 0 });
  assert.equal(written[0], TRAIN_USAGE);
});

Deno.test("good flags come back parsed, and errors other than usage errors propagate", () => {
  const { result } = capture(["--epochs", "2"]);
  assert.ok("args" in result && result.args.config.epochs === 2);
  assert.throws(
    () =>
      parseCommandLine(
        () => {
          throw new TypeError("bug");
        },
        [],
        "usage",
      ),
    TypeError,
  );
});

Deno.test("a fatal error prints its message, with the stack only for unexpected kinds", () => {
  const named = new Error("the run folder is torn");
  named.name = "CheckpointError";
  assert.equal(fatalErrorMessage(named), "Error: the run folder is torn");
  const bug = new TypeError("x is undefined");
  assert.match(fatalErrorMessage(bug), /^Error: x is undefined\nThis looks like a bug.*\n\s+at /);
  assert.equal(fatalErrorMessage("plain text"), "Error: plain text");
});

Deno.test("a fatal error's message is printed once, also with its stack", () => {
  const text = fatalErrorMessage(new Error("Empty path is not allowed"));
  assert.equal(text.split("Empty path is not allowed").length - 1, 1);
});

Deno.test("a usage error found after parsing exits with 2, anything else with 1", () => {
  assert.equal(fatalExitCode(new UsageError("--out runs/x is a file")), 2);
  assert.equal(fatalExitCode(new Error("disk full")), 1);
  assert.equal(fatalExitCode("text"), 1);
});
