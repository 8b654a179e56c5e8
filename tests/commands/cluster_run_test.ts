import assert from "node:assert/strict";
import { join } from "node:path";
import { loadFashionMnist } from "../../lib/data/fashion_mnist.ts";
import { clusteringScores } from "../../lib/uses/clustering/cluster_metrics.ts";
import { parseAssignmentsCsv } from "../../lib/uses/clustering/assignments_csv.ts";
import { N2dExperimentError, runN2dExperiment } from "../../lib/commands/cluster_run.ts";
import { useBackend } from "../helpers/backend.ts";

const settings = { limit: 200, umapEpochs: 30 } as const;

Deno.test("the N2D experiment trains, clusters at chosen epochs, resumes, merges seeds and writes CSVs that rescore", async () => {
  await useBackend();
  const data = await loadFashionMnist({ limit: settings.limit });
  const folder = await Deno.makeTempDir();
  const options = {
    data,
    out: join(folder, "report"),
    runs: folder,
    seeds: [4],
    scoreEpochs: [1],
    settings,
  };
  const first = await runN2dExperiment({ ...options, epochs: 2 });
  assert.deepEqual(first.scores.map((score) => score.epoch), [1, 2]);
  assert.equal(first.complete, true);
  assert.equal(first.final[0].epoch, 2);
  assert.ok(first.final[0].testLoss > 0);

  // The CSV holds one line per test image and gives back the reported scores.
  const rows = parseAssignmentsCsv(
    await Deno.readTextFile(join(options.out, "assignments-seed4.csv")),
  );
  assert.equal(rows.length, 200);
  assert.deepEqual(rows.map((row) => row.label), Array.from(data.test.labels));
  const rescored = clusteringScores(rows.map((row) => row.cluster), rows.map((row) => row.label));
  assert.equal(rescored.accuracy, first.final[0].accuracy);
  assert.equal(rescored.nmi, first.final[0].nmi);

  // Asking for one more epoch trains only that epoch and keeps the earlier scores.
  const lines: string[] = [];
  const second = await runN2dExperiment({ ...options, epochs: 3, log: (line) => lines.push(line) });
  assert.deepEqual(second.scores.map((score) => score.epoch), [1, 2, 3]);
  assert.equal(lines.filter((line) => /epoch \d+\/3 trained/.test(line)).length, 1);
  assert.equal(second.final[0].epoch, 3);
  const saved = JSON.parse(await Deno.readTextFile(join(options.out, "report.json")));
  assert.deepEqual(saved.scores, second.scores);

  // Another seed run separately into the same folder joins the report instead of replacing it.
  const third = await runN2dExperiment({ ...options, seeds: [5], epochs: 3, scoreEpochs: [] });
  assert.deepEqual(third.seeds, [4, 5]);
  assert.deepEqual(third.final.map((score) => [score.seed, score.epoch]), [[4, 3], [5, 3]]);
  assert.equal(third.complete, true);
  assert.equal(third.scores.length, 4);

  await assert.rejects(
    () => runN2dExperiment({ ...options, epochs: 3, settings: { ...settings, images: "all" } }),
    N2dExperimentError,
  );
  await Deno.remove(folder, { recursive: true });
});

Deno.test("a time budget too small for an epoch stops cleanly with nothing lost", async () => {
  await useBackend();
  const data = await loadFashionMnist({ limit: settings.limit });
  const folder = await Deno.makeTempDir();
  const report = await runN2dExperiment({
    data,
    out: folder,
    runs: folder,
    seeds: [0],
    epochs: 1,
    scoreEpochs: [],
    settings,
    stopAfterSeconds: 1,
  });
  assert.equal(report.complete, false);
  assert.deepEqual(report.scores, []);
  assert.equal(report.summary, null);
  await Deno.remove(folder, { recursive: true });
});
