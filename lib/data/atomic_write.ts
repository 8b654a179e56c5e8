/**
 * Writing files so that readers never see half of one and a crash or power cut loses nothing that
 * was reported written: bytes go to a unique temporary name in the same folder and are flushed to
 * the disk (`fsync`), the temporary file is renamed over the target (a rename within one file
 * system is atomic), and the folder is flushed so that the rename itself survives a power cut. A
 * failed write removes its temporary file. Every file the project writes for later reading (data
 * downloads, run folders, reports) goes through {@link writeFileAtomically}.
 *
 * @module
 */
import { dirname } from "node:path";

/**
 * Writes `content` to `path` (created or truncated) and flushes it to the disk before returning.
 * Not atomic by itself: see {@link writeFileAtomically}.
 *
 * @example
 * ```ts
 * await writeFileDurably("runs/x/checkpoints/epoch-1/weights.bin", new Uint8Array(8));
 * ```
 */
export async function writeFileDurably(path: string, content: Uint8Array | string): Promise<void> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    let written = 0;
    while (written < bytes.length) written += await file.write(bytes.subarray(written));
    await file.sync();
  } finally {
    file.close();
  }
}

/**
 * Flushes a folder's entries (files created, renamed or removed in it) to the disk.
 *
 * @example
 * ```ts
 * await Deno.rename("runs/x/checkpoint.json.tmp", "runs/x/checkpoint.json");
 * await syncDirectory("runs/x");
 * ```
 */
export async function syncDirectory(path: string): Promise<void> {
  const folder = await Deno.open(path, { read: true });
  try {
    await folder.sync();
  } finally {
    folder.close();
  }
}

/**
 * Writes `content` (bytes, or text as UTF-8) to `path` atomically and durably: a crash leaves
 * either the old file or the new one, never a torn or empty one. The folder must exist.
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
    await writeFileDurably(temporary, content);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}
