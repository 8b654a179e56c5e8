import assert from "node:assert/strict";
import { join } from "node:path";
import {
  CHECKED_FOLDERS,
  folderOf,
  type ImportEdge,
  layerViolations,
  projectImports,
} from "../../scripts/check_layers.ts";

const edge = (from: string, to: string, line = 1): ImportEdge => ({ from, to, line });

Deno.test("files belong to the folder of their layer; wildcard layers split into subfolders", () => {
  assert.deepEqual(folderOf("lib/data/idx.ts"), { folder: "lib/data", rank: 0 });
  assert.deepEqual(folderOf("lib/uses/anomaly/roc.ts"), { folder: "lib/uses/anomaly", rank: 3 });
  assert.deepEqual(folderOf("lib/training/run_folder/files.ts"), {
    folder: "lib/training",
    rank: 2,
  });
  assert.equal(folderOf("tests/data/idx_test.ts"), undefined);
  assert.equal(folderOf("lib/uses/loose.ts"), undefined);
});

Deno.test("imports down the layers and within a folder pass", () => {
  assert.deepEqual(
    layerViolations([
      edge("lib/models/mod.ts", "lib/data/constants.ts"),
      edge("lib/uses/anomaly/roc.ts", "lib/uses/anomaly/report.ts"),
      edge("lib/uses/latent_report/x.ts", "lib/uses/features/y.ts"),
      edge("scripts/train.ts", "lib/commands/train_run.ts"),
      edge("tests/data/idx_test.ts", "lib/data/idx.ts"),
    ]),
    [],
  );
});

Deno.test("an upward import is reported with its file, line and the two layers", () => {
  const [message, ...rest] = layerViolations([
    edge("lib/models/reconstruct.ts", "lib/training/loss.ts", 8),
  ]);
  assert.equal(rest.length, 0);
  assert.match(
    message,
    /^lib\/models\/reconstruct\.ts:8 imports lib\/training\/loss\.ts: lib\/models \(models\) must not import lib\/training \(training\), a higher layer/,
  );
});

Deno.test("folders of one layer that import each other are a cycle", () => {
  const messages = layerViolations([
    edge("lib/uses/features/a.ts", "lib/uses/latent_report/b.ts", 3),
    edge("lib/uses/latent_report/b.ts", "lib/uses/pretraining/c.ts", 4),
    edge("lib/uses/pretraining/c.ts", "lib/uses/features/d.ts", 5),
  ]);
  assert.equal(messages.length, 1);
  assert.match(
    messages[0],
    /^Folder cycle lib\/uses\/features ⇄ lib\/uses\/latent_report ⇄ lib\/uses\/pretraining: /,
  );
  assert.match(messages[0], /lib\/uses\/features\/a\.ts:3 imports lib\/uses\/latent_report\/b\.ts/);
});

Deno.test("a folder no layer names, and an import of a test file, are reported", () => {
  const messages = layerViolations([
    edge("lib/extras/x.ts", "lib/data/idx.ts"),
    edge("lib/data/idx.ts", "tests/data/helpers.ts", 2),
  ]);
  assert.equal(messages.length, 2);
  assert.match(
    messages[0],
    /lib\/data\/idx\.ts:2 imports tests\/data\/helpers\.ts, which belongs to no layer/,
  );
  assert.match(messages[1], /lib\/extras\/x\.ts is in no layer's folder/);
});

Deno.test("the imports are read from the files, dynamic ones included, and an upward one is caught", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(root, "lib", "data"), { recursive: true });
    await Deno.mkdir(join(root, "lib", "models"), { recursive: true });
    await Deno.writeTextFile(join(root, "lib", "models", "b.ts"), `export const b = 1;\n`);
    await Deno.writeTextFile(
      join(root, "lib", "data", "a.ts"),
      `// import { x } from "../uses/nothing.ts" in a comment is not an import\n` +
        `export const a = 1;\nexport const later = () => import("../models/b.ts");\n`,
    );
    const edges = await projectImports(root, ["lib"]);
    assert.deepEqual(edges, [{ from: "lib/data/a.ts", to: "lib/models/b.ts", line: 3 }]);
    assert.match(layerViolations(edges)[0], /lib\/data\/a\.ts:3 imports lib\/models\/b\.ts/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the project's own imports run one way", async () => {
  const root = new URL("../..", import.meta.url).pathname;
  assert.deepEqual(layerViolations(await projectImports(root, CHECKED_FOLDERS)), []);
});
