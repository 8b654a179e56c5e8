/**
 * Bad command lines, for every command: each is a usage error (exit code 2) whose message names
 * the flag and what it expects, with no stack trace, and nothing is written.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { assertCleanFailure, exists, filesUnder, projectCommands, runCommand } from "./helpers.ts";

/** What a command needs besides the flag under test, to get as far as checking it. */
const REQUIRED: Record<string, string[]> = {
  anomaly: ["--normal-class", "0"],
};

async function usageFailure(task: string, args: string[], mentions: (string | RegExp)[]) {
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  const result = await runCommand(task, [...(REQUIRED[task] ?? []), ...args], { cwd });
  assertCleanFailure(result, { code: 2, mentions });
  assert.deepEqual(await filesUnder(cwd), [], `${task} ${args.join(" ")} wrote files`);
  return result;
}

Deno.test("every command answers an unknown flag with exit code 2, the flag's name and the usage", async () => {
  for (const task of Object.keys(await projectCommands())) {
    await usageFailure(task, ["--no-such-flag"], ["--no-such-flag", "Usage:"]);
  }
});

Deno.test("every command answers --help with its usage and exit code 0", async () => {
  for (const task of Object.keys(await projectCommands())) {
    const result = await runCommand(task, ["--help"]);
    assert.equal(result.code, 0, `${task} --help\n${result.text}`);
    assert.match(result.stdout, /Usage:/, task);
  }
});

Deno.test("every command with --out refuses an empty one with exit code 2, writing nothing", async () => {
  const commands = Object.keys(await projectCommands());
  let tried = 0;
  for (const task of commands) {
    const help = await runCommand(task, ["--help"]);
    if (!/^\s+--out\b/m.test(help.stdout)) continue;
    tried += 1;
    const rootAnomaly = await exists("/anomaly");
    await usageFailure(task, ["--out", ""], ["--out expects a folder path, got an empty string"]);
    assert.equal(await exists("/anomaly"), rootAnomaly, `${task} --out "" wrote /anomaly`);
  }
  assert.ok(tried >= 3, `only ${tried} commands have --out`);
});

Deno.test('issue 12.3: anomaly --out "" is a usage error and writes nothing at the root', async () => {
  const before = await exists("/anomaly");
  await usageFailure("anomaly", ["--out", ""], ["--out", "empty string"]);
  assert.equal(await exists("/anomaly"), before);
});

Deno.test('issue 12.5: train --out "" prints its message once, without a stack, exit code 2', async () => {
  const result = await usageFailure("train", ["--out", ""], ["--out", "empty string"]);
  assert.equal(result.text.split("empty string").length - 1, 1);
});

Deno.test("every other path flag refuses an empty value", async () => {
  const cases: [string, string[], string][] = [
    ["train", ["--resume", ""], "--resume expects a folder path"],
    ["latent", ["--cae", ""], "--cae expects a folder path"],
    ["latent", ["--vae", " "], "--vae expects a folder path"],
    ["latent", ["--recon-runs", "runs/a,"], "--recon-runs expects a folder path"],
    ["latent", ["--umap-runs", ""], "--umap-runs expects a folder path"],
    ["results", ["--json", ""], "--json expects a file path"],
    ["results", ["--figures", ""], "--figures expects a folder path"],
    ["results", [""], "<RUN_DIR> expects a folder path"],
    ["plot", [""], "<RUN_DIR> expects a folder path"],
    ["cluster", ["--runs", ""], "--runs expects a folder path"],
    ["pretrain-sweep", ["--runs", ","], "--runs expects at least one run folder"],
  ];
  for (const [task, args, mention] of cases) await usageFailure(task, args, [mention]);
});

Deno.test("an output folder that is an existing file is a usage error", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "robust-cwd-" });
  await Deno.writeTextFile(join(cwd, "taken"), "a file\n");
  const cases: [string, string[], string][] = [
    ["train", ["--out", "taken"], "--out taken is a file, not a folder"],
    ["anomaly", ["--normal-class", "0", "--out", "taken"], "--out taken is a file"],
    ["latent", ["--out", "taken"], "--out taken is a file"],
    ["results", [".", "--json", "."], "--json . is a folder"],
    ["cluster", ["--out", "taken"], "--out taken is a file"],
    ["pretrain-sweep", ["--out", "taken"], "--out taken is a file"],
    ["vae-study", ["--out", "taken"], "--out taken is a file"],
  ];
  for (const [task, args, mention] of cases) {
    const result = await runCommand(task, args, { cwd });
    assertCleanFailure(result, { code: 2, mentions: [mention] });
    assert.deepEqual(await filesUnder(cwd), ["taken"]);
  }
});

Deno.test("issue 12.7: negative numbers get the flag's own message, not Node's 'ambiguous' hint", async () => {
  const cases: [string, string[], string][] = [
    ["train", ["--epochs", "-3"], '--epochs expects a positive integer, got "-3"'],
    ["train", ["--seed", "-1"], '--seed expects a non-negative integer, got "-1"'],
    ["train", ["--beta", "-0.5", "--model", "vae"], '--beta expects a number >= 0, got "-0.5"'],
    ["anomaly", ["--epochs", "-1"], '--epochs expects a positive integer, got "-1"'],
    ["anomaly", ["--contamination", "-0.1"], "--contamination expects a number between 0 and 1"],
    ["latent", ["--draws", "-2"], '--draws expects a positive integer, got "-2"'],
    ["results", ["--samples", "-1"], '--samples expects a positive integer, got "-1"'],
    ["plot", ["--port", "-1", "runs/x"], '--port expects an integer 0–65535, got "-1"'],
    ["cluster", ["--epochs", "-3"], '--epochs expects a positive integer, got "-3"'],
    ["pretrain-sweep", ["--seeds", "-1"], '--seeds expects integers >= 0, got "-1"'],
    ["vae-study", ["--epochs", "-3"], '--epochs expects an integer >= 1, got "-3"'],
  ];
  for (const [task, args, mention] of cases) {
    const result = await usageFailure(task, args, [mention]);
    assert.ok(!/ambiguous/.test(result.text), `${task} ${args.join(" ")}: ${result.text}`);
  }
});

Deno.test("issue 12.7: absurd sizes are refused with their bound and why", async () => {
  const cases: [string, string[], RegExp][] = [
    ["train", ["--latent-dim", "100000000"], /--latent-dim expects an integer from 1 to 784 \(/],
    ["train", ["--batch-size", "1000000000"], /--batch-size expects an integer from 1 to \d+ \(/],
    ["anomaly", ["--batch-size", "1000000000"], /--batch-size expects an integer from 1 to/],
    ["latent", ["--ks", "2,100000"], /--ks expects an integer from 1 to 784 \(/],
    ["latent", ["--budgets", "10,99999"], /--budgets expects an integer from 1 to 6000 \(/],
    [
      "vae-study",
      ["--latent-dim", "100000000"],
      /--latent-dim expects an integer from 1 to 784 \(/,
    ],
  ];
  for (const [task, args, mention] of cases) {
    const result = await usageFailure(task, args, [mention]);
    assert.ok(!/out of bounds/.test(result.text));
  }
});
