import assert from "node:assert/strict";
import { parseResultsArgs, UsageError } from "../../lib/commands/results_args.ts";

Deno.test("results flags default to runs/results.json, 5 samples and the runs/results-* folders", () => {
  const args = parseResultsArgs([]);
  assert.deepEqual(args, {
    help: false,
    samples: 5,
    json: "runs/results.json",
    figures: undefined,
    folders: [],
  });
  assert.deepEqual(parseResultsArgs(["runs/a", "--samples", "2"]).folders, ["runs/a"]);
});

Deno.test("results refuses empty paths and bad sample counts as usage errors", () => {
  for (
    const argv of [["--json", ""], ["--figures", ""], [""], ["--samples", "-2"], ["--nope"]]
  ) {
    assert.throws(() => parseResultsArgs(argv), UsageError, argv.join(" "));
  }
});
