/**
 * Builds any of the project's autoencoders by name, for the CLI and the run folder.
 *
 * @module
 */
import type { AutoencoderBundle } from "./autoencoder_bundle.ts";
import { buildConvAutoencoder } from "./conv_autoencoder.ts";
import { buildDenseAutoencoder, N2D_DENSE_OPTIONS } from "./dense_autoencoder.ts";
import { MODEL_KINDS, type ModelKind } from "./kinds.ts";
import { buildVariationalAutoencoder } from "./variational_autoencoder.ts";

/**
 * Builds a model of the given kind. `vaeBottleneck` applies to the VAE only (a Dense layer of
 * that width before its heads; default none).
 *
 * @example
 * ```ts
 * const { autoencoder } = buildModel("vae", { latentDim: 2, seed: 0 });
 * const withDense16 = buildModel("vae", { latentDim: 20, vaeBottleneck: 16 });
 * ```
 */
export function buildModel(
  kind: ModelKind,
  options: { latentDim?: number; seed?: number; vaeBottleneck?: number | null } = {},
): AutoencoderBundle {
  const { vaeBottleneck, ...shared } = options;
  switch (kind) {
    case "cae":
      return buildConvAutoencoder(shared);
    case "dense":
      return buildDenseAutoencoder(shared);
    case "vae":
      return buildVariationalAutoencoder({ ...shared, bottleneckUnits: vaeBottleneck });
    case "cae-no-bottleneck":
      return buildConvAutoencoder({ ...shared, bottleneckUnits: null });
    case "n2d":
      return buildDenseAutoencoder({ ...N2D_DENSE_OPTIONS, ...shared });
  }
  throw new TypeError(
    `Unknown model kind ${JSON.stringify(kind)}; expected one of ${MODEL_KINDS.join(", ")}.`,
  );
}
