import assert from "node:assert/strict";
import { join } from "node:path";
import { loadFashionMnist } from "../../../lib/data/fashion_mnist.ts";
import { buildModel } from "../../../lib/models/build_model.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { DEFAULT_RUN_CONFIG } from "../../../lib/training/run_config.ts";
import { saveCheckpoint } from "../../../lib/training/run_folder/checkpoint.ts";
import { writeRunConfig } from "../../../lib/training/run_folder/config_file.ts";
import { RunFolderError } from "../../../lib/training/run_folder/json_checks.ts";
import {
  readLatentReport,
  readRunInfo,
  reconstructionComparison,
} from "../../../lib/uses/latent_report/latent_report.ts";
import { autoencoderReconstructionMse } from "../../../lib/uses/reduction/reconstruction_mse.ts";
import { useBackend } from "../../helpers/backend.ts";

const data = await loadFashionMnist({ limit: 300 });

/** A run folder holding an untrained dense AE with a 3-d latent, "trained" for 2 epochs. */
async function denseRunFolder(): Promise<string> {
  const directory = await Deno.makeTempDir();
  const bundle = buildModel("dense", { latentDim: 3, seed: 1 });
  await writeRunConfig(directory, { ...DEFAULT_RUN_CONFIG, model: "dense", latentDim: 3 });
  await saveCheckpoint(directory, bundle.autoencoder, [], 2);
  disposeAutoencoder(bundle);
  return directory;
}

Deno.test("readRunInfo tells the model, latent size and completed epochs of a run folder", async () => {
  await useBackend();
  const directory = await denseRunFolder();
  try {
    assert.deepEqual(await readRunInfo(directory), { model: "dense", latentDim: 3, epochs: 2 });
    await Deno.remove(join(directory, "checkpoint.json"));
    await assert.rejects(
      readRunInfo(directory),
      /has not finished an epoch \(no checkpoint\.json\)/,
    );
    await assert.rejects(
      readRunInfo(join(directory, "nothing")),
      /is not a run folder: it has no config\.json.*finished at least one epoch/s,
    );
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("the reconstruction comparison has PCA at every k and one row per run folder", async () => {
  await useBackend();
  const directory = await denseRunFolder();
  try {
    const lines: string[] = [];
    const { rows, pca } = await reconstructionComparison(
      data,
      [2, 8],
      [directory],
      (line) => lines.push(line),
    );
    assert.deepEqual(rows.map(({ method, k }) => [method, k]), [["PCA", 2], ["PCA", 8], [
      "dense AE",
      3,
    ]]);
    assert.equal(pca.componentCount, 8);
    // More components rebuild the test images better.
    assert.ok(rows[1].testMse < rows[0].testMse);
    assert.equal(rows[2].source, `${directory} (2 epochs)`);
    const bundle = buildModel("dense", { latentDim: 3, seed: 1 });
    const testPixels = data.pixelsAsFloat("test", Array.from({ length: 300 }, (_, i) => i));
    const expected = autoencoderReconstructionMse(bundle.encoder, bundle.decoder, testPixels);
    assert.ok(Math.abs(rows[2].testMse - expected) < 1e-7, `${rows[2].testMse} vs ${expected}`);
    disposeAutoencoder(bundle);
    assert.equal(lines.length, 2);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("readLatentReport reads the saved parts, leaves missing ones out, names a bad file", async () => {
  const directory = await Deno.makeTempDir();
  try {
    assert.deepEqual(await readLatentReport(join(directory, "absent")), {});
    const clustering = { rows: [{ features: "PCA (20)", accuracy: 0.5 }] };
    await Deno.writeTextFile(join(directory, "clustering.json"), JSON.stringify(clustering));
    assert.deepEqual(await readLatentReport(directory), { clustering });
    await Deno.writeTextFile(join(directory, "features.json"), "{ cut");
    await assert.rejects(readLatentReport(directory), (error: unknown) => {
      assert.ok(error instanceof RunFolderError);
      assert.match(error.message, /features\.json is not valid JSON/);
      return true;
    });
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
