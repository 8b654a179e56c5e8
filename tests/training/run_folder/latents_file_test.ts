import assert from "node:assert/strict";
import { join } from "node:path";
import {
  parseLatentsJson,
  readLatentsFile,
} from "../../../lib/training/run_folder/latents_file.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";

Deno.test("a bare array and the object form of latents.json both parse", () => {
  const points = [{ x: 0.5, y: -1, label: 7, index: 12 }];
  assert.deepEqual(parseLatentsJson(points, "l.json"), { points });
  assert.deepEqual(
    parseLatentsJson({ points, xTitle: "PC1", yTitle: "PC2", title: "PCA" }, "l.json"),
    { points, xTitle: "PC1", yTitle: "PC2", title: "PCA" },
  );
});

Deno.test("bad latents.json content names the point and field", () => {
  const cases: [unknown, RegExp][] = [
    [{ codes: [] }, /l\.json holds an object without a "points" array/],
    [[], /l\.json has no points/],
    [[{ x: "1", y: 0, label: 0, index: 0 }], /point 0, field x is "1"; expected a finite number/],
    [[{ x: 1, y: 0, label: 0, index: -1 }], /point 0, field index is -1; expected an integer >= 0/],
    [[1], /point 0 is 1; expected \{ "x", "y", "label", "index" \}/],
    [
      { points: [{ x: 1, y: 0, label: 0, index: 0 }], title: 3 },
      /field title is 3; expected a string/,
    ],
  ];
  for (const [value, pattern] of cases) {
    assert.throws(() => parseLatentsJson(value, "l.json"), (error: unknown) => {
      assert.ok(error instanceof RunFolderError);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("readLatentsFile reads a run folder's latents.json, or nothing when it has none", async () => {
  const directory = await Deno.makeTempDir();
  try {
    assert.equal(await readLatentsFile(directory), undefined);
    const points = [{ x: 0.5, y: -1, label: 7, index: 12 }];
    await Deno.writeTextFile(join(directory, "latents.json"), JSON.stringify({ points }));
    assert.deepEqual(await readLatentsFile(directory), { points });
    await Deno.writeTextFile(join(directory, "latents.json"), "{ cut");
    await assert.rejects(readLatentsFile(directory), /latents\.json is not valid JSON/);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
