/**
 * The inverse of the standard normal cumulative distribution function, Φ⁻¹ (the "probit"), and
 * evenly spaced normal quantiles: where to put a regular grid of latent points so that each
 * covers the same share of the prior N(0, 1).
 *
 * @module
 */

// Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484: rational
// approximations accurate to about 1 part in 10^16. Coefficients lowest degree first.
const CENTRAL_NUMERATOR = [
  3.3871328727963666080e0,
  1.3314166789178437745e+2,
  1.9715909503065514427e+3,
  1.3731693765509461125e+4,
  4.5921953931549871457e+4,
  6.7265770927008700853e+4,
  3.3430575583588128105e+4,
  2.5090809287301226727e+3,
];
const CENTRAL_DENOMINATOR = [
  1,
  4.2313330701600911252e+1,
  6.8718700749205790830e+2,
  5.3941960214247511077e+3,
  2.1213794301586595867e+4,
  3.9307895800092710610e+4,
  2.8729085735721942674e+4,
  5.2264952788528545610e+3,
];
const INTERMEDIATE_NUMERATOR = [
  1.42343711074968357734e0,
  4.63033784615654529590e0,
  5.76949722146069140550e0,
  3.64784832476320460504e0,
  1.27045825245236838258e0,
  2.41780725177450611770e-1,
  2.27238449892691845833e-2,
  7.74545014278341407640e-4,
];
const INTERMEDIATE_DENOMINATOR = [
  1,
  2.05319162663775882187e0,
  1.67638483018380384940e0,
  6.89767334985100004550e-1,
  1.48103976427480074590e-1,
  1.51986665636164571966e-2,
  5.47593808499534494600e-4,
  1.05075007164441684324e-9,
];
const TAIL_NUMERATOR = [
  6.65790464350110377720e0,
  5.46378491116411436990e0,
  1.78482653991729133580e0,
  2.96560571828504891230e-1,
  2.65321895265761230930e-2,
  1.24266094738807843860e-3,
  2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const TAIL_DENOMINATOR = [
  1,
  5.99832206555887937690e-1,
  1.36929880922735805310e-1,
  1.48753612908506148525e-2,
  7.86869131145613259100e-4,
  1.84631831751005468180e-5,
  1.42151175831644588870e-7,
  2.04426310338993978564e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let index = coefficients.length - 1; index >= 0; index--) {
    value = value * x + coefficients[index];
  }
  return value;
}

/**
 * Φ⁻¹(p): the z with P(Z ≤ z) = p for a standard normal Z, to about 16 digits (Wichura's AS 241).
 * Gives −Infinity at p = 0 and +Infinity at p = 1.
 *
 * @throws {RangeError} When p is not a number in [0, 1].
 *
 * @example
 * ```ts
 * inverseNormalCdf(0.975); // 1.959963984540054
 * inverseNormalCdf(0.5); // 0
 * ```
 */
export function inverseNormalCdf(probability: number): number {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(
      `inverseNormalCdf needs a probability in [0, 1], got ${probability}. ` +
        `Pass e.g. 0.975 for the upper 2.5% point.`,
    );
  }
  if (probability === 0) return -Infinity;
  if (probability === 1) return Infinity;
  const offset = probability - 0.5;
  if (Math.abs(offset) <= 0.425) {
    const r = 0.180625 - offset * offset;
    return offset * polynomial(CENTRAL_NUMERATOR, r) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  let r = Math.sqrt(-Math.log(offset < 0 ? probability : 1 - probability));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(INTERMEDIATE_NUMERATOR, r) / polynomial(INTERMEDIATE_DENOMINATOR, r);
  } else {
    r -= 5;
    value = polynomial(TAIL_NUMERATOR, r) / polynomial(TAIL_DENOMINATOR, r);
  }
  return offset < 0 ? -value : value;
}

/**
 * `count` quantiles of N(0, 1) at the probabilities (i + ½) / count, i = 0 … count − 1, in
 * ascending order: each stands for an equal 1/count share of the prior. For 20 they run from
 * Φ⁻¹(0.025) ≈ −1.96 to Φ⁻¹(0.975) ≈ 1.96.
 *
 * @throws {RangeError} When count is not a positive integer.
 *
 * @example
 * ```ts
 * evenlySpacedNormalQuantiles(3); // [-0.967…, 0, 0.967…]
 * ```
 */
export function evenlySpacedNormalQuantiles(count: number): Float64Array {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `evenlySpacedNormalQuantiles needs a positive integer count, got ${count}. Pass e.g. 20.`,
    );
  }
  return Float64Array.from(
    { length: count },
    (_, index) => inverseNormalCdf((index + 0.5) / count),
  );
}
