import assert from "node:assert/strict";
import { join } from "node:path";
import { browserOpenCommand, openInBrowser } from "../../../lib/presentation/viewer/mod.ts";

Deno.test("the opener command per system", () => {
  const url = "http://127.0.0.1:1/";
  assert.deepEqual(browserOpenCommand(url, "linux"), ["xdg-open", url]);
  assert.deepEqual(browserOpenCommand(url, "darwin"), ["open", url]);
  assert.deepEqual(browserOpenCommand(url, "windows"), ["cmd", "/c", "start", "", url]);
});

/** Runs `check` with PATH holding only a fake `xdg-open` with the given shell body (or none). */
async function withFakeOpener(body: string | undefined, check: () => Promise<void>): Promise<void> {
  const directory = await Deno.makeTempDir({ prefix: "fake-opener-" });
  if (body !== undefined) {
    await Deno.writeTextFile(join(directory, "xdg-open"), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  const path = Deno.env.get("PATH");
  Deno.env.set("PATH", directory);
  try {
    await check();
  } finally {
    if (path === undefined) Deno.env.delete("PATH");
    else Deno.env.set("PATH", path);
    await Deno.remove(directory, { recursive: true });
  }
}

Deno.test({
  name: "opening reports a missing or failing opener instead of throwing",
  ignore: Deno.build.os === "windows",
  async fn() {
    await withFakeOpener(undefined, async () => {
      assert.deepEqual(await openInBrowser("http://127.0.0.1:1/", { os: "linux" }), {
        opened: false,
        reason: "xdg-open is not installed",
      });
    });
    await withFakeOpener("exit 3", async () => {
      assert.deepEqual(await openInBrowser("http://127.0.0.1:1/", { os: "linux" }), {
        opened: false,
        reason: "xdg-open exited with code 3",
      });
    });
  },
});

Deno.test({
  name: "an opener that succeeds, or is still running after the wait, counts as opened",
  ignore: Deno.build.os === "windows",
  async fn() {
    const record = await Deno.makeTempFile();
    await withFakeOpener(`echo "$1" > ${record}`, async () => {
      assert.deepEqual(await openInBrowser("http://127.0.0.1:2/", { os: "linux" }), {
        opened: true,
      });
    });
    assert.equal((await Deno.readTextFile(record)).trim(), "http://127.0.0.1:2/");
    await Deno.remove(record);
    await withFakeOpener("exec /bin/sleep 1", async () => {
      const result = await openInBrowser("http://127.0.0.1:3/", {
        os: "linux",
        waitMilliseconds: 100,
      });
      assert.deepEqual(result, { opened: true });
    });
  },
});
