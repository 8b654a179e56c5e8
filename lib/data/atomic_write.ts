/**
 * Writing a file so that readers never see half of it: the bytes go to a unique temporary name in
 * the same folder, which is then renamed over the target (a rename within one file system is
 * atomic). A failed write removes its temporary file. Every file the project writes for later
 * reading (data downloads, run folders, reports) goes through {@link writeFileAtomically}.
 *
 * @module
 */

/**
 * Writes `content` (bytes, or text as UTF-8) to `path` atomically: a crash leaves either the old
 * file or the new one, never a torn one. The folder must exist.
 *
 * @example
 * ```ts
 * await writeFileAtomically("runs/x/config.json", JSON.stringify({ epochs: 3 }) + "\n");
 * ```
 */
export async function writeFileAtomically(
  path: string,
  content: Uint8Array | string,
): Promise<void> {
  const temporary = `${path}.${crypto.randomUUID()}.tmp`;
  try {
    if (typeof content === "string") await Deno.writeTextFile(temporary, content);
    else await Deno.writeFile(temporary, content);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
}
