/**
 * Fashion-MNIST data: locating, downloading, verifying and parsing the files,
 * the in-memory dataset, and seeded mini-batch indices. Pure TypeScript on
 * typed arrays — no TensorFlow here.
 *
 * @example
 * ```ts
 * import { batchIndices, loadFashionMnist } from "./mod.ts";
 *
 * const fashion = await loadFashionMnist({ limit: 1000 });
 * for (const batch of batchIndices(fashion.train.count, { batchSize: 100, seed: 1, epoch: 0 })) {
 *   const pixels = fashion.pixelsAsFloat("train", batch); // 100 * 784 floats in [0, 1]
 *   console.log(pixels.length);
 * }
 * ```
 *
 * @module
 */

export { writeFileAtomically } from "./atomic_write.ts";
export { batchCount, batchIndices, type BatchIndicesOptions } from "./batches.ts";
export {
  FASHION_MNIST_CHECKSUMS,
  FASHION_MNIST_FILE_NAMES,
  type FashionMnistChecksums,
  type FashionMnistFileName,
  type FileChecksum,
  sha256Hex,
  verifyChecksum,
} from "./checksums.ts";
export {
  FASHION_MNIST_CLASS_NAMES,
  IMAGE_CHANNELS,
  IMAGE_SIZE,
  PIXELS_PER_IMAGE,
} from "./constants.ts";
export {
  FashionMnist,
  type FashionMnistInfo,
  type FashionMnistSplit,
  type FashionMnistSplitName,
} from "./dataset.ts";
export {
  downloadFashionMnist,
  type DownloadFashionMnistOptions,
  type DownloadProgress,
  FASHION_MNIST_DOWNLOAD_URLS,
} from "./download.ts";
export { FashionMnistError, REPAIR_ADVICE } from "./errors.ts";
export {
  type FashionMnistProgress,
  loadFashionMnist,
  type LoadFashionMnistOptions,
} from "./fashion_mnist.ts";
export { gunzip, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, type IdxFile, parseIdx } from "./idx.ts";
export { readIdxFile, type ReadIdxFileOptions } from "./idx_file.ts";
export {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  describeDirectoryContents,
  type DirectoryContents,
  FASHION_MNIST_DIRECTORY_VARIABLE,
  findFilesInDirectory,
  projectDataDirectory,
  type SearchLocation,
  searchLocations,
  type SearchLocationsOptions,
} from "./locate.ts";
export { createRandom, mixSeed, type RandomSource, shuffleInPlace } from "./random.ts";
export {
  classCounts,
  classMeanImages,
  type HistogramBin,
  pixelHistogram,
  type PixelStatistics,
  pixelStatistics,
} from "./statistics.ts";
