import assert from "node:assert/strict";
import { fastestThreadCount, TWO_THREADS_FROM_BATCH } from "../../lib/training/thread_count.ts";
import { DEFAULT_RUN_CONFIG } from "../../lib/training/run_config.ts";
import { TRAIN_USAGE } from "../../lib/commands/train_args.ts";

Deno.test("the article's batch of 32 trains on both cores, which measured faster than one", () => {
  assert.equal(DEFAULT_RUN_CONFIG.batchSize, 32);
  assert.equal(fastestThreadCount(DEFAULT_RUN_CONFIG.batchSize, 2), 2);
  assert.equal(fastestThreadCount(128, 2), 2);
});

Deno.test("batch 16, where one thread measured faster than two, trains on one", () => {
  assert.equal(fastestThreadCount(16, 2), 1);
  assert.equal(fastestThreadCount(1, 2), 1);
});

Deno.test("two threads from the threshold batch on, one just below it", () => {
  assert.ok(TWO_THREADS_FROM_BATCH > 16 && TWO_THREADS_FROM_BATCH <= 32);
  assert.equal(fastestThreadCount(TWO_THREADS_FROM_BATCH, 2), 2);
  assert.equal(fastestThreadCount(TWO_THREADS_FROM_BATCH - 1, 2), 1);
});

Deno.test("one core always gets one thread, and more than two are never chosen", () => {
  assert.equal(fastestThreadCount(32, 1), 1);
  assert.equal(fastestThreadCount(512, 1), 1);
  assert.equal(fastestThreadCount(512, 16), 2);
});

Deno.test("the train usage names the threshold the choice uses", () => {
  assert.match(TRAIN_USAGE, new RegExp(`2 on 2\\+ cores from batch ${TWO_THREADS_FROM_BATCH},`));
});
