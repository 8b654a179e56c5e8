/**
 * Side by side: the project's inverse normal CDF (`inverseNormalCdf`, AS 241) against `jstat`
 * 1.9.6 (`normal.inv`) and `simple-statistics` 7.12.1 (`probit`): errors at known quantiles, the
 * largest difference on the manifold's grids, the values at p = 0 and 1, and the time of 10⁶ calls.
 * A measuring tool only: neither library is a dependency.
 *
 *     deno run -A bench/libraries/compare_quantile.ts
 *
 * @module
 */
// deno-lint-ignore no-import-prefix -- a reference library for this measurement only, not a dependency
import jStat from "npm:jstat@1.9.6";
// deno-lint-ignore no-import-prefix -- a reference library for this measurement only, not a dependency
import { probit } from "npm:simple-statistics@7.12.1";
import { inverseNormalCdf } from "../../lib/uses/generation/mod.ts";

const normal = (jStat as unknown as {
  normal: { inv(p: number, mean: number, std: number): number };
}).normal;
const jstatQuantile = (p: number) => normal.inv(p, 0, 1);
/** Quantiles known to 16 digits (from mpmath). */
const known: [number, number][] = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.025, -1.959963984540054],
  [0.8413447460685429, 1],
  [0.022750131948179195, -2],
  [0.999, 3.090232306167813],
  [1e-10, -6.361340902404056],
  [1e-15, -7.941345326170997],
  [1e-20, -9.262340089798408],
];
for (const [p, quantile] of known) {
  console.log(
    `p = ${p}: |error| hand ${Math.abs(inverseNormalCdf(p) - quantile).toExponential(1)}, ` +
      `jstat ${Math.abs(jstatQuantile(p) - quantile).toExponential(1)}, ` +
      `simple-statistics ${Math.abs(probit(p) - quantile).toExponential(1)}`,
  );
}
let gridDifference = 0;
for (const count of [5, 10, 15, 20, 25, 30, 50, 100, 1000]) {
  for (let index = 0; index < count; index++) {
    const p = (index + 0.5) / count;
    gridDifference = Math.max(gridDifference, Math.abs(jstatQuantile(p) - inverseNormalCdf(p)));
  }
}
console.log(
  `grid quantiles (5 to 1000 points): max |jstat − hand| ${gridDifference.toExponential(1)}`,
);
console.log(`p = 0 and 1: jstat ${jstatQuantile(0)} ${jstatQuantile(1)}`);
let start = performance.now();
let sum = 0;
for (let i = 1; i < 1e6; i++) sum += jstatQuantile(i / 1e6);
const jstatMs = performance.now() - start;
start = performance.now();
for (let i = 1; i < 1e6; i++) sum += inverseNormalCdf(i / 1e6);
const handMs = performance.now() - start;
console.log(
  `10⁶ calls: jstat ${jstatMs.toFixed(0)} ms, hand ${handMs.toFixed(0)} ms (checksum ${
    sum.toFixed(3)
  })`,
);
