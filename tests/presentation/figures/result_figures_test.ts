import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { resultFigures } from "../../../lib/presentation/figures/result_figures.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { buildDenseAutoencoder } from "../../../lib/models/dense_autoencoder.ts";
import { buildVariationalAutoencoder } from "../../../lib/models/variational_autoencoder.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { syntheticFashion } from "../../helpers/synthetic_fashion.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("result figures: all five with every model, only the manifold with a 2-d VAE", async () => {
  await useBackend();
  const models = {
    vae20: buildVariationalAutoencoder({ latentDim: 20, seed: 0 }),
    cae20: buildConvAutoencoder({ latentDim: 20, seed: 0 }),
    dense20: buildDenseAutoencoder({ latentDim: 20, seed: 0 }),
    vae2: buildVariationalAutoencoder({ latentDim: 2, seed: 0 }),
    cae2: buildConvAutoencoder({ latentDim: 2, seed: 0 }),
  };
  const data = syntheticFashion(30, 29);
  const before = tf.memory().numTensors;
  const figures = await resultFigures(models, data, { scatterCount: 20 });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(figures.map((figure) => figure.fileName), [
    "prior-samples-latent20.png",
    "vae-samples-latent20.png",
    "vae-manifold-latent2.png",
    "interpolation-latent20.png",
    "latent-scatter-latent2.png",
  ]);
  const sizes = figures.map((figure) => readPngSize(figure.png));
  assert.deepEqual(sizes[2], { width: 1162, height: 1162 }); // 20 × 56 pixels + 21 gaps of 2
  assert.equal(sizes[0].height, 4 + 3 * (56 + 4)); // three rows of 2×-scaled images
  assert.match(figures[3].description, /From a T-shirt\/top to a Pullover/);
  assert.match(figures[4].description, /^20 test images in 2-d/);

  const only = await resultFigures({ vae2: models.vae2 }, data);
  assert.deepEqual(only.map((figure) => figure.fileName), ["vae-manifold-latent2.png"]);
  Object.values(models).forEach(disposeAutoencoder);
});
