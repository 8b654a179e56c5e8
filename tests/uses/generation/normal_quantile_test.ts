import assert from "node:assert/strict";
import {
  evenlySpacedNormalQuantiles,
  inverseNormalCdf,
} from "../../../lib/uses/generation/normal_quantile.ts";

function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: got ${actual}, expected ${expected} ± ${tolerance}`,
  );
}

Deno.test("the inverse normal CDF matches known quantiles in all three regions", () => {
  // Reference values (scipy.stats.norm.ppf / tables); central, intermediate and far tail.
  const known: [number, number][] = [
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.8413447460685429, 1], // Φ(1)
    [0.022750131948179195, -2], // Φ(−2)
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798408],
  ];
  for (const [probability, quantile] of known) {
    assertClose(inverseNormalCdf(probability), quantile, 1e-12, `Φ⁻¹(${probability})`);
  }
});

Deno.test("the inverse normal CDF is odd around ½ and infinite at 0 and 1", () => {
  for (const probability of [0.01, 0.2, 0.4, 0.49]) {
    assertClose(
      inverseNormalCdf(probability),
      -inverseNormalCdf(1 - probability),
      1e-12,
      `symmetry at ${probability}`,
    );
  }
  assert.equal(inverseNormalCdf(0), -Infinity);
  assert.equal(inverseNormalCdf(1), Infinity);
  assert.throws(() => inverseNormalCdf(1.5), /probability in \[0, 1\], got 1.5/);
  assert.throws(() => inverseNormalCdf(NaN), /got NaN/);
});

Deno.test("evenly spaced normal quantiles cover equal shares of N(0,1)", () => {
  const twenty = evenlySpacedNormalQuantiles(20);
  assert.equal(twenty.length, 20);
  assertClose(twenty[0], -1.959963984540054, 1e-12, "first of 20");
  assertClose(twenty[19], 1.959963984540054, 1e-12, "last of 20");
  for (let index = 1; index < 20; index++) assert.ok(twenty[index] > twenty[index - 1]);
  assert.deepEqual(Array.from(evenlySpacedNormalQuantiles(1)), [0]);
  assert.throws(() => evenlySpacedNormalQuantiles(0), /positive integer count, got 0/);
});
