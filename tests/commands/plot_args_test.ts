import assert from "node:assert/strict";
import { parsePlotArgs, PLOT_USAGE } from "../../lib/commands/plot_args.ts";
import { UsageError } from "../../lib/commands/train_args.ts";

Deno.test("run folders, --no-open, --explore and --port", () => {
  assert.deepEqual(parsePlotArgs(["runs/a"]), {
    help: false,
    directories: ["runs/a"],
    open: true,
    explore: false,
    port: 0,
  });
  assert.deepEqual(parsePlotArgs(["--no-open", "runs/a", "runs/b", "--port", "8080"]), {
    help: false,
    directories: ["runs/a", "runs/b"],
    open: false,
    explore: false,
    port: 8080,
  });
  assert.equal(parsePlotArgs(["--explore", "runs/a"]).explore, true);
  assert.equal(parsePlotArgs(["--help"]).help, true);
  assert.equal(parsePlotArgs(["-h"]).help, true);
});

Deno.test("usage errors: no folder, unknown flag, bad port", () => {
  const cases: [string[], RegExp][] = [
    [[], /Give at least one run folder/],
    [["--open", "runs/a"], /Unknown option '--open'/],
    [["--port", "http", "runs/a"], /--port expects an integer 0–65535, got "http"/],
    [["--port", "70000", "runs/a"], /got "70000"/],
    [["--port"], /--port/],
  ];
  for (const [args, pattern] of cases) {
    assert.throws(() => parsePlotArgs(args), (error: unknown) => {
      assert.ok(error instanceof UsageError, `${args}: ${error}`);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("the usage names the flags and the optional files", () => {
  for (
    const text of [
      "--no-open",
      "--explore",
      "--port N",
      "Ctrl-C",
      "latents.json",
      "anomaly/roc.json",
      "latent explorer",
    ]
  ) {
    assert.ok(PLOT_USAGE.includes(text), text);
  }
});
