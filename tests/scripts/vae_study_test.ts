import assert from "node:assert/strict";
import { join } from "node:path";
import { runTask } from "../helpers/task_command.ts";

Deno.test("vae-study trains a variant, then writes its row to JSON and CSV; a rerun trains nothing", async () => {
  const out = await Deno.makeTempDir();
  const args = ["--variants", "direct", "--epochs", "1", "--limit", "64", "--samples", "1"];
  const first = await runTask("vae-study", ...args, "--out", out);
  assert.equal(first.code, 0, first.text);
  const study = JSON.parse(await Deno.readTextFile(join(out, "study.json")));
  assert.equal(study.rows.length, 1);
  const [row] = study.rows;
  assert.equal(row.variant, "direct");
  assert.equal(row.vaeBottleneck, null);
  assert.equal(row.deadBottleneckUnits, null);
  assert.equal(row.klPerDimension.length, 20);
  assert.ok(Math.abs(row.testElbo - (row.rc + row.kl)) < 1e-6);
  const csv = (await Deno.readTextFile(join(out, "study.csv"))).trim().split("\n");
  assert.equal(csv.length, 2);
  assert.ok(csv[0].startsWith("variant,vae_bottleneck,kl_warmup_epochs,"));
  assert.ok(csv[0].endsWith(",kl_dim_20"));
  assert.ok(csv[1].startsWith("direct,none,0,20,1,0,"));
  const again = await runTask("vae-study", ...args, "--out", out, "--train-only");
  assert.equal(again.code, 0, again.text);
  assert.match(again.text, /1 epochs already trained/);
});

Deno.test("vae-study refuses unknown variants with exit code 2", async () => {
  const { code, text } = await runTask("vae-study", "--variants", "direct,gan");
  assert.equal(code, 2);
  assert.match(text, /--variants takes names from dense16, dense16-warmup, direct, direct-warmup/);
});
