import assert from "node:assert/strict";
import {
  BENCH_USAGE,
  DEFAULT_BENCH_BATCH_SIZES,
  parseBenchArgs,
  UsageError,
} from "../../lib/commands/bench_args.ts";
import { parseCommandLine } from "../../lib/commands/command_line.ts";
import { runTask } from "../helpers/task_command.ts";

Deno.test("no flags measure batch 32 and 128 with 12 timed steps, nothing extra", () => {
  assert.deepEqual(parseBenchArgs([]), {
    help: false,
    steps: 12,
    batchSizes: [32, 128],
    profile: false,
    cpu: false,
    json: undefined,
  });
  assert.deepEqual(DEFAULT_BENCH_BATCH_SIZES, [32, 128]);
});

Deno.test("every bench flag is parsed", () => {
  assert.deepEqual(
    parseBenchArgs([
      "--steps=20",
      "--batch-sizes",
      "32, 64,128",
      "--profile",
      "--cpu",
      "--json",
      "bench.json",
    ]),
    {
      help: false,
      steps: 20,
      batchSizes: [32, 64, 128],
      profile: true,
      cpu: true,
      json: "bench.json",
    },
  );
  assert.equal(parseBenchArgs(["-h"]).help, true);
});

Deno.test("bad bench flags are usage errors that say what was expected", () => {
  const cases: [string[], RegExp][] = [
    [["--bogus"], /Unknown option '--bogus'/],
    [["--steps", "0"], /--steps expects a positive integer, got "0"/],
    [["--steps", "x"], /--steps expects a positive integer, got "x"/],
    [["--batch-sizes", "32,x"], /--batch-sizes expects integers >= 1, got "x"/],
    [["--batch-sizes", "0"], /--batch-sizes expects integers >= 1, got "0"/],
    [["--batch-sizes", ""], /--batch-sizes expects a comma-separated list/],
    [["--json"], /--json/],
    [["extra"], /positional argument/i],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => parseBenchArgs(args), (error: unknown) => {
      assert.ok(error instanceof UsageError, `${args}: ${error}`);
      assert.match(error.message, message);
      return true;
    });
  }
});

Deno.test("--help answers with the usage and exit 0, a bad flag with the message and exit 2", () => {
  const written: string[] = [];
  const output = {
    write: (t: string) => written.push(t),
    writeError: (t: string) => written.push(t),
  };
  assert.deepEqual(parseCommandLine(parseBenchArgs, ["--help"], BENCH_USAGE, output), {
    exitCode: 0,
  });
  assert.equal(written.pop(), BENCH_USAGE);
  assert.deepEqual(parseCommandLine(parseBenchArgs, ["--bogus"], BENCH_USAGE, output), {
    exitCode: 2,
  });
  assert.equal(written.pop(), `Error: Unknown option '--bogus'\n\n${BENCH_USAGE}`);
});

Deno.test("deno task bench --help exits 0 and a bad flag exits 2, both without a stack trace", async () => {
  const help = await runTask("bench", "--help");
  assert.equal(help.code, 0, help.text);
  assert.match(help.text, /Usage: deno task bench \[options\]/);
  const bad = await runTask("bench", "--steps", "-3");
  assert.equal(bad.code, 2, bad.text);
  assert.match(bad.text, /^Error: /m);
  assert.match(bad.text, /Usage: deno task bench/);
  assert.doesNotMatch(bad.text, /^\s+at /m);
});
