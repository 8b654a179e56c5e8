import assert from "node:assert/strict";
import { klWarmupSchedule } from "../../lib/training/kl_warmup.ts";

Deno.test("the warm-up raises beta linearly per step from 0 and holds it after the last warm-up epoch", () => {
  const betaAt = klWarmupSchedule({ beta: 2, warmupEpochs: 2, batchesPerEpoch: 4 });
  // Steps 0..7 of epochs 1-2 ramp over 8 steps: β = 2 · s / 8.
  const ramp = [1, 2].flatMap((epoch) => [0, 1, 2, 3].map((batch) => betaAt(epoch, batch)));
  assert.deepEqual(ramp, [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
  assert.equal(betaAt(3, 0), 2);
  assert.equal(betaAt(9, 3), 2);
});

Deno.test("no warm-up keeps beta constant, and a fractional warm-up ends mid-epoch", () => {
  const constant = klWarmupSchedule({ beta: 0.5, warmupEpochs: 0, batchesPerEpoch: 10 });
  assert.deepEqual([constant(1, 0), constant(1, 9), constant(4, 2)], [0.5, 0.5, 0.5]);
  const half = klWarmupSchedule({ beta: 1, warmupEpochs: 0.5, batchesPerEpoch: 10 });
  assert.deepEqual([half(1, 0), half(1, 1), half(1, 5), half(1, 9)], [0, 0.2, 1, 1]);
});

Deno.test("the schedule depends on the position only, so a resumed run continues the same ramp", () => {
  const options = { beta: 1, warmupEpochs: 3, batchesPerEpoch: 375 };
  const straight = klWarmupSchedule(options);
  straight(1, 0);
  straight(1, 374);
  const resumed = klWarmupSchedule(options); // a fresh schedule, as after a restart
  assert.equal(resumed(2, 100), straight(2, 100));
  assert.equal(resumed(2, 100), (375 + 100) / 1125);
});

Deno.test("the warm-up rejects impossible settings and positions", () => {
  assert.throws(() => klWarmupSchedule({ beta: -1, warmupEpochs: 1, batchesPerEpoch: 1 }), /beta/);
  assert.throws(
    () => klWarmupSchedule({ beta: 1, warmupEpochs: -2, batchesPerEpoch: 1 }),
    /warmupEpochs must be a number >= 0/,
  );
  assert.throws(
    () => klWarmupSchedule({ beta: 1, warmupEpochs: 1, batchesPerEpoch: 0 }),
    /batchesPerEpoch must be a positive integer/,
  );
  const betaAt = klWarmupSchedule({ beta: 1, warmupEpochs: 1, batchesPerEpoch: 5 });
  assert.throws(() => betaAt(0, 0), /epoch from 1 and a batch from 0/);
});
