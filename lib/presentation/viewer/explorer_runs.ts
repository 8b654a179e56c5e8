/**
 * What the latent explorer needs of a run, read once when the viewer starts: the run's own
 * checkpoint as bytes (`model.json` and its weight files, checked against `checkpoint.json` by the
 * run-folder module, served as they are so the browser loads exactly what the CLI wrote) and its
 * `latents.json` with the latent size and projection. A run without them is listed with the reason
 * and what to do. The test images of clicked points come from the dataset, loaded on first use.
 *
 * @module
 */
import { FASHION_MNIST_CLASS_NAMES, PIXELS_PER_IMAGE } from "../../data/constants.ts";
import { loadFashionMnist } from "../../data/fashion_mnist.ts";
import { RUN_FILES } from "../../training/run_folder/files.ts";
import type { LatentsFile } from "../../training/run_folder/latents_file.ts";
import { type ModelFiles, readModelFiles } from "../../training/run_folder/model_files.ts";
import { TABLEAU_10 } from "./plotly_chart.ts";
import type { ViewerRun } from "./viewer_runs.ts";

/**
 * A run the explorer can show.
 *
 * @example
 * ```ts
 * const explorable: ExplorerRun = { name: "cae", directory: "runs/cae", latents, model, warnings: [] };
 * ```
 */
export interface ExplorerRun {
  name: string;
  directory: string;
  /** `latents.json`, with `latentDim` and `projection`. */
  latents: LatentsFile & Required<Pick<LatentsFile, "latentDim" | "projection">>;
  /** The checkpoint's files, checked. */
  model: ModelFiles;
  /** The model kind from `config.json` (or `latents.json`). */
  modelKind?: string;
  /** Things the page should say, e.g. latents from another epoch than the checkpoint. */
  warnings: string[];
}

/**
 * A run the explorer cannot show, and why.
 *
 * @example
 * ```ts
 * const skipped: UnexplorableRun = { name: "x", reason: "it has no latents.json" };
 * ```
 */
export interface UnexplorableRun {
  name: string;
  reason: string;
}

/**
 * Reads what the explorer needs of a run read by `readViewerRun`, or why it cannot be explored.
 *
 * @example
 * ```ts
 * const result = await readExplorerRun(await readViewerRun("runs/vae-latent2"));
 * if ("reason" in result) console.log(result.reason);
 * ```
 */
export async function readExplorerRun(run: ViewerRun): Promise<ExplorerRun | UnexplorableRun> {
  const rewrite = `Run \`deno task train --resume ${run.directory}\` to write it (it trains ` +
    `nothing more when the run is finished).`;
  const latents = run.latents;
  if (!latents) {
    return { name: run.name, reason: `it has no ${RUN_FILES.latents}. ${rewrite}` };
  }
  if (latents.latentDim === undefined || latents.projection === undefined) {
    return {
      name: run.name,
      reason: `its ${RUN_FILES.latents} has no "latentDim" and "projection" (an older format). ` +
        rewrite.replace("write it", "rewrite it"),
    };
  }
  let model: ModelFiles;
  try {
    model = await readModelFiles(run.directory);
  } catch (error) {
    return { name: run.name, reason: `its checkpoint cannot be read: ${(error as Error).message}` };
  }
  const warnings: string[] = [];
  if (latents.epoch !== undefined && model.epoch !== undefined && latents.epoch !== model.epoch) {
    warnings.push(
      `${RUN_FILES.latents} was written after epoch ${latents.epoch} but the checkpoint is of ` +
        `epoch ${model.epoch}, so the map is not the model's. ${
          rewrite.replace("write", "rewrite")
        }`,
    );
  }
  return {
    name: run.name,
    directory: run.directory,
    latents: latents as ExplorerRun["latents"],
    model,
    modelKind: run.config?.model ?? latents.model,
    warnings,
  };
}

/**
 * Reads every run for the explorer: those it can show, and the others with their reasons.
 *
 * @example
 * ```ts
 * const { explorable, skipped } = await readExplorerRuns(await readViewerRuns(["runs/cae"]));
 * ```
 */
export async function readExplorerRuns(
  runs: readonly ViewerRun[],
): Promise<{ explorable: ExplorerRun[]; skipped: UnexplorableRun[] }> {
  const explorable: ExplorerRun[] = [];
  const skipped: UnexplorableRun[] = [];
  for (const run of runs) {
    const result = await readExplorerRun(run);
    if ("reason" in result) skipped.push(result);
    else explorable.push(result);
  }
  return { explorable, skipped };
}

/**
 * What the page gets as `run.json`: names, sizes, epochs, class names and colours, warnings, and
 * the other explorable runs to switch to.
 *
 * @example
 * ```ts
 * const description = explorerRunDescription(runs, 0);
 * console.log(description.latentDim, description.runs.length);
 * ```
 */
export function explorerRunDescription(runs: readonly ExplorerRun[], position: number) {
  const run = runs[position];
  return {
    name: run.name,
    directory: run.directory,
    model: run.modelKind ?? null,
    latentDim: run.latents.latentDim,
    projection: run.latents.projection.kind,
    checkpointEpoch: run.model.epoch ?? null,
    latentsEpoch: run.latents.epoch ?? null,
    split: run.latents.split ?? "test",
    pointCount: run.latents.points.length,
    classNames: [...FASHION_MNIST_CLASS_NAMES],
    colors: [...TABLEAU_10],
    warnings: run.warnings,
    runs: runs.map((other, index) => ({ name: other.name, href: `/explorer/${index}/` })),
  };
}

/**
 * Images of both splits as the dataset holds them: `count · 784` bytes each.
 *
 * @example
 * ```ts
 * const splits: ImageSplits = await loadFashionMnist({ download: false });
 * ```
 */
export type ImageSplits = Record<"train" | "test", { images: Uint8Array; count: number }>;

/**
 * Where the explorer gets the image of a point.
 *
 * @example
 * ```ts
 * const source: ImageSource = createImageSource();
 * ```
 */
export interface ImageSource {
  /** The image (784 bytes), or a rejection naming the dataset problem or the bad index. */
  image(split: "train" | "test", index: number): Promise<Uint8Array>;
}

/**
 * Test images by index, for the page's "original" panel: the dataset is loaded on the first call
 * (never downloaded) and kept. Each image is 784 bytes, 0–255, row-major.
 *
 * @example
 * ```ts
 * const images = createImageSource();
 * const pixels = await images.image("test", 42); // Uint8Array(784)
 * ```
 */
export function createImageSource(
  load: () => Promise<ImageSplits> = () => loadFashionMnist({ download: false }),
): ImageSource {
  let loaded: Promise<ImageSplits> | undefined;
  return {
    async image(split: "train" | "test", index: number): Promise<Uint8Array> {
      loaded ??= load();
      const data = (await loaded)[split];
      if (!Number.isInteger(index) || index < 0 || index >= data.count) {
        throw new RangeError(
          `There is no ${split} image ${index}; indices run from 0 to ${data.count - 1}.`,
        );
      }
      return data.images.subarray(index * PIXELS_PER_IMAGE, (index + 1) * PIXELS_PER_IMAGE);
    },
  };
}
