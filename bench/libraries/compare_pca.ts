/**
 * Side by side: the project's PCA fit (`fitPca`: the covariance as one TensorFlow.js matrix product,
 * then `ml-matrix`'s eigendecomposition) against the npm library `ml-pca` 4.1.1, on the first ROWS
 * training images. Prints the seconds of each and the largest relative difference of the 20 leading
 * eigenvalues and of the scores. A measuring tool only: `ml-pca` is not a dependency.
 *
 *     deno run -A bench/libraries/compare_pca.ts [ROWS=10000]
 *
 * @module
 */
// deno-lint-ignore no-import-prefix -- a reference library for this measurement only, not a dependency
import { PCA } from "npm:ml-pca@4.1.1";
import { initBackend } from "../../lib/backend/mod.ts";
import { loadFashionMnist } from "../../lib/data/mod.ts";
import { fitPca, pcaTransform } from "../../lib/uses/reduction/mod.ts";

const count = Number(Deno.args[0] ?? 10000);
if (!Number.isInteger(count) || count < 100) {
  console.error(`compare_pca: ROWS must be an integer ≥ 100, got "${Deno.args[0]}".`);
  Deno.exit(2);
}
await initBackend("wasm");
const fashion = await loadFashionMnist();
const pixels = fashion.pixelsAsFloat("train", Array.from({ length: count }, (_, index) => index));
let start = performance.now();
const hand = fitPca(pixels, { dimension: 784, components: 20 });
const handSeconds = (performance.now() - start) / 1000;
start = performance.now();
const rows = Array.from(
  { length: count },
  (_, row) => Array.from(pixels.subarray(row * 784, (row + 1) * 784)),
);
const library = new PCA(rows, { method: "covarianceMatrix", center: true, scale: false });
const librarySeconds = (performance.now() - start) / 1000;
const eigenvalues = library.getEigenvalues().slice(0, 20);
let eigenvalueDifference = 0;
for (let k = 0; k < 20; k++) {
  const relative = Math.abs(eigenvalues[k] - hand.explainedVariance[k]) / eigenvalues[k];
  eigenvalueDifference = Math.max(eigenvalueDifference, relative);
}
// Scores of the first 100 rows, up to the sign of each component.
const handScores = pcaTransform(hand, pixels.subarray(0, 100 * 784)).values;
const libraryScores = library.predict(rows.slice(0, 100), { nComponents: 20 }).to2DArray();
let scoreDifference = 0;
for (let k = 0; k < 20; k++) {
  const sign = Math.sign(handScores[k]) === Math.sign(libraryScores[0][k]) ? 1 : -1;
  for (let row = 0; row < 100; row++) {
    const difference = Math.abs(handScores[row * 20 + k] - sign * libraryScores[row][k]);
    scoreDifference = Math.max(scoreDifference, difference);
  }
}
console.log(
  `${count} rows: fitPca ${handSeconds.toFixed(2)} s, ml-pca ${librarySeconds.toFixed(2)} s; ` +
    `eigenvalues max relative difference ${eigenvalueDifference.toExponential(2)}; ` +
    `scores max |difference| ${scoreDifference.toExponential(2)}`,
);
