import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("the article's CAE has 190,885 parameters, as Keras counts it", async () => {
  await useBackend();
  const { autoencoder, encoder, decoder } = buildConvAutoencoder();
  assert.equal(autoencoder.countParams(), 190885);
  // Hand count: encoder 320 + 18496 + 50192 + 340, decoder 65856 + 36928 + 18464 + 289.
  assert.equal(encoder.countParams(), 69348);
  assert.equal(decoder.countParams(), 121537);
  autoencoder.dispose();
});

Deno.test("options change the latent size, remove the bottleneck and set the filters", async () => {
  await useBackend();
  const noBottleneck = buildConvAutoencoder({ latentDim: 2, bottleneckUnits: null });
  // The 16-unit layer (50192) and the 16→20 layer (340) give way to 3136→2 (6274); decoder 20→2.
  assert.equal(noBottleneck.encoder.countParams(), 320 + 18496 + 3136 * 2 + 2);
  assert.equal(noBottleneck.decoder.countParams(), 2 * 3136 + 3136 + 36928 + 18464 + 289);
  const narrow = buildConvAutoencoder({ filters: [8, 16] });
  assert.equal(narrow.encoder.countParams(), 80 + 1168 + 784 * 16 + 16 + 340);
  noBottleneck.autoencoder.dispose();
  narrow.autoencoder.dispose();
});

Deno.test("the same seed gives the same initial weights and another seed different ones", async () => {
  await useBackend();
  const first = buildConvAutoencoder({ seed: 11 }).autoencoder;
  const second = buildConvAutoencoder({ seed: 11 }).autoencoder;
  const third = buildConvAutoencoder({ seed: 12 }).autoencoder;
  const weights = (model: tf.LayersModel) => Array.from(model.getWeights()[0].dataSync());
  assert.deepEqual(weights(first), weights(second));
  assert.notDeepEqual(weights(first), weights(third));
  [first, second, third].forEach((model) => model.dispose());
});

Deno.test("bad options are rejected with a RangeError that names the option", async () => {
  await useBackend();
  assert.throws(() => buildConvAutoencoder({ latentDim: 0 }), /latentDim must be a positive/);
  assert.throws(() => buildConvAutoencoder({ bottleneckUnits: 2.5 }), RangeError);
  assert.throws(() => buildConvAutoencoder({ filters: [32, -1] }), /filters\[1\]/);
});
