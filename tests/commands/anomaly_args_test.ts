import assert from "node:assert/strict";
import { ANOMALY_METHODS } from "../../lib/uses/anomaly/methods.ts";
import {
  ANOMALY_DEFAULTS,
  defaultAnomalyDirectory,
  parseAnomalyArgs,
  UsageError,
} from "../../lib/commands/anomaly_args.ts";
import { runTask } from "../helpers/task_command.ts";

Deno.test("one class or all ten, with the defaults", () => {
  const one = parseAnomalyArgs(["--normal-class", "3"]);
  assert.deepEqual(one.classes, [3]);
  assert.equal(one.epochs, ANOMALY_DEFAULTS.epochs);
  assert.equal(one.score, ANOMALY_DEFAULTS.score);
  assert.deepEqual(one.thresholdRule, { kind: "contamination", fraction: 0.05 });
  assert.equal(one.mode, "test");
  assert.equal(one.method, ANOMALY_DEFAULTS.method);
  assert.deepEqual(one.seeds, [0]);
  assert.deepEqual(parseAnomalyArgs(["--all"]).classes, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

Deno.test("every flag is parsed", () => {
  const args = parseAnomalyArgs([
    "--all",
    "--score=blurred-mse",
    "--epochs=2",
    "--batch-size=64",
    "--seeds=5,1,2",
    "--std-k=2.5",
    "--validate",
    "--validation-fraction=0.1",
    "--limit=1000",
    "--out=runs/x",
  ]);
  assert.equal(args.score, "blurred-mse");
  assert.equal(args.epochs, 2);
  assert.equal(args.batchSize, 64);
  assert.deepEqual(args.seeds, [5, 1, 2]);
  assert.deepEqual(args.thresholdRule, { kind: "mean-std", k: 2.5 });
  assert.equal(args.mode, "validation");
  assert.equal(args.validationFraction, 0.1);
  assert.equal(args.limit, 1000);
  assert.equal(args.directory, "runs/x");
  assert.equal(parseAnomalyArgs(["--help"]).help, true);
  assert.deepEqual(parseAnomalyArgs(["--all", "--seed", "3"]).seeds, [3]);
});

Deno.test("a method sets the score and epochs unless they are given", () => {
  const article = parseAnomalyArgs(["--all", "--method", "article"]);
  assert.equal(article.method, "article");
  assert.equal(article.score, ANOMALY_METHODS.article.score);
  assert.equal(article.epochs, ANOMALY_METHODS.article.epochs);
  const mixed = parseAnomalyArgs(["--all", "--method=article", "--epochs=3", "--score=mse"]);
  assert.equal(mixed.epochs, 3);
  assert.equal(mixed.score, "mse");
  const restoration = parseAnomalyArgs(["--all", "--method", "restoration"]);
  assert.equal(restoration.epochs, ANOMALY_METHODS.restoration.epochs);
});

Deno.test("bad command lines are UsageErrors that say what was expected", () => {
  const cases: [string[], RegExp][] = [
    [[], /exactly one of --normal-class C/],
    [["--all", "--normal-class", "1"], /exactly one of/],
    [["--normal-class", "10"], /from 0 to 9, got "10"/],
    [["--normal-class", "shirt"], /from 0 to 9/],
    [["--all", "--score", "ssim"], /--score must be one of bce, mse/],
    [["--all", "--epochs", "0"], /--epochs expects a positive integer/],
    [["--all", "--contamination", "1.5"], /between 0 and 1/],
    [["--all", "--contamination", "0.1", "--std-k", "2"], /either --contamination or --std-k/],
    [["--all", "--std-k", "x"], /--std-k expects a number/],
    [["--all", "--validation-fraction", "0.2"], /only applies with --validate/],
    [["--all", "--bogus"], /Unknown option '--bogus'/],
    [["--all", "--method", "gan"], /--method must be one of article, restoration, got "gan"/],
    [["--all", "--seeds", "0,x"], /--seeds expects integers >= 0 separated by commas/],
    [["--all", "--seeds", "1,1"], /lists a seed twice/],
    [["--all", "--seeds", "1", "--seed", "2"], /either --seed N or --seeds LIST/],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => parseAnomalyArgs(args), (error: Error) => {
      assert.ok(error instanceof UsageError, args.join(" "));
      assert.match(error.message, message);
      return true;
    });
  }
});

Deno.test("the default run folder has a time stamp", () => {
  assert.equal(
    defaultAnomalyDirectory(new Date("2026-11-29T15:30:05Z")),
    "runs/anomaly-20261129-153005",
  );
});

Deno.test("the anomaly command exits with 2 on a bad class, empty data, 0 on --help", async () => {
  const run = (...args: string[]) => runTask("anomaly", ...args);
  const bad = await run("--normal-class", "11");
  assert.equal(bad.code, 2);
  assert.match(bad.text, /--normal-class must be a class label from 0 to 9/);
  assert.match(bad.text, /Usage: deno task anomaly/);
  // The first test image is an ankle boot (9): no image of any other class to call anomalous.
  const empty = await run("--normal-class", "9", "--limit", "1", "--out", "/tmp/never-written");
  assert.equal(empty.code, 2, empty.text);
  assert.match(empty.text, /Error: (Class 9 has no training images|The test set)/);
  const help = await run("--help");
  assert.equal(help.code, 0);
  assert.match(help.text, /--normal-class C/);
});
