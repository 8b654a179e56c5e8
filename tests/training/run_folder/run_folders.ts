/**
 * Test helper: small real run folders, trained on a made-up dataset in a fraction of a second, in
 * the current checkpoint format or converted to an older run's format 1.
 */
import { join } from "node:path";
import { trainRun, type TrainRunOptions } from "../../../lib/commands/train_run.ts";
import { createHash } from "node:crypto";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";

/** SHA-256 as hex, computed here (not with the project's code) as an outside editor would. */
function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The settings of every small run: a CAE with a 3-d latent, batch 16 (limit 48 for the CLI). */
export const SMALL_RUN = { epochs: 1, latentDim: 3, seed: 5, batchSize: 16, limit: 48 } as const;

/** 48 made-up images: three batches of 16 per epoch. */
export const SMALL_DATA = syntheticFashion(48, 37);

/** Trains (or resumes) a small run in `directory` quietly; extra options pass through. */
export function trainSmall(
  directory: string,
  options: Partial<TrainRunOptions> = {},
) {
  return trainRun({
    directory,
    data: SMALL_DATA,
    log: () => {},
    progress: false,
    ...options,
    config: { ...SMALL_RUN, ...options.config },
  });
}

/** A new run folder trained for `epochs` epochs. */
export async function smallRunFolder(epochs = 1): Promise<string> {
  const directory = await Deno.makeTempDir({ prefix: "small-run-" });
  await trainSmall(directory, { config: { epochs } });
  return directory;
}

/**
 * Rewrites a run folder into checkpoint format 1, as runs written before the atomic checkpoint
 * set look: model.json, weights.bin, optimizer.json and optimizer.bin beside checkpoint.json
 * (`{ epoch, sha256 }`), no checkpoints/ folder.
 */
export async function convertToFormat1(directory: string): Promise<void> {
  const manifest = JSON.parse(await Deno.readTextFile(join(directory, "checkpoint.json")));
  const folder = join(directory, manifest.folder);
  const sha256: Record<string, string> = {};
  for (const name of ["model.json", "weights.bin", "optimizer.json", "optimizer.bin"]) {
    const bytes = await Deno.readFile(join(folder, name));
    await Deno.writeFile(join(directory, name), bytes);
    sha256[name] = sha256Hex(bytes);
  }
  await Deno.remove(join(directory, "checkpoints"), { recursive: true });
  await Deno.writeTextFile(
    join(directory, "checkpoint.json"),
    JSON.stringify({ epoch: manifest.epoch, sha256 }, null, 2) + "\n",
  );
}

/** Reads, changes and rewrites `checkpoint.json`. */
export async function editManifest(
  directory: string,
  change: (manifest: Record<string, unknown>) => void,
): Promise<void> {
  const path = join(directory, "checkpoint.json");
  const manifest = JSON.parse(await Deno.readTextFile(path));
  change(manifest);
  await Deno.writeTextFile(path, JSON.stringify(manifest, null, 2) + "\n");
}

/**
 * Puts NaN into float `index` of the committed checkpoint's weights.bin and updates its SHA-256
 * in checkpoint.json, as in issue 12: only the finite check can notice.
 */
export async function poisonWeights(directory: string, index = 10): Promise<string> {
  const manifest = JSON.parse(await Deno.readTextFile(join(directory, "checkpoint.json")));
  const path = join(directory, manifest.folder ?? ".", "weights.bin");
  const bytes = await Deno.readFile(path);
  new DataView(bytes.buffer).setFloat32(index * 4, NaN, true);
  await Deno.writeFile(path, bytes);
  await editManifest(directory, (edited) => {
    (edited.sha256 as Record<string, string>)["weights.bin"] = sha256Hex(bytes);
  });
  return path;
}
