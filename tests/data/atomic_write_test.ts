import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileAtomically } from "../../lib/data/atomic_write.ts";

Deno.test("an atomic write replaces the file whole and leaves no temporary file", async () => {
  const directory = await Deno.makeTempDir();
  try {
    const path = join(directory, "config.json");
    await writeFileAtomically(path, "first\n");
    await writeFileAtomically(path, new TextEncoder().encode("second\n"));
    assert.equal(await Deno.readTextFile(path), "second\n");
    assert.deepEqual([...Deno.readDirSync(directory)].map((entry) => entry.name), ["config.json"]);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("a failed atomic write keeps the old file and removes its temporary file", async () => {
  const directory = await Deno.makeTempDir();
  try {
    const path = join(directory, "target");
    // Renaming a file over a non-empty folder fails after the temporary file was written.
    await Deno.mkdir(path);
    await Deno.writeTextFile(join(path, "inside"), "old");
    await assert.rejects(writeFileAtomically(path, "new"));
    assert.deepEqual([...Deno.readDirSync(directory)].map((entry) => entry.name), ["target"]);
    assert.equal(await Deno.readTextFile(join(path, "inside")), "old");
    await assert.rejects(
      writeFileAtomically(join(directory, "missing", "x"), "new"),
      Deno.errors.NotFound,
    );
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
