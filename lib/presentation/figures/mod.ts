/**
 * Pictures as PNG: greyscale image grids (plain, captioned, labelled, rows with labels, originals
 * over reconstructions with their errors) made with sharp, and the figures built from them: a run
 * folder's `reconstructions.png`, the anomaly report's per-class pictures and the results figures
 * (prior samples, manifold, interpolation, latent scatter).
 *
 * @example
 * ```ts
 * import { imageGridPng } from "./mod.ts";
 *
 * const png = await imageGridPng(fashion.pixelsAsFloat("test", [0, 1, 2]), 3, { columns: 3 });
 * await Deno.writeFile("three.png", png);
 * ```
 *
 * @module
 */

export {
  type ClassCharts,
  classChartsPng,
  extremeIndices,
  extremesGridPng,
  extremesPng,
  type ScoredImage,
  scoredImages,
  type ScoredSplit,
} from "./anomaly_figures.ts";
export {
  type CaptionedGridOptions,
  captionedGridPng,
  escapeXml,
  type GridCell,
} from "./captioned_grid.ts";
export { type ImageGridOptions, imageGridPng } from "./image_grid.ts";
export { type LabelledImageGridOptions, labelledImageGridPng } from "./labelled_grid.ts";
export {
  type ImageRow,
  type LabelledRowsGridOptions,
  labelledRowsGridPng,
} from "./labelled_rows_grid.ts";
export { readPngSize } from "./png_size.ts";
export { formatError, meanSquaredErrorPerImage } from "./reconstruction_error.ts";
export { type ReconstructionGridOptions, reconstructionGridPng } from "./reconstruction_grid.ts";
export {
  type ResultFigure,
  type ResultFigureModels,
  type ResultFigureOptions,
  resultFigures,
} from "./result_figures.ts";
export { reconstructionsPng } from "./run_reconstructions.ts";
