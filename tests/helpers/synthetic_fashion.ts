/**
 * A small made-up Fashion-MNIST for tests: `count` images whose pixels follow
 * `(index · multiplier) mod 256`, labels cycling 0–9, the same split as train and test.
 *
 * @module
 */
import { FashionMnist } from "../../lib/data/dataset.ts";

/**
 * Made-up images in the shape of Fashion-MNIST, the same `count` images in both splits.
 *
 * @example
 * ```ts
 * const data = syntheticFashion(7, 37);
 * data.test.count; // 7
 * ```
 */
export function syntheticFashion(count: number, multiplier = 29): FashionMnist {
  const images = Uint8Array.from({ length: count * 784 }, (_, index) => (index * multiplier) % 256);
  const labels = Uint8Array.from({ length: count }, (_, index) => index % 10);
  const split = { images, labels, count };
  return new FashionMnist({ train: split, test: split, source: "synthetic" });
}
