import assert from "node:assert/strict";
import { join } from "node:path";
import { buildModel } from "../../../lib/models/build_model.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { DEFAULT_RUN_CONFIG } from "../../../lib/training/run_config.ts";
import { saveCheckpoint } from "../../../lib/training/run_folder/checkpoint.ts";
import { writeRunConfig } from "../../../lib/training/run_folder/config_file.ts";
import { writeLatentsFile } from "../../../lib/training/run_folder/latents_file.ts";
import {
  createExplorerSite,
  type ExplorerReply,
} from "../../../lib/presentation/viewer/explorer_routes.ts";
import {
  createImageSource,
  readExplorerRuns,
} from "../../../lib/presentation/viewer/explorer_runs.ts";
import { readViewerRuns } from "../../../lib/presentation/viewer/viewer_runs.ts";
import { useBackend } from "../../helpers/backend.ts";
import { CAE_RUN, metricsLine } from "./fixtures.ts";

/** A run folder with a real checkpoint of a small dense AE and a 2-d latent map. */
async function explorableRun(latentsEpoch = 1): Promise<string> {
  await useBackend();
  const directory = await Deno.makeTempDir({ prefix: "explorer-run-" });
  const bundle = buildModel("dense", { latentDim: 2, seed: 0 });
  // As a training run does: the settings first, then the checkpoint (with the metrics so far).
  await writeRunConfig(directory, { ...DEFAULT_RUN_CONFIG, model: "dense", latentDim: 2 });
  await saveCheckpoint(directory, bundle.autoencoder, [], 1, {
    history: [JSON.parse(metricsLine(1))],
  });
  disposeAutoencoder(bundle);
  await writeLatentsFile(directory, {
    split: "test",
    model: "dense",
    latentDim: 2,
    epoch: latentsEpoch,
    projection: { kind: "identity" },
    points: [{ x: 0.5, y: -1, label: 3, index: 0 }, { x: 1, y: 2, label: 9, index: 1 }],
  });
  return directory;
}

const fakeImages = createImageSource(() =>
  Promise.resolve({
    train: { images: new Uint8Array(0), count: 0 },
    test: { images: Uint8Array.from({ length: 2 * 784 }, (_, index) => index % 251), count: 2 },
  })
);

function text(reply: ExplorerReply | undefined): string {
  const body = reply?.body ?? "";
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

Deno.test("the explorer serves a run's page, description, latents, checkpoint bytes and images", async () => {
  const directory = await explorableRun();
  try {
    const { explorable, skipped } = await readExplorerRuns(await readViewerRuns([directory]));
    assert.deepEqual(skipped, []);
    const site = await createExplorerSite(explorable, skipped, fakeImages);
    const reply = (path: string, query = "") => site.reply(path, new URLSearchParams(query));
    assert.deepEqual(site.links, [{
      href: "/explorer/0/",
      text: `Latent explorer: ${explorable[0].name}`,
    }]);
    assert.equal(await reply("/"), undefined, "not the explorer's");
    assert.deepEqual(await reply("/explorer/"), { status: 302, location: "/explorer/0/" });
    assert.deepEqual(await reply("/explorer/0"), { status: 301, location: "/explorer/0/" });
    const page = await reply("/explorer/0/");
    assert.equal(page?.status, 200);
    assert.match(text(page), /<script src="\/explorer\/static\/tf\.min\.js"><\/script>/);
    assert.ok(!/(src|href)="https?:/.test(text(page)), "the page loads nothing remote");
    const description = JSON.parse(text(await reply("/explorer/0/run.json")));
    assert.deepEqual(
      [
        description.model,
        description.latentDim,
        description.checkpointEpoch,
        description.projection,
      ],
      ["dense", 2, 1, "identity"],
    );
    assert.equal(JSON.parse(text(await reply("/explorer/0/latents.json"))).points.length, 2);
    assert.deepEqual(
      (await reply("/explorer/0/model/weights.bin"))?.body,
      await Deno.readFile(join(directory, "checkpoints", "epoch-1", "weights.bin")),
    );
    assert.deepEqual(
      (await reply("/explorer/0/model/model.json"))?.body,
      await Deno.readFile(join(directory, "checkpoints", "epoch-1", "model.json")),
    );
    const image = await reply("/explorer/0/image", "index=1");
    assert.deepEqual(image?.body, Uint8Array.from({ length: 784 }, (_, i) => (784 + i) % 251));
    for (const query of ["index=2", "index=-1", "index=x", ""]) {
      const missing = await reply("/explorer/0/image", query);
      assert.equal(missing?.status, 404, query);
      assert.match(text(missing), /There is no test image/);
    }
    for (const path of ["/explorer/1/", "/explorer/0/model/other.bin", "/explorer/0/secret"]) {
      assert.equal((await reply(path))?.status, 404, path);
    }
    const script = await reply("/explorer/static/tf.min.js");
    assert.equal(script?.status, 200);
    assert.match(script!.file!, /@tensorflow[\\/+]tfjs.*[\\/]dist[\\/]tf\.min\.js$/);
    assert.ok((await Deno.stat(script!.file!)).size > 1e6, "the whole browser bundle");
    assert.equal((await reply("/explorer/static/../../deno.json"))?.status, 404);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("runs the explorer cannot show are listed with the reason and what to do", async () => {
  const stale = await explorableRun(7);
  const noCheckpoint = await Deno.makeTempDir({ prefix: "explorer-run-" });
  try {
    await Deno.copyFile(join(stale, "latents.json"), join(noCheckpoint, "latents.json"));
    const { explorable, skipped } = await readExplorerRuns(
      await readViewerRuns([CAE_RUN, noCheckpoint, stale]),
    );
    assert.equal(skipped.length, 2);
    assert.match(skipped[0].reason, /^its latents\.json has no "latentDim" and "projection"/);
    assert.match(skipped[1].reason, /^its checkpoint cannot be read: .* has no checkpoint\.json/);
    assert.match(skipped[0].reason, /deno task train --resume .*cae-latent2-small/);
    assert.equal(explorable.length, 1);
    assert.match(
      explorable[0].warnings[0],
      /written after epoch 7 but the checkpoint is of epoch 1/,
    );
    const none = await createExplorerSite([], skipped, fakeImages);
    const page = await none.reply("/explorer/", new URLSearchParams());
    assert.equal(page?.status, 404);
    assert.match(text(page), /No run to explore.*older format/s);
  } finally {
    await Deno.remove(stale, { recursive: true });
    await Deno.remove(noCheckpoint, { recursive: true });
  }
});
