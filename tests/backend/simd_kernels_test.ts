import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  conv2dBackpropFilterChannelsLast,
  directChunkRows,
  type FilterGradientStrategy,
} from "../../lib/backend/conv2d_backprop_filter.ts";
import { simdKernels } from "../../lib/backend/simd_kernels.ts";
import { initBackend } from "../../lib/backend/mod.ts";
import { CONV_CASES, describeCase, outputShape } from "./conv_cases.ts";
import { relativeError, seededValues, TOLERANCE } from "./helpers.ts";

Deno.test("the SIMD kernels instantiate on the wasm backend's memory", async () => {
  await initBackend("wasm");
  const kernels = simdKernels(tf.backend() as unknown as BackendWasm);
  assert.ok(kernels, "relaxed SIMD should be available in this Deno");
  assert.equal(typeof kernels.conv2dFilterGradient, "function");
  assert.equal(simdKernels(tf.backend() as unknown as BackendWasm), kernels, "one instance");
});

Deno.test("directChunkRows fits about 96 KiB of x and dy rows, at least one row", () => {
  const info = tf.backend_util.computeConv2DInfo([32, 28, 28, 32], [3, 3, 32, 64], 2, 1, "same");
  assert.equal(directChunkRows(info), 9); // 10,752 bytes per row of dy
  const huge = tf.backend_util.computeConv2DInfo([1, 4, 4096, 64], [3, 3, 64, 64], 1, 1, "same");
  assert.equal(directChunkRows(huge), 1);
});

const channelsLast = CONV_CASES.filter((c) => c.dataFormat !== "NCHW");
for (const strategy of ["direct", "patch-rows", "patch-columns"] as FilterGradientStrategy[]) {
  Deno.test(`every Conv2DBackpropFilter strategy matches cpu: ${strategy}`, async () => {
    for (const [index, c] of channelsLast.entries()) {
      const xValues = seededValues(c.x, 100 + index);
      const dyValues = seededValues(outputShape(c), 200 + index);
      const attributes = { filterShape: c.filter, strides: c.strides, pad: c.pad };
      await initBackend("cpu");
      const expected = tf.tidy(() =>
        (tf.engine().runKernel("Conv2DBackpropFilter", {
          x: tf.tensor(xValues, c.x),
          dy: tf.tensor(dyValues, outputShape(c)),
        }, { ...attributes, dataFormat: "NHWC" }) as tf.Tensor).dataSync()
      );
      await initBackend("wasm");
      const backend = tf.backend() as unknown as BackendWasm;
      const x = tf.tensor(xValues, c.x);
      const dy = tf.tensor(dyValues, outputShape(c));
      const before = tf.memory().numTensors;
      const info = conv2dBackpropFilterChannelsLast(backend, x, dy, attributes, { strategy });
      const actual = backend.readSync(info.dataId) as Float32Array;
      backend.disposeData(info.dataId);
      tf.dispose([x, dy]);
      assert.deepEqual(info.shape, c.filter);
      const error = relativeError(actual, expected);
      assert.ok(error <= TOLERANCE, `${describeCase(c)}: relative error ${error}`);
      assert.equal(tf.memory().numTensors, before - 2);
    }
  });
}

Deno.test("the committed SIMD module is what wasm/kernels.ts compiles to", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build:wasm", "--check"],
    cwd: new URL("../../", import.meta.url),
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
});
