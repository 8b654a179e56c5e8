import assert from "node:assert/strict";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { layerUnitActivity } from "../../../lib/models/unit_activity.ts";
import {
  liveBottleneckUnits,
  variantResultsTable,
} from "../../../lib/presentation/notebook/variant_table.ts";
import { datasetEntropyFloor } from "../../../lib/training/entropy_floor.ts";
import { CAE_VARIANTS, trainConvVariant } from "../../../lib/training/variant_training.ts";
import { reconstructImages } from "../../../lib/uses/evaluation/reconstruct.ts";
import { compareSharpness } from "../../../lib/uses/evaluation/sharpness.ts";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("the variant table has one row per variant: live units, loss above the floor, sharpness, time", async () => {
  await useBackend();
  const data = syntheticFashion(40, 31);
  const options = { epochs: 1, batchSize: 20 };
  const article = await trainConvVariant(data, CAE_VARIANTS[0], options);
  const noBottleneck = await trainConvVariant(data, CAE_VARIANTS[2], options);
  try {
    const pixels = data.pixelsAsFloat("test", Array.from({ length: 40 }, (_, index) => index));
    const activity = layerUnitActivity(article.bundle.autoencoder, "encoder_bottleneck", pixels);
    const live = `${activity.units - activity.deadUnits} of 16`;
    assert.equal(liveBottleneckUnits(article, pixels), live);
    assert.equal(liveBottleneckUnits(noBottleneck, pixels), "no bottleneck");
    const floor = datasetEntropyFloor(data, "test");
    const kept = (run: typeof article) =>
      compareSharpness(pixels, reconstructImages(run.bundle, pixels).images).keptShare;
    const lines = variantResultsTable([article, noBottleneck], data).split("\n");
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^\| variant \| latent \| live bottleneck units \| parameters \|/);
    const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
    assert.deepEqual(cells(lines[2]), [
      "article: 16 → latent 20",
      "20",
      live,
      article.parameterCount.toLocaleString("en-US"),
      article.testLoss.toFixed(1),
      (article.testLoss - floor).toFixed(1),
      `${(100 * kept(article)).toFixed(0)}%`,
      article.seconds.toFixed(0),
    ]);
    assert.equal(cells(lines[3])[2], "no bottleneck");
  } finally {
    disposeAutoencoder(article.bundle);
    disposeAutoencoder(noBottleneck.bundle);
  }
});
