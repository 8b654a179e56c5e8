import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  describeRun,
  loadOrTrainRun,
  showLoadOrTrainRun,
} from "../../lib/commands/load_or_train.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("loadOrTrainRun trains once, then loads; more epochs resume; other settings are refused", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const config = { model: "dense" as const, latentDim: 2, limit: 64, epochs: 1 };
  const log = () => {};
  const first = await loadOrTrainRun({ directory, config, log });
  assert.equal(first.trained, true);
  assert.equal(first.history.length, 1);
  const second = await loadOrTrainRun({ directory, config, log });
  assert.equal(second.trained, false);
  assert.deepEqual(second.history, first.history);
  const images = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 1);
  const [a, b] = [first.model.predict(images), second.model.predict(images)] as tf.Tensor[];
  assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));
  tf.dispose([images, a, b]);
  second.model.dispose();
  first.model.dispose();

  const longer = await loadOrTrainRun({ directory, config: { ...config, epochs: 2 }, log });
  assert.equal(longer.trained, true);
  assert.deepEqual(longer.history.map((m) => m.epoch), [1, 2]);
  longer.model.dispose();

  await assert.rejects(
    () => loadOrTrainRun({ directory, config: { ...config, latentDim: 3 }, log }),
    /holds a run with other settings \(latentDim 2 instead of 3\)/,
  );
});

Deno.test("with reuse false it trains in a temporary folder and leaves the given one alone", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const config = { model: "vae" as const, latentDim: 2, limit: 32, epochs: 1, beta: 2 };
  const run = await loadOrTrainRun({ directory, reuse: false, config, log: () => {} });
  assert.equal(run.trained, true);
  assert.deepEqual([...Deno.readDirSync(directory)], []);
  const line = describeRun(run);
  assert.match(
    line,
    /^\*\*VAE, latent 2\*\* \(β = 2\): trained here, 1 epoch on 32 images \(training took \d+ s\); test loss/,
  );
  assert.match(line, /\(rc \d+\.\d\d, kl \d+\.\d\d\)$/);
  run.model.dispose();
});

Deno.test("showLoadOrTrainRun trains with a live display and shows the run's line after it", async () => {
  await useBackend();
  const directory = await Deno.makeTempDir();
  const printed: string[] = [];
  const original = console.log;
  console.log = (...parts: unknown[]) => void printed.push(parts.join(" "));
  try {
    const run = await showLoadOrTrainRun({
      title: "dense, latent 2",
      directory,
      config: { model: "dense", latentDim: 2, limit: 64, epochs: 1 },
      log: () => {},
    });
    assert.equal(run.trained, true);
    // Outside a notebook the live display prints one line per epoch, then the run's line.
    assert.equal(printed.at(-1), describeRun(run));
    assert.equal(printed.length, 2, printed.join("\n"));
    assert.match(printed[0], /^Epoch 1, Loss: /);
    run.model.dispose();
  } finally {
    console.log = original;
    await Deno.remove(directory, { recursive: true });
  }
});
