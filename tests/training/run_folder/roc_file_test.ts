import assert from "node:assert/strict";
import { join } from "node:path";
import {
  parseRocJson,
  readRocFile,
  writeRocFile,
} from "../../../lib/training/run_folder/roc_file.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";

const diagonal = [
  { falsePositiveRate: 0, truePositiveRate: 0 },
  { falsePositiveRate: 1, truePositiveRate: 1 },
];

Deno.test("roc.json accepts rocCurve's points, a null threshold included", () => {
  const roc = parseRocJson({
    title: "T",
    curves: [{
      name: "Bag",
      auc: 0.75,
      points: [{ falsePositiveRate: 0, truePositiveRate: 0, threshold: null }, {
        falsePositiveRate: 1,
        truePositiveRate: 1,
        threshold: 0.1,
      }],
    }],
  }, "r.json");
  assert.deepEqual(roc, { title: "T", curves: [{ name: "Bag", auc: 0.75, points: diagonal }] });
});

Deno.test("bad roc.json content names the curve, point and field", () => {
  const cases: [unknown, RegExp][] = [
    [[], /r\.json holds an array without a non-empty "curves" array/],
    [{ curves: [{ points: diagonal }] }, /curve 0 is an object without a "name" string/],
    [{ curves: [{ name: "a", points: [diagonal[0]] }] }, /curve 0 \("a"\) has fewer than 2 points/],
    [
      { curves: [{ name: "a", points: diagonal, auc: 2 }] },
      /curve 0, field auc is 2; expected a rate/,
    ],
    [
      { curves: [{ name: "a", points: [diagonal[0], { falsePositiveRate: 1 }] }] },
      /curve 0, point 1, field truePositiveRate is nothing; expected a finite number/,
    ],
  ];
  for (const [value, pattern] of cases) {
    assert.throws(() => parseRocJson(value, "r.json"), (error: unknown) => {
      assert.ok(error instanceof RunFolderError);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("readRocFile reads anomaly/roc.json of a run folder, or nothing when it has none", async () => {
  const directory = await Deno.makeTempDir();
  try {
    assert.equal(await readRocFile(directory), undefined);
    await Deno.mkdir(join(directory, "anomaly"));
    const curves = [{ name: "Bag", points: diagonal }];
    await Deno.writeTextFile(join(directory, "anomaly", "roc.json"), JSON.stringify({ curves }));
    assert.deepEqual(await readRocFile(directory), { curves });
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("writeRocFile writes what it was given, in a layout deno fmt leaves as it is", async () => {
  const runFolder = await Deno.makeTempDir({ prefix: "roc-file-" });
  try {
    const anomalyFolder = join(runFolder, "anomaly");
    await Deno.mkdir(anomalyFolder);
    const points = [
      { falsePositiveRate: 0, truePositiveRate: 0, threshold: Infinity },
      { falsePositiveRate: 0.25, truePositiveRate: 0.123456789, threshold: 1.23456789 },
      { falsePositiveRate: 1, truePositiveRate: 1, threshold: -2 },
    ];
    const curves = [{ name: "Bag vs the rest", auc: 0.9, points }];
    await writeRocFile(anomalyFolder, { title: "blurred-mse", curves });
    const roc = await readRocFile(runFolder);
    assert.equal(roc?.title, "blurred-mse");
    assert.deepEqual(roc?.curves[0].points.map((point) => point.truePositiveRate), [
      0,
      0.123457,
      1,
    ]);
    const check = await new Deno.Command(Deno.execPath(), {
      args: ["fmt", "--check", join(anomalyFolder, "roc.json")],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(check.code, 0, new TextDecoder().decode(check.stderr));
  } finally {
    await Deno.remove(runFolder, { recursive: true });
  }
});
