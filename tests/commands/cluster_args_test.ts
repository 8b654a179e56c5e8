import assert from "node:assert/strict";
import { parseClusterArgs } from "../../lib/commands/cluster_args.ts";
import { UsageError } from "../../lib/commands/flags.ts";

Deno.test("cluster flags default to three seeds, 20 epochs and the test images", () => {
  const args = parseClusterArgs([]);
  assert.deepEqual(args.seeds, [0, 1, 2]);
  assert.equal(args.epochs, 20);
  assert.deepEqual(args.scoreEpochs, [1, 2, 5, 10]);
  assert.equal(args.images, "test");
  assert.equal(args.covariance, "full");
  assert.equal(args.umapEpochs, null);
  assert.equal(args.limit, null);
  assert.equal(args.stopAfterMinutes, undefined);
});

Deno.test("cluster flags parse lists, choices and numbers", () => {
  const args = parseClusterArgs([
    "--seeds=3,4",
    "--epochs",
    "7",
    "--score-epochs",
    "1, 3",
    "--images",
    "all",
    "--covariance",
    "diagonal",
    "--umap-epochs",
    "200",
    "--stop-after",
    "25",
  ]);
  assert.deepEqual(args.seeds, [3, 4]);
  assert.deepEqual(args.scoreEpochs, [1, 3]);
  assert.equal(args.images, "all");
  assert.equal(args.covariance, "diagonal");
  assert.equal(args.umapEpochs, 200);
  assert.equal(args.stopAfterMinutes, 25);
});

Deno.test("bad cluster flags are usage errors that name the flag", () => {
  assert.throws(() => parseClusterArgs(["--images", "train"]), /--images must be "test" or "all"/);
  assert.throws(() => parseClusterArgs(["--covariance", "spherical"]), /--covariance must be/);
  assert.throws(() => parseClusterArgs(["--seeds", "0,0"]), /lists a seed twice/);
  assert.throws(() => parseClusterArgs(["--seeds", "a"]), /--seeds expects integers >= 0/);
  assert.throws(() => parseClusterArgs(["--score-epochs", "0"]), /integers >= 1/);
  assert.throws(() => parseClusterArgs(["--epochs", "2.5"]), /--epochs expects a positive integer/);
  assert.throws(() => parseClusterArgs(["--bogus"]), UsageError);
});
