import assert from "node:assert/strict";
import { buildConvAutoencoder } from "../../lib/models/conv_autoencoder.ts";
import { buildVariationalAutoencoder } from "../../lib/models/variational_autoencoder.ts";
import { disposeAutoencoder } from "../../lib/models/autoencoder_bundle.ts";
import { layerSummary } from "../../lib/models/layer_summary.ts";
import { useBackend } from "../helpers/backend.ts";

Deno.test("the CAE's layer summary has one row per layer with per-image shapes", async () => {
  await useBackend();
  const bundle = buildConvAutoencoder({ latentDim: 20, seed: 0 });
  const rows = layerSummary(bundle);
  // Hand count as in conv_autoencoder_test.ts; the decoder's layers appear once although the
  // decoder view uses them a second time.
  assert.deepEqual(rows.map((row) => [row.name, row.part, row.outputShape, row.parameters]), [
    ["image", "input", [28, 28, 1], 0],
    ["encoder_conv1", "encoder", [14, 14, 32], 320],
    ["encoder_conv2", "encoder", [7, 7, 64], 18496],
    ["encoder_flatten", "encoder", [3136], 0],
    ["encoder_bottleneck", "encoder", [16], 50192],
    ["latent", "encoder", [20], 340],
    ["decoder_dense", "decoder", [3136], 65856],
    ["decoder_reshape", "decoder", [7, 7, 64], 0],
    ["decoder_deconv1", "decoder", [14, 14, 64], 36928],
    ["decoder_deconv2", "decoder", [28, 28, 32], 18464],
    ["decoder_output", "decoder", [28, 28, 1], 289],
  ]);
  assert.equal(rows[8].type, "Conv2DTranspose", "type names are not cut short");
  assert.equal(rows.reduce((sum, row) => sum + row.parameters, 0), 190885);
  disposeAutoencoder(bundle);
});

Deno.test("a VAE's layers outside both views are marked as such", async () => {
  await useBackend();
  const bundle = buildVariationalAutoencoder({ latentDim: 2, seed: 0 });
  const rows = layerSummary(bundle);
  const partOf = (name: string) => rows.find((row) => row.name === name)?.part;
  assert.equal(partOf("z_mean"), "encoder");
  assert.equal(partOf("z_log_var"), "—");
  assert.equal(
    rows.reduce((sum, row) => sum + row.parameters, 0),
    bundle.autoencoder.countParams(),
  );
  disposeAutoencoder(bundle);
});
