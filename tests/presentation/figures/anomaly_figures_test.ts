import assert from "node:assert/strict";
import { FashionMnist } from "../../../lib/data/dataset.ts";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import {
  extremeIndices,
  extremesGridPng,
  extremesPng,
  scoredImages,
} from "../../../lib/presentation/figures/anomaly_figures.ts";
import { readPngSize } from "../../../lib/presentation/figures/png_size.ts";
import { reconstructImages } from "../../../lib/uses/evaluation/reconstruct.ts";
import { useBackend } from "../../helpers/backend.ts";

const classNames = ["zero", "one", "two"];

function data(): FashionMnist {
  const images = new Uint8Array(6 * 784).map((_, index) => (index * 13) % 256);
  const split = { images, labels: Uint8Array.from([0, 1, 2, 0, 1, 2]), count: 6 };
  return new FashionMnist({ train: split, test: split, source: "hand-made" });
}

Deno.test("scored images carry their pixels, reconstruction, score and class name", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 2, seed: 1 });
  const fashion = data();
  // The scored set lists test images 5, 3 and 1 in that order.
  const scored = { indices: [5, 3, 1], labels: [2, 0, 1], scores: [0.5, 2, 1] };
  const images = scoredImages(bundle, fashion, "test", scored, [1, 0], classNames);
  assert.deepEqual(images.map((image) => [image.label, image.score]), [["zero", 2], ["two", 0.5]]);
  assert.deepEqual(images[0].pixels, fashion.pixelsAsFloat("test", [3]));
  assert.deepEqual(
    images[0].reconstruction,
    reconstructImages(bundle, fashion.pixelsAsFloat("test", [3])).images,
  );
  assert.deepEqual(scoredImages(bundle, fashion, "test", scored, [], classNames), []);
  disposeAutoencoder(bundle);
});

Deno.test("the extremes picture is the grid of the highest and the lowest scores", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 2, seed: 1 });
  const fashion = data();
  const scored = {
    indices: [0, 1, 2, 3, 4, 5],
    labels: [0, 1, 2, 0, 1, 2],
    scores: [3, 1, 4, 2, 5, 9],
  };
  const png = await extremesPng(bundle, fashion, "test", scored, classNames, 2);
  const { most, least } = extremeIndices(scored.scores, 2);
  assert.deepEqual([most, least], [[5, 4], [1, 3]]);
  const expected = await extremesGridPng(
    scoredImages(bundle, fashion, "test", scored, most, classNames),
    scoredImages(bundle, fashion, "test", scored, least, classNames),
  );
  assert.deepEqual(png, expected);
  const { width, height } = readPngSize(png);
  assert.ok(width > 2 * 28 * 3 && height > 2 * 2 * 28 * 3, `${width}x${height}`);
  disposeAutoencoder(bundle);
});
