import assert from "node:assert/strict";
import { n2dEpochCurveSpec } from "../../../lib/presentation/charts/n2d_epoch_chart.ts";
import { SAMPLE_N2D_REPORT as report } from "../../helpers/n2d_report.ts";

Deno.test("the epoch chart has a line and error bars per score and N2D's rules", () => {
  const spec = n2dEpochCurveSpec(report);
  const layers = spec.layer as { data: { values: Record<string, number | string>[] } }[];
  assert.equal(layers[0].data.values.length, 2 * 3);
  const acc5 = layers[1].data.values.find((value) => value.epoch === 5 && value.score === "ACC")!;
  assert.ok(Math.abs((acc5.high as number) - (0.68 + Math.sqrt(0.0008))) < 1e-12);
  assert.deepEqual(layers[2].data.values.map((value) => value.value), [0.672, 0.684]);
  assert.throws(() => n2dEpochCurveSpec({ ...report, scores: [] }), /no scores yet/);
});
