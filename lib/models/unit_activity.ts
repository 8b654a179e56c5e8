/**
 * How much of a ReLU layer is in use: for each unit, the share of images on which it is active
 * (output > 0). A unit that is never active is "dead": it passes no information, so a 16-unit
 * bottleneck with dead units is narrower than it looks.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_SIZE, PIXELS_PER_IMAGE } from "../data/constants.ts";

/**
 * What {@link layerUnitActivity} measured.
 *
 * @example
 * ```ts
 * const activity: UnitActivity = layerUnitActivity(model, "encoder_bottleneck", pixels);
 * console.log(`${activity.deadUnits} of ${activity.units} units are never active`);
 * ```
 */
export interface UnitActivity {
  /** Name of the layer measured. */
  layerName: string;
  /** Number of units (the layer's output width). */
  units: number;
  /** Images measured. */
  imageCount: number;
  /** For each unit, the fraction of images on which its output is > 0. */
  activeFraction: Float64Array;
  /** Units active on no image at all. */
  deadUnits: number;
  /** Mean number of units active per image. */
  meanActiveUnits: number;
}

/**
 * Measures, for each unit of a layer with a [N, units] output (e.g. the CAE's 16-unit
 * `encoder_bottleneck`), on how many of the images its output is positive. Frees every tensor.
 *
 * @param model The flat autoencoder holding the layer.
 * @param layerName The layer to measure, e.g. `"encoder_bottleneck"`.
 * @param pixels Images, `count · 784` values in [0, 1].
 * @param options `batchSize`: images per `predict` call, default 500.
 * @throws {TypeError} When the model has no such layer or its output is not [N, units].
 * @throws {RangeError} When the pixels are not whole 28x28 images.
 *
 * @example
 * ```ts
 * const activity = layerUnitActivity(bundle.autoencoder, "encoder_bottleneck",
 *   fashion.pixelsAsFloat("test", indices));
 * console.log(activity.deadUnits, activity.meanActiveUnits.toFixed(1));
 * ```
 */
export function layerUnitActivity(
  model: tf.LayersModel,
  layerName: string,
  pixels: Float32Array,
  options: { batchSize?: number } = {},
): UnitActivity {
  const batchSize = options.batchSize ?? 500;
  const names = model.layers.map((layer) => layer.name);
  if (!names.includes(layerName)) {
    throw new TypeError(
      `layerUnitActivity: the model "${model.name}" has no layer "${layerName}" (layers: ` +
        `${names.join(", ")}). A CAE built with bottleneckUnits: null has no encoder_bottleneck.`,
    );
  }
  const output = model.getLayer(layerName).output as tf.SymbolicTensor;
  if (output.shape.length !== 2) {
    throw new TypeError(
      `layerUnitActivity: layer "${layerName}" outputs shape [${output.shape}]; expected ` +
        `[N, units] (a Dense layer).`,
    );
  }
  if (pixels.length === 0 || pixels.length % PIXELS_PER_IMAGE !== 0) {
    throw new RangeError(
      `layerUnitActivity got ${pixels.length} pixel values; expected a positive multiple of ${PIXELS_PER_IMAGE}.`,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `layerUnitActivity: batchSize must be a positive integer, got ${batchSize}.`,
    );
  }
  const units = output.shape[1] as number;
  const count = pixels.length / PIXELS_PER_IMAGE;
  const probe = tf.model({ inputs: model.inputs, outputs: output });
  const activeCounts = new Float64Array(units);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const batch = pixels.subarray(start * PIXELS_PER_IMAGE, (start + size) * PIXELS_PER_IMAGE);
    const counts = tf.tidy(() => {
      const activations = probe.predict(tf.tensor4d(batch, [size, IMAGE_SIZE, IMAGE_SIZE, 1]));
      return tf.sum(tf.cast(tf.greater(activations as tf.Tensor, 0), "float32"), 0).dataSync();
    });
    counts.forEach((value, unit) => (activeCounts[unit] += value));
  }
  const activeFraction = activeCounts.map((value) => value / count);
  return {
    layerName,
    units,
    imageCount: count,
    activeFraction,
    deadUnits: activeCounts.filter((value) => value === 0).length,
    meanActiveUnits: activeCounts.reduce((sum, value) => sum + value, 0) / count,
  };
}
