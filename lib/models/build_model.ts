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
 * Builds a model of the given kind.
 *
 * @example
 * ```ts
 * const { autoencoder } = buildModel("vae", { latentDim: 2, seed: 0 });
 * ```
 */
export function buildModel(
  kind: ModelKind,
  options: { latentDim?: number; seed?: number } = {},
): AutoencoderBundle {
  switch (kind) {
    case "cae":
      return buildConvAutoencoder(options);
    case "dense":
      return buildDenseAutoencoder(options);
    case "vae":
      return buildVariationalAutoencoder(options);
    case "cae-no-bottleneck":
      return buildConvAutoencoder({ ...options, bottleneckUnits: null });
    case "n2d":
      return buildDenseAutoencoder({ ...N2D_DENSE_OPTIONS, ...options });
  }
  throw new TypeError(
    `Unknown model kind ${JSON.stringify(kind)}; expected one of ${MODEL_KINDS.join(", ")}.`,
  );
}
