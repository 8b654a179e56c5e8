/**
 * Every entry point in scripts/ ends in the project's top-level error handler, so that a runtime
 * error is one "Error: ..." line with exit code 1 (2 for a usage error), never Deno's "Uncaught"
 * with a stack trace.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "./helpers.ts";

Deno.test("issue 12.5: every script catches what main throws with fatalErrorMessage and fatalExitCode", async () => {
  const scripts: string[] = [];
  for await (const entry of Deno.readDir(join(ROOT, "scripts"))) {
    if (entry.isFile && entry.name.endsWith(".ts")) scripts.push(entry.name);
  }
  assert.ok(scripts.length >= 5, scripts.join(", "));
  for (const name of scripts.sort()) {
    const text = await Deno.readTextFile(join(ROOT, "scripts", name));
    assert.match(
      text,
      /try \{\s+Deno\.exit\(await main\(\)\);\s+\} catch \(error\) \{\s+console\.error\(fatalErrorMessage\(error\)\);\s+Deno\.exit\(fatalExitCode\(error\)\);\s+\}/,
      `scripts/${name} must end with: try { Deno.exit(await main()); } catch (error) { ` +
        `console.error(fatalErrorMessage(error)); Deno.exit(fatalExitCode(error)); }`,
    );
  }
});
