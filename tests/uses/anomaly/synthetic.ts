/** Test helper: tiny labelled image sets where anomalies are obvious. */

/**
 * `count` 28×28 images: class 0 is dark with a faint centred blob, class 1 is a bright full frame;
 * labels alternate 0, 1 (or as given).
 */
export function syntheticImages(labels: number[], seed = 1): Float32Array {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pixels = new Float32Array(labels.length * 784);
  labels.forEach((label, image) => {
    for (let row = 0; row < 28; row++) {
      for (let column = 0; column < 28; column++) {
        const blob = Math.exp(-((row - 14) ** 2 + (column - 14) ** 2) / 40);
        const value = label === 0 ? 0.6 * blob + 0.05 * random() : 0.7 + 0.3 * random();
        pixels[image * 784 + row * 28 + column] = value;
      }
    }
  });
  return pixels;
}

/** A dataset shaped like `FashionMnist` for the one-class protocol, from labels. */
export function syntheticDataset(trainLabels: number[], testLabels: number[]) {
  const train = syntheticImages(trainLabels, 1);
  const test = syntheticImages(testLabels, 2);
  return {
    train: { labels: Uint8Array.from(trainLabels), count: trainLabels.length },
    test: { labels: Uint8Array.from(testLabels), count: testLabels.length },
    classNames: ["dark", "bright"],
    pixelsAsFloat(split: "train" | "test", indices: readonly number[]): Float32Array {
      const source = split === "train" ? train : test;
      const out = new Float32Array(indices.length * 784);
      indices.forEach((index, row) =>
        out.set(source.subarray(index * 784, (index + 1) * 784), row * 784)
      );
      return out;
    },
  };
}
