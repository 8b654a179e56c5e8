/**
 * Opening a page in the user's browser with the system's opener (`xdg-open`, `open`, `start`),
 * reporting instead of throwing when there is none (a headless machine).
 *
 * @module
 */

/**
 * The command that opens `url` on `os` (a value of `Deno.build.os`).
 *
 * @example
 * ```ts
 * browserOpenCommand("http://127.0.0.1:8080/", "linux"); // ["xdg-open", "http://127.0.0.1:8080/"]
 * ```
 */
export function browserOpenCommand(url: string, os: typeof Deno.build.os): string[] {
  if (os === "darwin") return ["open", url];
  if (os === "windows") return ["cmd", "/c", "start", "", url];
  return ["xdg-open", url];
}

/**
 * What {@link openInBrowser} managed: `opened`, or why not.
 *
 * @example
 * ```ts
 * const result: OpenResult = { opened: false, reason: "xdg-open is not installed" };
 * ```
 */
export interface OpenResult {
  opened: boolean;
  reason?: string;
}

/**
 * Asks the system to open `url`; never throws. Waits up to `waitMilliseconds` (default 3000) for
 * the opener: one that fails by then is reported, one still running (some openers stay with the
 * browser they started) counts as opened and is left to run.
 *
 * @example
 * ```ts
 * const result = await openInBrowser(viewer.url);
 * if (!result.opened) console.log(`Open ${viewer.url} yourself (${result.reason}).`);
 * ```
 */
export async function openInBrowser(
  url: string,
  options: { os?: typeof Deno.build.os; waitMilliseconds?: number } = {},
): Promise<OpenResult> {
  const [command, ...args] = browserOpenCommand(url, options.os ?? Deno.build.os);
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(command, {
      args,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
  } catch (error) {
    return {
      opened: false,
      reason: error instanceof Deno.errors.NotFound
        ? `${command} is not installed`
        : `${command} failed: ${(error as Error).message}`,
    };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stillRunning = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.waitMilliseconds ?? 3000);
  });
  const status = await Promise.race([child.status, stillRunning]);
  clearTimeout(timer);
  if (status === null) {
    child.unref();
    return { opened: true };
  }
  return status.success
    ? { opened: true }
    : { opened: false, reason: `${command} exited with code ${status.code}` };
}
