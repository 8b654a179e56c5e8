import assert from "node:assert/strict";
import { join } from "node:path";
import { UsageError } from "../../lib/commands/flags.ts";
import { checkOutputFile, checkOutputFolder } from "../../lib/commands/output_paths.ts";

Deno.test("an output folder may exist as a folder or not at all, but not as a file", async () => {
  const directory = await Deno.makeTempDir();
  await checkOutputFolder("--out", directory);
  await checkOutputFolder("--out", join(directory, "new"));
  await Deno.writeTextFile(join(directory, "file"), "x");
  await assert.rejects(
    checkOutputFolder("--out", join(directory, "file")),
    (error: unknown) =>
      error instanceof UsageError && error.message.includes(`--out ${join(directory, "file")}`) &&
      /is a file, not a folder/.test(error.message),
  );
});

Deno.test("an output file may not be an existing folder", async () => {
  const directory = await Deno.makeTempDir();
  await checkOutputFile("--json", join(directory, "results.json"));
  await assert.rejects(checkOutputFile("--json", directory), /--json .* is a folder/);
});
