import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../../lib/models/conv_autoencoder.ts";
import { disposeAutoencoder } from "../../../lib/models/autoencoder_bundle.ts";
import { layerTable } from "../../../lib/presentation/notebook/layer_table.ts";
import { useBackend } from "../../helpers/backend.ts";

Deno.test("the layer table lists each layer once, with the total and the encoder/decoder split", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 20, seed: 0 });
  const lines = layerTable(bundle).split("\n");
  assert.equal(lines[0], "| layer | type | part | output shape (one image) | parameters |");
  assert.ok(lines.includes("| `encoder_conv1` | Conv2D | encoder | 14 × 14 × 32 | 320 |"));
  assert.ok(lines.includes("| `decoder_dense` | Dense | decoder | 3,136 | 65,856 |"));
  assert.equal(lines.filter((line) => line.includes("decoder_dense")).length, 1);
  assert.equal(lines.at(-3), "| **total** |  |  |  | **190,885** |");
  assert.equal(lines.at(-1), "190,885 parameters: 69,348 in the encoder, 121,537 in the decoder.");
  disposeAutoencoder(bundle);
});
