/**
 * Test helper: a `deno task NAME` as a command with the task's own flags from deno.json, run
 * directly (not through `deno task`), so that permissions match what users get and a signal
 * reaches the script itself.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** `deno task <task> ARGS` as a Deno.Command, run in the project root. */
export async function taskCommand(
  task: string,
  args: string[],
  options: { stdout?: "piped" | "null"; stderr?: "piped" | "null" } = {},
): Promise<Deno.Command> {
  const config = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const line = config.tasks?.[task];
  if (typeof line !== "string") throw new Error(`deno.json has no task "${task}".`);
  const [deno, ...taskArgs] = line.split(/\s+/);
  if (deno !== "deno") {
    throw new Error(`deno.json's ${task} task should start with deno, got ${deno}`);
  }
  return new Deno.Command(Deno.execPath(), {
    args: [...taskArgs, ...args],
    cwd: ROOT,
    stdin: "null",
    stdout: options.stdout ?? "piped",
    stderr: options.stderr ?? "piped",
    env: { NO_COLOR: "1" },
  });
}

/** Runs `deno task <task> ARGS` to the end; returns its exit code and stdout + stderr. */
export async function runTask(
  task: string,
  ...args: string[]
): Promise<{ code: number; text: string }> {
  const output = await (await taskCommand(task, args)).output();
  const decoder = new TextDecoder();
  return { code: output.code, text: decoder.decode(output.stdout) + decoder.decode(output.stderr) };
}
