import assert from "node:assert/strict";
import {
  createExchangeBuffer,
  exchangeBytes,
  GradientExchange,
  MAX_LOSS_TERMS,
} from "../../lib/training/gradient_exchange.ts";
import { threadShares } from "../../lib/training/data_parallel_step.ts";

const layout = { threads: 2, parameters: 5 };

function pair(): [GradientExchange, GradientExchange] {
  const buffer = createExchangeBuffer(layout);
  return [new GradientExchange(buffer, layout, 0), new GradientExchange(buffer, layout, 1)];
}

Deno.test("every thread gets the same weighted average of the gradients and loss terms", () => {
  const [main, worker] = pair();
  main.gradientSlot(1).set([1, 2, 3, 4, 5]);
  worker.gradientSlot(1).set([10, 20, 30, 40, 50]);
  main.publish(1, [100, 7]);
  worker.publish(1, [200, 9]);
  main.waitForAll(1, 1000);
  worker.waitForAll(1, 1000);
  const weights = [0.75, 0.25];
  const fromMain = main.averageGradients(1, weights, new Float32Array(5));
  const fromWorker = worker.averageGradients(1, weights, new Float32Array(5));
  assert.deepEqual([...fromMain], [3.25, 6.5, 9.75, 13, 16.25]);
  assert.deepEqual(fromWorker, fromMain);
  assert.deepEqual(main.averageTerms(1, weights, 2), [125, 7.5]);
});

Deno.test("alternate steps use separate slots, so the next step cannot overwrite this one", () => {
  const [main, worker] = pair();
  main.gradientSlot(1).fill(1);
  main.gradientSlot(2).fill(2);
  assert.deepEqual([...main.gradientSlot(1)], [1, 1, 1, 1, 1]);
  assert.notEqual(worker.gradientSlot(2).byteOffset, main.gradientSlot(2).byteOffset);
});

Deno.test("waiting for a thread that failed throws instead of hanging", () => {
  const [main, worker] = pair();
  main.publish(1, [0]);
  worker.fail();
  assert.throws(() => main.waitForAll(1, 60_000), /Training thread 1 failed during step 1/);
});

Deno.test("waiting gives up after the timeout when a thread never arrives", () => {
  const [main] = pair();
  main.publish(3, [0]);
  assert.throws(() => main.waitForAll(3, 50), /did not finish step 3 in time/);
});

Deno.test("the exchange checks its layout and term count", () => {
  assert.equal(exchangeBytes({ threads: 2, parameters: 10 }), 12 + 4 * 2 * 2 * (10 + 8));
  assert.throws(() => createExchangeBuffer({ threads: 0, parameters: 5 }), /threads/);
  assert.throws(() => new GradientExchange(new SharedArrayBuffer(8), layout, 0), /bytes/);
  assert.throws(() => new GradientExchange(createExchangeBuffer(layout), layout, 2), /thread/);
  const [main] = pair();
  assert.throws(() => main.publish(1, new Array(MAX_LOSS_TERMS + 1).fill(0)), /At most/);
});

Deno.test("threadShares splits a batch into near-equal shares, keeping empty ones", () => {
  assert.deepEqual(threadShares(32, 2), [16, 16]);
  assert.deepEqual(threadShares(33, 2), [17, 16]);
  assert.deepEqual(threadShares(1, 2), [1, 0]);
  assert.deepEqual(threadShares(7, 3), [3, 2, 2]);
});
