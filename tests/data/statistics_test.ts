import assert from "node:assert/strict";
import { loadFashionMnist } from "../../lib/data/fashion_mnist.ts";
import {
  classCounts,
  classMeanImages,
  pixelHistogram,
  pixelStatistics,
} from "../../lib/data/statistics.ts";

/** Three hand-made images: all 0 (label 2), all 255 (label 2), all 51 (label 7). */
function handMadeSplit() {
  const images = new Uint8Array(3 * 784);
  images.fill(255, 784, 2 * 784);
  images.fill(51, 2 * 784);
  return { images, labels: new Uint8Array([2, 2, 7]), count: 3 };
}

Deno.test("class counts count each label", () => {
  assert.deepEqual(classCounts(handMadeSplit()), [0, 0, 2, 0, 0, 0, 0, 1, 0, 0]);
  assert.throws(() => classCounts({ labels: new Uint8Array([10]), count: 1 }), /label 10/);
});

Deno.test("pixel statistics of hand-made images: mean, spread and black/white/grey shares", () => {
  const stats = pixelStatistics(handMadeSplit());
  assert.equal(stats.imageCount, 3);
  assert.equal(stats.pixelCount, 3 * 784);
  assert.ok(Math.abs(stats.mean - 1.2 / 3) < 1e-12); // (0 + 1 + 0.2) / 3
  const variance = (0.4 ** 2 + 0.6 ** 2 + 0.2 ** 2) / 3;
  assert.ok(Math.abs(stats.standardDeviation - Math.sqrt(variance)) < 1e-9);
  assert.ok(Math.abs(stats.zeroFraction - 1 / 3) < 1e-12);
  assert.ok(Math.abs(stats.oneFraction - 1 / 3) < 1e-12);
  assert.ok(Math.abs(stats.greyFraction - 1 / 3) < 1e-12);
  const classSeven = pixelStatistics(handMadeSplit(), { label: 7 });
  assert.equal(classSeven.imageCount, 1);
  assert.ok(Math.abs(classSeven.mean - 0.2) < 1e-12);
  assert.equal(classSeven.greyFraction, 1);
  assert.throws(() => pixelStatistics(handMadeSplit(), { label: 4 }), /no images with label 4/);
});

Deno.test("the histogram puts each byte value in its bin and counts every pixel", () => {
  const bins = pixelHistogram(handMadeSplit(), 4);
  assert.deepEqual(bins, [
    { from: 0, to: 63, count: 2 * 784 }, // the zeros and the 51s
    { from: 64, to: 127, count: 0 },
    { from: 128, to: 191, count: 0 },
    { from: 192, to: 255, count: 784 },
  ]);
  assert.throws(() => pixelHistogram(handMadeSplit(), 3), /must divide 256/);
});

Deno.test("class mean images average each class pixel by pixel; empty classes stay black", () => {
  const means = classMeanImages(handMadeSplit());
  assert.equal(means.length, 10 * 784);
  assert.equal(means[2 * 784 + 100], 0.5); // (0 + 255) / 2 / 255
  assert.ok(Math.abs(means[7 * 784 + 5] - 0.2) < 1e-7);
  assert.equal(means[0], 0);
});

Deno.test("Fashion-MNIST is balanced and about half its pixels are pure black", async () => {
  const fashion = await loadFashionMnist();
  assert.deepEqual(classCounts(fashion.train), new Array(10).fill(6000));
  assert.deepEqual(classCounts(fashion.test), new Array(10).fill(1000));
  const stats = pixelStatistics(fashion.train);
  assert.ok(Math.abs(stats.mean - 0.286) < 0.001, `mean ${stats.mean}`);
  assert.ok(Math.abs(stats.standardDeviation - 0.353) < 0.001, `std ${stats.standardDeviation}`);
  assert.ok(stats.zeroFraction > 0.4 && stats.zeroFraction < 0.6, `${stats.zeroFraction}`);
  const total = pixelHistogram(fashion.test).reduce((sum, bin) => sum + bin.count, 0);
  assert.equal(total, 10000 * 784);
});
