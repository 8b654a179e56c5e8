import assert from "node:assert/strict";
import { formatDuration, formatScientific } from "../../lib/training/format.ts";

Deno.test("losses print like Python's {:.1e}, as in the article", () => {
  assert.equal(formatScientific(268.4), "2.7e+02");
  assert.equal(formatScientific(241.96), "2.4e+02");
  assert.equal(formatScientific(0.00123), "1.2e-03");
  assert.equal(formatScientific(NaN), "NaN");
});

Deno.test("durations print as m:ss or h:mm:ss", () => {
  assert.equal(formatDuration(0), "0:00");
  assert.equal(formatDuration(75.4), "1:15");
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(Infinity), "?:??");
});
