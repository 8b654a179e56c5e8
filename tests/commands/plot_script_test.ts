import assert from "node:assert/strict";
import { join } from "node:path";
import { metricsLine, plotTaskCommand, writeRunFolder } from "../presentation/viewer/fixtures.ts";

async function runPlot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await (await plotTaskCommand(args)).output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /^\s+at /m, `expected no stack trace in:\n${text}`);
}

Deno.test("--help prints the usage and exits 0", async () => {
  const { code, stdout } = await runPlot(["--help"]);
  assert.equal(code, 0);
  assert.match(stdout, /Usage: deno task plot \[options\] RUN_DIR/);
});

Deno.test("usage errors exit 2 with the message and the usage", async () => {
  for (const args of [[], ["--bogus", "runs/x"], ["--port", "x", "runs/x"]]) {
    const { code, stderr } = await runPlot(args);
    assert.equal(code, 2, `${args}: ${stderr}`);
    assert.match(stderr, /^Error: .+\n\nShow training runs in the browser/);
    assertNoStack(stderr);
  }
});

Deno.test("a missing or malformed run folder exits 1 with a clear message, no stack", async () => {
  const missing = await runPlot(["--no-open", "runs/no-such-run-0123"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: runs\/no-such-run-0123 does not exist\. Give the folder/);
  assertNoStack(missing.stderr);
  const directory = await writeRunFolder({ "metrics.jsonl": `${metricsLine(1)}\n{"epoch": 2,\n` });
  const malformed = await runPlot(["--no-open", directory]);
  assert.equal(malformed.code, 1);
  assert.match(
    malformed.stderr,
    new RegExp(`^Error: ${join(directory, "metrics.jsonl")}, line 2 is not valid JSON`),
  );
  assertNoStack(malformed.stderr);
  await Deno.remove(directory, { recursive: true });
});
