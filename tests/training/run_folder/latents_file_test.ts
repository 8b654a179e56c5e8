import assert from "node:assert/strict";
import { join } from "node:path";
import { latentOfMapPoint } from "../../../lib/training/run_folder/latent_projection.ts";
import {
  latentsJsonText,
  parseLatentsJson,
  readLatentsFile,
  writeLatentsFile,
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

const plane = {
  kind: "pca" as const,
  mean: [1, 2, 3],
  components: [[1, 0, 0], [0, 0.6, 0.8]] as [number[], number[]],
  explainedVariance: [4, 1] as [number, number],
  totalVariance: 5.5,
};

Deno.test("the description fields of latents.json parse, and 2-d codes need no projection", () => {
  const points = [{ x: 0.5, y: -1, label: 7, index: 12 }];
  const described = { split: "test", model: "vae", latentDim: 3, epoch: 2, projection: plane };
  assert.deepEqual(parseLatentsJson({ ...described, points }, "l.json"), {
    ...described,
    points,
  });
  assert.deepEqual(
    parseLatentsJson({ latentDim: 2, points }, "l.json").projection,
    { kind: "identity" },
  );
});

Deno.test("a projection that does not fit the latent size names the field", () => {
  const points = [{ x: 0, y: 0, label: 0, index: 0 }];
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ latentDim: 3 }, /field projection is nothing; expected \{ "kind": "identity" \}/],
    [{ latentDim: 3, projection: { kind: "identity" } }, /latent has 3 dimensions/],
    [
      { latentDim: 4, projection: plane },
      /field projection, field mean is an array of 3; expected an array of 4 numbers/,
    ],
    [
      { latentDim: 3, projection: { ...plane, components: [[1, 0, 0]] } },
      /field components is an array of 1; expected 2 arrays of 3 numbers/,
    ],
    [
      { latentDim: 3, projection: { ...plane, totalVariance: "5" } },
      /field totalVariance is "5"; expected a finite number/,
    ],
    [{ projection: plane }, /has a "projection" but no "latentDim"/],
    [{ split: "validation" }, /field split is "validation"; expected "train" or "test"/],
    [{ epoch: 1.5 }, /field epoch is 1\.5; expected an integer >= 0/],
  ];
  for (const [fields, pattern] of cases) {
    assert.throws(() => parseLatentsJson({ ...fields, points }, "l.json"), pattern);
  }
});

Deno.test("a map point turns back into its latent vector: the codes, or the PCA plane's point", () => {
  assert.deepEqual(latentOfMapPoint({ kind: "identity" }, 2, 0.5, -1), [0.5, -1]);
  assert.deepEqual(latentOfMapPoint({ kind: "identity" }, 1, 0.5, 0), [0.5]);
  // mean + 2·(1, 0, 0) − 1·(0, 0.6, 0.8), by hand:
  const latent = latentOfMapPoint(plane, 3, 2, -1);
  assert.deepEqual(latent.map((value) => Math.round(value * 1e12) / 1e12), [3, 1.4, 2.2]);
});

Deno.test("latents.json is written one point per line, rounded, and reads back", async () => {
  const directory = await Deno.makeTempDir();
  try {
    const latents = {
      title: "Latent codes",
      split: "test" as const,
      latentDim: 3,
      projection: { ...plane, mean: [1 / 3, 2, 3] },
      points: [
        { x: 0.123456, y: -0.00001, label: 7, index: 0 },
        { x: 10, y: 2.5, label: 0, index: 1 },
      ],
    };
    await writeLatentsFile(directory, latents);
    const text = await Deno.readTextFile(join(directory, "latents.json"));
    assert.ok(text.includes('\n    {"x":0.1235,"y":0,"label":7,"index":0},\n'), text);
    assert.ok(text.includes('"mean":[0.3333333,2,3]'), text);
    assert.deepEqual(await readLatentsFile(directory), {
      ...latents,
      projection: { ...plane, mean: [0.3333333, 2, 3] },
      points: [{ x: 0.1235, y: 0, label: 7, index: 0 }, latents.points[1]],
    });
    assert.deepEqual(
      latentsJsonText({ points: [{ x: -0.00001, y: 1, label: 0, index: 0 }] }),
      '{\n  "points": [\n    {"x":0,"y":1,"label":0,"index":0}\n  ]\n}\n',
    );
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
