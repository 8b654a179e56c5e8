import assert from "node:assert/strict";
import {
  lossCurveSpec,
  lossSeriesFromHistory,
} from "../../../lib/presentation/charts/loss_curve_spec.ts";
import { VEGA_LITE_SCHEMA } from "../../../lib/presentation/charts/vega_lite_spec.ts";

const history = [
  { epoch: 1, trainLoss: 0.05, testLoss: 0.045 },
  { epoch: 2, trainLoss: 0.03, testLoss: 0.032 },
];

Deno.test("a training history becomes a train series and a test series", () => {
  assert.deepEqual(lossSeriesFromHistory(history), [
    { name: "train", points: [{ epoch: 1, loss: 0.05 }, { epoch: 2, loss: 0.03 }] },
    { name: "test", points: [{ epoch: 1, loss: 0.045 }, { epoch: 2, loss: 0.032 }] },
  ]);
  const names = lossSeriesFromHistory(history, { prefix: "conv" }).map((series) => series.name);
  assert.deepEqual(names, ["conv train", "conv test"]);
});

Deno.test("epochs without test data (NaN loss) leave the test series out", () => {
  const series = lossSeriesFromHistory([{ epoch: 1, trainLoss: 0.05, testLoss: NaN }]);
  assert.deepEqual(series.map((one) => one.name), ["train"]);
});

Deno.test("a loss curve spec has one row per point and colours series in the given order", () => {
  const spec = lossCurveSpec([
    { name: "dense test", points: [{ epoch: 1, loss: 2 }] },
    { name: "conv test", points: [{ epoch: 1, loss: 1 }, { epoch: 2, loss: 0.5 }] },
  ], { title: "Compared", width: 300, height: 200 });
  assert.equal(spec.$schema, VEGA_LITE_SCHEMA);
  assert.equal(spec.title, "Compared");
  assert.equal(spec.width, 300);
  assert.deepEqual((spec.data as { values: unknown[] }).values, [
    { series: "dense test", epoch: 1, loss: 2 },
    { series: "conv test", epoch: 1, loss: 1 },
    { series: "conv test", epoch: 2, loss: 0.5 },
  ]);
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.equal(encoding.x.field, "epoch");
  assert.equal(encoding.y.field, "loss");
  assert.deepEqual(encoding.color.sort, ["dense test", "conv test"]);
  assert.deepEqual(encoding.x.scale, { domain: [1, 2] });
  assert.deepEqual(encoding.y.scale, { zero: false });
});

Deno.test("a loss curve spec can use a log scale, and refuses it for losses <= 0", () => {
  const spec = lossCurveSpec(lossSeriesFromHistory(history), { logScale: true });
  assert.deepEqual((spec.encoding as Record<string, { scale: unknown }>).y.scale, { type: "log" });
  assert.throws(
    () => lossCurveSpec([{ name: "train", points: [{ epoch: 1, loss: 0 }] }], { logScale: true }),
    /log scale needs losses > 0/,
  );
});

Deno.test("a loss curve spec without points explains that it needs one", () => {
  assert.throws(() => lossCurveSpec([{ name: "train", points: [] }]), /got no points/);
});
