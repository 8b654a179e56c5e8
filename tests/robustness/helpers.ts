/**
 * Helpers of the robustness suite: run a project command the way a user does (the deno task's own
 * flags), in a working folder of the test's choosing, and check how it failed.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a finished command left: its exit code and output. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  text: string;
}

/** The deno tasks that run a command of `scripts/` (the project's commands), by task name. */
export async function projectCommands(): Promise<Record<string, string[]>> {
  const config = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const commands: Record<string, string[]> = {};
  for (const [task, line] of Object.entries(config.tasks as Record<string, string>)) {
    const words = line.split(/\s+/);
    const script = words.at(-1) ?? "";
    if (words[0] !== "deno" || words[1] !== "run" || !/^scripts\/\w+\.ts$/.test(script)) continue;
    if (script === "scripts/check_layers.ts") continue; // a developer's check without flags
    commands[task] = words.slice(1);
  }
  return commands;
}

/**
 * Runs `deno task <task> ARGS` with the task's permissions, in `cwd` (default: a new empty
 * folder), so that relative default paths land where the test can see them.
 */
export async function runCommand(
  task: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutSeconds?: number } = {},
): Promise<CommandResult> {
  const commands = await projectCommands();
  const words = commands[task];
  if (words === undefined) throw new Error(`deno.json has no command task "${task}".`);
  const script = join(ROOT, words.at(-1)!);
  const flags = words.slice(0, -1);
  const output = await new Deno.Command(Deno.execPath(), {
    args: [...flags, "--config", join(ROOT, "deno.json"), script, ...args],
    cwd: options.cwd ?? await Deno.makeTempDir({ prefix: "robust-cwd-" }),
    stdin: "null",
    env: { NO_COLOR: "1", ...options.env },
    // A command that should have failed but serves or trains on is stopped, and the test fails.
    signal: AbortSignal.timeout((options.timeoutSeconds ?? 300) * 1000),
  }).output();
  const decoder = new TextDecoder();
  const stdout = decoder.decode(output.stdout);
  const stderr = decoder.decode(output.stderr);
  return { code: output.code, stdout, stderr, text: stdout + stderr };
}

/** Starts `deno task <task> ARGS` in `cwd` without waiting (output discarded), e.g. to kill it. */
export async function taskProcess(
  task: string,
  args: string[],
  cwd: string,
): Promise<Deno.ChildProcess> {
  const words = (await projectCommands())[task];
  return new Deno.Command(Deno.execPath(), {
    args: [
      ...words.slice(0, -1),
      "--config",
      join(ROOT, "deno.json"),
      join(ROOT, words.at(-1)!),
      ...args,
    ],
    cwd,
    stdin: "null",
    stdout: "null",
    stderr: "null",
    env: { NO_COLOR: "1" },
  }).spawn();
}

/**
 * Asserts a clean failure: the exit code (2 for usage, 1 for runtime), every `mentions` item in
 * the output (the thing named, what to do), one "Error:" line, and no stack trace or "Uncaught".
 */
export function assertCleanFailure(
  result: CommandResult,
  expected: { code: number; mentions: (string | RegExp)[] },
): void {
  const context = `\n--- output ---\n${result.text}`;
  assert.equal(result.code, expected.code, `exit code${context}`);
  assert.ok(!/^\s+at /m.test(result.text), `a stack trace was printed${context}`);
  assert.ok(!result.text.includes("Uncaught"), `"Uncaught" was printed${context}`);
  assert.equal(result.stderr.split(/^Error: /m).length - 1, 1, `one Error: line${context}`);
  for (const mention of expected.mentions) {
    const found = typeof mention === "string"
      ? result.text.includes(mention)
      : mention.test(result.text);
    assert.ok(found, `the output does not mention ${mention}${context}`);
  }
}

/** Every file and folder under `directory`, relative to it, sorted. */
export async function filesUnder(directory: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(folder)) {
      const path = join(folder, entry.name);
      found.push(relative(directory, path));
      if (entry.isDirectory) await walk(path);
    }
  };
  await walk(directory);
  return found.sort();
}

/** True when `path` exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
