import assert from "node:assert/strict";
import { quickModeSettings } from "../../../lib/presentation/notebook/quick_mode.ts";

const environment = (value: string | undefined) => (name: string) =>
  name === "AE_QUICK" ? value : undefined;

Deno.test("AE_QUICK=1 gives a quick run on a small slice for one epoch", () => {
  assert.deepEqual(
    quickModeSettings({ fullEpochs: 10, readEnvironment: environment("1") }),
    { quick: true, limit: 2000, epochs: 1 },
  );
  assert.deepEqual(
    quickModeSettings({
      fullEpochs: 10,
      quickEpochs: 2,
      quickLimit: 500,
      readEnvironment: environment(" Yes "),
    }),
    { quick: true, limit: 500, epochs: 2 },
  );
});

Deno.test("unset, empty or false AE_QUICK gives the full run on all the data", () => {
  for (const value of [undefined, "", "0", "false", "OFF", "no"]) {
    assert.deepEqual(
      quickModeSettings({ fullEpochs: 10, readEnvironment: environment(value) }),
      { quick: false, limit: undefined, epochs: 10 },
      `AE_QUICK=${value}`,
    );
  }
  assert.equal(
    quickModeSettings({ fullEpochs: 3, fullLimit: 6000, readEnvironment: environment("") }).limit,
    6000,
  );
});

Deno.test("an unrecognised AE_QUICK value is an error saying which values work", () => {
  assert.throws(
    () => quickModeSettings({ fullEpochs: 10, readEnvironment: environment("quick") }),
    /AE_QUICK is "quick", expected one of 1, true, yes, on \(quick run\) or 0, false, no, off or unset/,
  );
});

Deno.test("epoch and limit counts must be positive integers", () => {
  assert.throws(
    () => quickModeSettings({ fullEpochs: 0, readEnvironment: environment(undefined) }),
    /fullEpochs must be an integer >= 1, got 0/,
  );
});

Deno.test("by default the settings come from the real environment", () => {
  const saved = Deno.env.get("AE_QUICK");
  try {
    Deno.env.set("AE_QUICK", "1");
    assert.equal(quickModeSettings({ fullEpochs: 5 }).quick, true);
  } finally {
    if (saved === undefined) Deno.env.delete("AE_QUICK");
    else Deno.env.set("AE_QUICK", saved);
  }
});
