import assert from "node:assert/strict";
import { parseLatentArgs } from "../../lib/commands/latent_args.ts";
import { UsageError } from "../../lib/commands/train_args.ts";

Deno.test("latent flags parse into parts, budgets and sizes", () => {
  const args = parseLatentArgs([
    "--parts",
    "clustering,features",
    "--budgets",
    "10,all",
    "--no-umap",
  ]);
  assert.deepEqual(args.parts, ["clustering", "features"]);
  assert.deepEqual(args.budgets, [10, "all"]);
  assert.equal(args.umap, false);
  assert.deepEqual(args.ks, [2, 10, 20, 64]);
});

Deno.test("unknown parts, flags and bad numbers are usage errors", () => {
  assert.throws(() => parseLatentArgs(["--parts", "magic"]), /Unknown part\(s\) magic/);
  assert.throws(() => parseLatentArgs(["--bogus"]), UsageError);
  assert.throws(
    () => parseLatentArgs(["--draws", "0"]),
    /--draws expects a positive integer, got "0"/,
  );
});
