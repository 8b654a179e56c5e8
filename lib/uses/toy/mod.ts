/**
 * A toy problem that trains in a second: a 2-D (or 3-D) Gaussian cloud with a known principal
 * axis, a linear autoencoder trained on it, and the angle between its learned direction and
 * the true (or PCA's) one. Its chart is `toyChartSpec` in `lib/presentation/charts/`.
 *
 * @example
 * ```ts
 * import { lineAngleDegrees, makeToyCloud, trainLinearAutoencoder } from "./mod.ts";
 *
 * const cloud = makeToyCloud({ count: 400, seed: 0 });
 * const trained = trainLinearAutoencoder(cloud.points, cloud.dimension, { latentDim: 1 });
 * console.log(lineAngleDegrees(trained.decoderDirections[0], cloud.principalAxis)); // < 2
 * ```
 *
 * @module
 */

export { lineAngleDegrees } from "./directions.ts";
export {
  type LinearAutoencoder,
  type LinearAutoencoderOptions,
  trainLinearAutoencoder,
} from "./linear_autoencoder.ts";
export { makeToyCloud, type ToyCloud, type ToyCloudOptions } from "./toy_cloud.ts";
