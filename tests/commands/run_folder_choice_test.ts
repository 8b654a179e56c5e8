import assert from "node:assert/strict";
import { join } from "node:path";
import { chooseRunFolder, REUSE_RUN_VARIABLE } from "../../lib/commands/run_folder_choice.ts";

async function choose(value: string | undefined, quick = false) {
  const parent = join(await Deno.makeTempDir(), "runs");
  const choice = await chooseRunFolder({
    quick,
    reuseDirectory: "../runs/article-cae",
    freshParent: parent,
    prefix: "nb-",
    projectRoot: "..",
    readEnvironment: (name) => name === REUSE_RUN_VARIABLE ? value : undefined,
  });
  return { choice, parent };
}

Deno.test("by default the notebook trains into a new empty folder under the given parent", async () => {
  for (const value of [undefined, "", "0", "off"]) {
    const { choice, parent } = await choose(value);
    assert.equal(choice.reuse, false);
    assert.equal(choice.temporary, false);
    assert.ok(choice.directory.startsWith(join(parent, "nb-")), choice.directory);
    assert.deepEqual([...Deno.readDirSync(choice.directory)], [], "new and empty");
    assert.match(choice.note, /^Training here, into .*set AE_REUSE_RUN=1 to reuse/);
  }
});

Deno.test("AE_REUSE_RUN=1 reuses the default folder; a path reuses that folder", async () => {
  const yes = (await choose("1")).choice;
  assert.deepEqual([yes.directory, yes.reuse], ["../runs/article-cae", true]);
  assert.match(yes.note, /^AE_REUSE_RUN=1: reusing the run in \.\.\/runs\/article-cae/);
  assert.equal((await choose("runs/mine")).choice.directory, join("..", "runs/mine"));
  assert.equal((await choose("/tmp/mine")).choice.directory, "/tmp/mine");
});

Deno.test("a quick run always trains in a temporary folder and says it ignores AE_REUSE_RUN", async () => {
  const { choice, parent } = await choose("1", true);
  assert.equal(choice.reuse, false);
  assert.equal(choice.temporary, true);
  assert.ok(!choice.directory.startsWith(parent));
  assert.match(choice.note, /AE_REUSE_RUN is ignored in a quick run/);
  await Deno.remove(choice.directory);
});
