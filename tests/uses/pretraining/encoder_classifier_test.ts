import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { buildModel } from "../../../lib/models/build_model.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import {
  buildEncoderClassifier,
  CLASSIFIER_HEAD_NAME,
  encoderShapeOf,
  sameLayerWeights,
  setEncoderFrozen,
  transferEncoderWeights,
} from "../../../lib/uses/pretraining/encoder_classifier.ts";
import { trainClassifier } from "../../../lib/uses/pretraining/classifier_training.ts";
import { useBackend } from "../../helpers/backend.ts";

const ENCODER_LAYERS = ["encoder_conv1", "encoder_conv2", "encoder_bottleneck", "latent"];

/** A tiny labelled dataset of 20 random images. */
function tinyData() {
  const pixels = Float32Array.from({ length: 20 * 784 }, (_, index) => (index * 7919 % 101) / 100);
  const labels = Uint8Array.from({ length: 20 }, (_, index) => index % 10);
  return {
    train: { count: 20, labels },
    test: { count: 20, labels },
    pixelsAsFloat: (_split: "train" | "test", indices: ArrayLike<number>) => {
      const out = new Float32Array(indices.length * 784);
      for (let i = 0; i < indices.length; i++) {
        out.set(pixels.subarray(indices[i] * 784, (indices[i] + 1) * 784), i * 784);
      }
      return out;
    },
  };
}

function weightsOf(model: tf.LayersModel, name: string): Float32Array[] {
  return model.getLayer(name).getWeights().map((weight) => weight.dataSync() as Float32Array);
}

Deno.test("weight transfer copies exactly the encoder's weights, and only those", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ seed: 3 });
  const classifier = buildEncoderClassifier({ seed: 9 });
  const headBefore = weightsOf(classifier, CLASSIFIER_HEAD_NAME);
  assert.deepEqual(transferEncoderWeights(classifier, cae.autoencoder), ENCODER_LAYERS);
  for (const name of ENCODER_LAYERS) {
    assert.deepEqual(weightsOf(classifier, name), weightsOf(cae.autoencoder, name));
  }
  assert.deepEqual(weightsOf(classifier, CLASSIFIER_HEAD_NAME), headBefore);
  const other = buildConvAutoencoder({ latentDim: 8 });
  assert.throws(() => transferEncoderWeights(classifier, other.autoencoder), /latentDim/);
  tf.dispose(
    [classifier, cae.autoencoder, other.autoencoder].flatMap((m) => m.weights.map((w) => w.read())),
  );
});

Deno.test("a frozen encoder does not change during training; the head and a fine-tuned one do", async () => {
  await useBackend();
  const data = tinyData();
  const cae = buildConvAutoencoder({ seed: 1 });
  for (const frozen of [true, false]) {
    const classifier = buildEncoderClassifier({ seed: 2 });
    transferEncoderWeights(classifier, cae.autoencoder);
    setEncoderFrozen(classifier, frozen);
    const before = Object.fromEntries(
      [...ENCODER_LAYERS, CLASSIFIER_HEAD_NAME].map((name) => [name, weightsOf(classifier, name)]),
    );
    const tensorsBefore = tf.memory().numTensors;
    trainClassifier(classifier, data, [0, 1, 2, 3, 4, 5, 6, 7], { steps: 3, batchSize: 4 });
    assert.equal(tf.memory().numTensors, tensorsBefore);
    for (const name of ENCODER_LAYERS) {
      const same = weightsOf(classifier, name).every((weight, index) =>
        weight.every((value, position) => value === before[name][index][position])
      );
      assert.equal(same, frozen, `${name} ${frozen ? "changed while frozen" : "did not train"}`);
    }
    assert.notDeepEqual(weightsOf(classifier, CLASSIFIER_HEAD_NAME), before[CLASSIFIER_HEAD_NAME]);
    classifier.dispose();
  }
});

Deno.test("sameLayerWeights is true after the transfer and false once a weight changes", async () => {
  await useBackend();
  const cae = buildConvAutoencoder({ seed: 3 });
  const classifier = buildEncoderClassifier({ seed: 9 });
  assert.equal(sameLayerWeights(classifier, cae.autoencoder, ENCODER_LAYERS), false);
  const copied = transferEncoderWeights(classifier, cae.autoencoder);
  assert.equal(sameLayerWeights(classifier, cae.autoencoder, copied), true);
  const [kernel, bias] = classifier.getLayer("latent").getWeights();
  const nudged = kernel.dataSync().slice();
  nudged[0] += 1e-6;
  classifier.getLayer("latent").setWeights([tf.tensor(nudged, kernel.shape), bias]);
  assert.equal(sameLayerWeights(classifier, cae.autoencoder, copied), false);
  assert.equal(sameLayerWeights(classifier, cae.autoencoder, ["encoder_conv1"]), true);
  classifier.dispose();
  cae.autoencoder.dispose();
});

Deno.test("a classifier takes the shape of any convolutional encoder, and a VAE's posterior mean as its latent", async () => {
  await useBackend();
  for (const kind of ["cae", "cae-no-bottleneck", "vae"] as const) {
    const bundle = buildModel(kind, { latentDim: 6, seed: 3 });
    const shape = encoderShapeOf(bundle.autoencoder);
    assert.deepEqual(shape.filters, [32, 64]);
    assert.equal(shape.latentDim, 6);
    const hasBottleneck = bundle.autoencoder.layers.some((l) => l.name === "encoder_bottleneck");
    assert.equal(shape.bottleneckUnits, hasBottleneck ? 16 : null);
    const classifier = buildEncoderClassifier({ ...shape, seed: 0 });
    const copied = transferEncoderWeights(classifier, bundle.autoencoder);
    assert.ok(copied.includes("latent"));
    // The classifier's latent is exactly the autoencoder's code (the VAE's mean, not a sample).
    const images = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 5);
    const untilLatent = tf.model({
      inputs: classifier.inputs,
      outputs: classifier.getLayer("latent").output as tf.SymbolicTensor,
    });
    const fromClassifier = untilLatent.predict(images) as tf.Tensor;
    const fromEncoder = bundle.encoder.predict(images) as tf.Tensor;
    assert.deepEqual(Array.from(fromClassifier.dataSync()), Array.from(fromEncoder.dataSync()));
    tf.dispose([images, fromClassifier, fromEncoder]);
    classifier.dispose();
    disposeAutoencoder(bundle);
  }
  const dense = buildModel("dense", { latentDim: 6 });
  assert.throws(() => encoderShapeOf(dense.autoencoder), /--model cae, cae-no-bottleneck or vae/);
  disposeAutoencoder(dense);
});
