import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  initBackend,
  REGISTERED_KERNELS,
  TRAINING_KERNEL_CONFIGS,
  wasmBinaryFolder,
} from "../../lib/backend/mod.ts";

Deno.test("initBackend activates wasm and registers every training kernel", async () => {
  assert.equal(await initBackend(), "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.deepEqual(
    [...REGISTERED_KERNELS].sort(),
    [
      "BatchMatMul",
      "Cast",
      "Conv2D",
      "Conv2DBackpropFilter",
      "Conv2DBackpropInput",
      "Identity",
      "Sum",
    ],
  );
  for (const config of TRAINING_KERNEL_CONFIGS) {
    assert.equal(tf.getKernel(config.kernelName, "wasm")?.kernelFunc, config.kernelFunc);
  }
});

Deno.test("initBackend can be called again without warnings or changes", async () => {
  await initBackend("wasm");
  const warnings: unknown[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    assert.equal(await initBackend("wasm"), "wasm");
    assert.equal(await initBackend("wasm"), "wasm");
  } finally {
    console.warn = originalWarn;
  }
  assert.deepEqual(warnings, []);
  for (const config of TRAINING_KERNEL_CONFIGS) {
    assert.equal(tf.getKernel(config.kernelName, "wasm")?.kernelFunc, config.kernelFunc);
  }
});

Deno.test("initBackend switches to cpu and back to wasm", async () => {
  assert.equal(await initBackend("cpu"), "cpu");
  assert.equal(tf.getBackend(), "cpu");
  assert.equal(await initBackend("wasm"), "wasm");
  const doubled = tf.tidy(() => tf.mul(tf.tensor([1, 2, 3]), 2).dataSync());
  assert.deepEqual(Array.from(doubled), [2, 4, 6]);
});

Deno.test("initBackend rejects an unknown backend name with a clear error", async () => {
  await assert.rejects(
    () => initBackend("webgl" as "wasm"),
    /initBackend expects "wasm" or "cpu", got "webgl"/,
  );
});

Deno.test("wasmBinaryFolder points at the installed wasm binaries", () => {
  const folder = wasmBinaryFolder();
  assert.match(folder, /^file:\/\/.*tfjs-backend-wasm.*\/$/);
  const simd = new URL("tfjs-backend-wasm-simd.wasm", folder);
  assert.ok(Deno.statSync(simd).size > 0);
});
