import assert from "node:assert/strict";
import { parseIntegerList } from "../../lib/commands/integer_list.ts";
import { parsePretrainSweepArgs } from "../../lib/commands/pretrain_sweep_args.ts";

Deno.test("integer lists allow spaces and reject empty lists, decimals and small values", () => {
  assert.deepEqual(parseIntegerList("seeds", " 0, 1 ,2", 0), [0, 1, 2]);
  assert.throws(
    () => parseIntegerList("seeds", " , ", 0),
    /--seeds expects a comma-separated list/,
  );
  assert.throws(() => parseIntegerList("budgets", "1.5", 1), /--budgets expects integers >= 1/);
  assert.throws(() => parseIntegerList("budgets", "0", 1), /got "0"/);
  assert.throws(() => parsePretrainSweepArgs(["--stop-after", "9,10"]), /expects one number/);
});
