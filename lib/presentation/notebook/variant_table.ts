/**
 * The results table of the CAE variants (notebook 03): for each variant its latent size, how many
 * units of its Dense bottleneck are still alive after training, its parameters, test loss, the
 * distance to the BCE floor of the same test images, how much of the test images' edge energy
 * its reconstructions keep (how sharp they are), and its training time.
 *
 * @module
 */
import { layerUnitActivity } from "../../models/unit_activity.ts";
import { datasetEntropyFloor } from "../../training/entropy_floor.ts";
import { reconstructImages } from "../../uses/evaluation/reconstruct.ts";
import { compareSharpness } from "../../uses/evaluation/sharpness.ts";
import type { TrainingData } from "../../training/trainer.ts";
import type { VariantRun } from "../../training/variant_training.ts";
import { markdownTable } from "./markdown_table.ts";

/** Name of the CAE's Dense bottleneck layer, whose dead units the table counts. */
const BOTTLENECK_LAYER = "encoder_bottleneck";

/**
 * "live of all" units of a variant's bottleneck on the given images (pixels in [0, 1], one image
 * after another), or "no bottleneck" for a variant without one.
 *
 * @example
 * ```ts
 * liveBottleneckUnits(run, data.pixelsAsFloat("test", indices)); // "4 of 16"
 * ```
 */
export function liveBottleneckUnits(run: VariantRun, pixels: Float32Array): string {
  if (run.variant.bottleneckUnits === null) return "no bottleneck";
  const activity = layerUnitActivity(run.bundle.autoencoder, BOTTLENECK_LAYER, pixels);
  return `${activity.units - activity.deadUnits} of ${activity.units}`;
}

/**
 * The Markdown table of trained variants, measured on every test image of `data` (the data they
 * were trained on): the floor is `datasetEntropyFloor(data, "test")`, the edge energy kept is
 * `compareSharpness` of the test images and their reconstructions.
 *
 * @example
 * ```ts
 * await show(markdown(variantResultsTable(variantRuns, variantData)));
 * ```
 */
export function variantResultsTable(runs: readonly VariantRun[], data: TrainingData): string {
  const floor = datasetEntropyFloor(data, "test");
  const indices = Array.from({ length: data.test.count }, (_, index) => index);
  const pixels = data.pixelsAsFloat("test", indices);
  return markdownTable(
    [
      "variant",
      "latent",
      { header: "live bottleneck units", align: "right" },
      "parameters",
      "test loss",
      "above floor",
      "edge energy kept",
      "seconds",
    ],
    runs.map((run) => [
      run.variant.name,
      run.variant.latentDim,
      liveBottleneckUnits(run, pixels),
      run.parameterCount.toLocaleString("en-US"),
      run.testLoss.toFixed(1),
      (run.testLoss - floor).toFixed(1),
      `${(100 * keptShare(run, pixels)).toFixed(0)}%`,
      run.seconds.toFixed(0),
    ]),
  );
}

function keptShare(run: VariantRun, pixels: Float32Array): number {
  return compareSharpness(pixels, reconstructImages(run.bundle, pixels).images).keptShare;
}
