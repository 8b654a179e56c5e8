/**
 * An autoencoder's layers as a Markdown table for notebooks: name, type, part (encoder or
 * decoder), output shape of one image and parameters, with the total and the split between
 * encoder and decoder under it. A clean replacement for TensorFlow.js' `summary()`.
 *
 * @module
 */
import type { AutoencoderBundle } from "../../models/autoencoder_bundle.ts";
import { layerSummary } from "../../models/layer_summary.ts";
import { markdownTable } from "./markdown_table.ts";

const count = (value: number) => value.toLocaleString("en-US");

/**
 * The Markdown table of {@link layerSummary}, a total row, and one line with the encoder's and
 * the decoder's share of the parameters. Shapes are written `14 × 14 × 32`.
 *
 * @example
 * ```ts
 * const blueprint = buildConvAutoencoder({ latentDim: 20, seed: 0 });
 * await show(markdown(layerTable(blueprint)));
 * // | layer | type | part | output shape (one image) | parameters |
 * // ...
 * // | total | | | | 190,885 |
 * //
 * // 190,885 parameters: 69,348 in the encoder, 121,537 in the decoder.
 * ```
 */
export function layerTable(bundle: AutoencoderBundle): string {
  const rows = layerSummary(bundle);
  const total = bundle.autoencoder.countParams();
  const table = markdownTable(
    ["layer", "type", "part", { header: "output shape (one image)", align: "right" }, "parameters"],
    [
      ...rows.map((row) => [
        `\`${row.name}\``,
        row.type,
        row.part,
        row.outputShape.map(count).join(" × "),
        count(row.parameters),
      ]),
      ["**total**", "", "", "", `**${count(total)}**`],
    ],
  );
  return `${table}\n\n${count(total)} parameters: ${count(bundle.encoder.countParams())} in ` +
    `the encoder, ${count(bundle.decoder.countParams())} in the decoder.`;
}
