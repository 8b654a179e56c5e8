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
  const scale = (spec.encoding as Record<string, { scale: Record<string, unknown> }>).y.scale;
  assert.equal(scale.type, "log");
  assert.throws(
    () => lossCurveSpec([{ name: "train", points: [{ epoch: 1, loss: 0 }] }], { logScale: true }),
    /log scale needs losses > 0/,
  );
});

Deno.test("a loss curve spec without points explains that it needs one", () => {
  assert.throws(() => lossCurveSpec([{ name: "train", points: [] }]), /got no points/);
});

Deno.test("a log loss axis is fitted to the losses, not stretched to powers of ten", () => {
  const spec = lossCurveSpec([{
    name: "train",
    points: [{ epoch: 1, loss: 11 }, { epoch: 2, loss: 0.16 }],
  }], { logScale: true });
  const scale = (spec.encoding as Record<string, { scale: Record<string, unknown> }>).y.scale;
  assert.equal(scale.type, "log");
  assert.equal(scale.nice, false);
  const [low, high] = scale.domain as number[];
  assert.ok(low < 0.16 && low > 0.1, `low end ${low} just below the smallest loss`);
  assert.ok(high > 11 && high < 20, `high end ${high} just above the largest loss`);
});

Deno.test("a loss axis can start at 0", () => {
  const spec = lossCurveSpec(lossSeriesFromHistory(history), { zero: true });
  assert.deepEqual((spec.encoding as Record<string, { scale: unknown }>).y.scale, { zero: true });
});

Deno.test("references become dashed lines across all epochs, after the series in the legend", () => {
  const spec = lossCurveSpec(lossSeriesFromHistory(history), {
    references: [{ name: "floor", loss: 0.01 }],
    showPoints: false,
  });
  const values = (spec.data as { values: Record<string, unknown>[] }).values;
  assert.deepEqual(values.filter((value) => value.reference), [
    { series: "floor", epoch: 1, loss: 0.01, reference: true },
    { series: "floor", epoch: 2, loss: 0.01, reference: true },
  ]);
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  assert.deepEqual(encoding.color.sort, ["train", "test", "floor"]);
  const [measured, reference] = spec.layer as { mark: Record<string, unknown> }[];
  assert.equal(measured.mark.point, false);
  assert.deepEqual(reference.mark.strokeDash, [6, 4]);
  assert.equal(spec.mark, undefined);
});

Deno.test("a log scale refuses a reference <= 0 too", () => {
  assert.throws(
    () =>
      lossCurveSpec(lossSeriesFromHistory(history), {
        logScale: true,
        references: [{ name: "zero", loss: 0 }],
      }),
    /log scale needs losses > 0/,
  );
});
