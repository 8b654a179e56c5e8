import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildDenseAutoencoder, N2D_DENSE_OPTIONS } from "../../lib/models/dense_autoencoder.ts";
import { buildModel } from "../../lib/models/build_model.ts";
import { disposeAutoencoder, modelKindOf, predict } from "../../lib/models/autoencoder_bundle.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("N2D's dense autoencoder is 784-500-500-2000-10 with 3,330,794 parameters", async () => {
  await useBackend();
  const n2d = buildModel("n2d", { seed: 0 });
  // Encoder 784·500+500 + 500·500+500 + 500·2000+2000 + 2000·10+10, the decoder the mirror image.
  const encoderWeights = 784 * 500 + 500 + 500 * 500 + 500 + 500 * 2000 + 2000 + 2000 * 10 + 10;
  const decoderWeights = 10 * 2000 + 2000 + 2000 * 500 + 500 + 500 * 500 + 500 + 500 * 784 + 784;
  assert.equal(n2d.autoencoder.countParams(), encoderWeights + decoderWeights);
  assert.equal(n2d.autoencoder.countParams(), 3330794);
  assert.equal(n2d.encoder.countParams(), encoderWeights);
  const units = n2d.autoencoder.layers
    .filter((layer) => layer.getClassName() === "Dense")
    .map((layer) => (layer.getConfig() as { units: number }).units);
  assert.deepEqual(units, [500, 500, 2000, 10, 2000, 500, 500, 784]);
  assert.equal(modelKindOf(n2d.autoencoder), "n2d");
  disposeAutoencoder(n2d);
});

Deno.test("a linear output reproduces values outside [0, 1], a sigmoid one cannot", async () => {
  await useBackend();
  const input = tf.fill([1, 28, 28, 1], 0.5);
  for (const outputActivation of ["linear", "sigmoid"] as const) {
    const bundle = buildDenseAutoencoder({
      hiddenLayers: [8],
      latentDim: 2,
      outputActivation,
      seed: 3,
    });
    const last = bundle.autoencoder.getLayer("decoder_pixels");
    const [kernel, bias] = last.getWeights();
    last.setWeights([tf.zerosLike(kernel), tf.fill(bias.shape, 2)]);
    const { z, y } = predict(bundle, input);
    const expected = outputActivation === "linear" ? 2 : 1 / (1 + Math.exp(-2));
    assert.ok(Math.abs(y.dataSync()[0] - expected) < 1e-6);
    tf.dispose([z, y]);
    disposeAutoencoder(bundle);
  }
  input.dispose();
  assert.equal(N2D_DENSE_OPTIONS.outputActivation, "linear");
});

Deno.test("the dense autoencoder rejects an empty or non-integer layer list", () => {
  assert.throws(() => buildDenseAutoencoder({ hiddenLayers: [] }), /at least one width/);
  assert.throws(() => buildDenseAutoencoder({ hiddenLayers: [10, 2.5] }), /positive integer/);
});
