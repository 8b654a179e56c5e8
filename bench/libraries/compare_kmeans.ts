/**
 * Side by side: the project's hand-written k-means (`lib/uses/clustering/kmeans.ts`) against the npm
 * library `ml-kmeans` 7.0.1, on the clustering table's features of the 10,000 test images (raw
 * pixels, PCA to 20, and the latents of a trained run folder), k = 10, 10 restarts, seed 0. Prints
 * ACC/NMI/ARI, inertia and seconds of each. A measuring tool only: `ml-kmeans` is not a dependency.
 *
 *     deno run -A bench/libraries/compare_kmeans.ts [--run DIR]... [--only PREFIX]
 *
 * @module
 */
import { parseArgs } from "node:util";
// deno-lint-ignore no-import-prefix -- a reference library for this measurement only, not a dependency
import { kmeans as libraryKmeans } from "npm:ml-kmeans@7.0.1";
import { initBackend } from "../../lib/backend/mod.ts";
import { loadFashionMnist } from "../../lib/data/mod.ts";
import { mixSeed } from "../../lib/data/random.ts";
import { splitAutoencoder } from "../../lib/models/mod.ts";
import { loadModel } from "../../lib/training/run_folder/mod.ts";
import { clusteringScores, kMeans, type KMeansOptions } from "../../lib/uses/clustering/mod.ts";
import { encodeSplit, fitPca, pcaTransform } from "../../lib/uses/reduction/mod.ts";

/** The ml-kmeans version of `kMeans` (as it was in commit e99367f): same starts, best inertia. */
function libraryKMeans(rows: Float32Array, options: KMeansOptions) {
  const { dimension, clusters } = options;
  const count = rows.length / dimension;
  const data = Array.from(
    { length: count },
    (_, row) => Array.from(rows.subarray(row * dimension, (row + 1) * dimension)),
  );
  let best = { assignments: new Int32Array(0), inertia: Infinity };
  for (let restart = 0; restart < (options.restarts ?? 10); restart++) {
    const result = libraryKmeans(data, clusters, {
      initialization: "kmeans++",
      seed: mixSeed(options.seed ?? 0, restart),
      maxIterations: options.maxIterations ?? 300,
    });
    let inertia = 0;
    for (const [row, values] of data.entries()) {
      const centroid = result.centroids[result.clusters[row]];
      for (let index = 0; index < dimension; index++) {
        inertia += (values[index] - centroid[index]) ** 2;
      }
    }
    if (inertia < best.inertia) best = { assignments: Int32Array.from(result.clusters), inertia };
  }
  return best;
}

const flags = parseArgs({
  args: Deno.args,
  options: { run: { type: "string", multiple: true }, only: { type: "string" } },
});
await initBackend("wasm");
const fashion = await loadFashionMnist();
const all = (count: number) => Array.from({ length: count }, (_, index) => index);
const testPixels = fashion.pixelsAsFloat("test", all(fashion.test.count));
const sets = [{ name: "raw pixels (784)", values: testPixels, dimension: 784 }];
const pca = fitPca(fashion.pixelsAsFloat("train", all(fashion.train.count)), {
  dimension: 784,
  components: 20,
});
sets.push({ name: "PCA (20)", values: pcaTransform(pca, testPixels).values, dimension: 20 });
for (const dir of flags.values.run ?? []) {
  const bundle = splitAutoencoder(await loadModel(dir));
  const latents = encodeSplit(bundle.encoder, fashion, "test");
  sets.push({ name: `latent of ${dir}`, values: latents.values, dimension: latents.dimension });
}
for (const set of sets) {
  if (flags.values.only && !set.name.startsWith(flags.values.only)) continue;
  for (const [label, run] of [["hand", kMeans], ["ml-kmeans", libraryKMeans]] as const) {
    const start = performance.now();
    const result = run(set.values, {
      dimension: set.dimension,
      clusters: 10,
      restarts: 10,
      seed: 0,
    });
    const seconds = (performance.now() - start) / 1000;
    const s = clusteringScores(result.assignments, fashion.test.labels);
    console.log(
      `${set.name.padEnd(18)} ${label.padEnd(9)} ACC ${s.accuracy.toFixed(4)} NMI ${
        s.nmi.toFixed(4)
      } ARI ${s.ari.toFixed(4)} inertia ${result.inertia.toExponential(6)} ${seconds.toFixed(1)} s`,
    );
  }
}
