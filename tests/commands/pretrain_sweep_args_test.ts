import assert from "node:assert/strict";
import { parsePretrainSweepArgs } from "../../lib/commands/pretrain_sweep_args.ts";
import { UsageError } from "../../lib/commands/flags.ts";

Deno.test("pretraining sweep flags default to both CAEs, 1-100 labels per class and 3 seeds", () => {
  const args = parsePretrainSweepArgs([]);
  assert.deepEqual(args.runs, ["runs/results-cae-latent20", "runs/cae-no-bottleneck-latent20"]);
  assert.deepEqual(args.budgets, [1, 5, 10, 100]);
  assert.deepEqual(args.seeds, [0, 1, 2]);
  assert.equal(args.stopAfterMinutes, undefined);
  const custom = parsePretrainSweepArgs(["--runs", "a, b", "--budgets", "2", "--stop-after", "9"]);
  assert.deepEqual([custom.runs, custom.budgets, custom.stopAfterMinutes], [["a", "b"], [2], 9]);
});

Deno.test("bad pretraining sweep flags are usage errors", () => {
  assert.throws(() => parsePretrainSweepArgs(["--budgets", "0"]), /integers >= 1/);
  assert.throws(() => parsePretrainSweepArgs(["--seeds", "x"]), /--seeds expects integers/);
  assert.throws(() => parsePretrainSweepArgs(["--runs", ","]), /at least one run folder/);
  assert.throws(() => parsePretrainSweepArgs(["--what"]), UsageError);
});
