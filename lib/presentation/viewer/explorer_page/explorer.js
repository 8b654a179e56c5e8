/**
 * The latent explorer page (served by `deno task plot` under /explorer/N/, see
 * `lib/presentation/viewer/explorer_routes.ts`). It loads the run's own checkpoint, the
 * `model.json` + weight files that `deno task train` wrote, with TensorFlow.js' browser bundle,
 * cuts it into encoder and decoder the way `splitAutoencoder` in `lib/models/autoencoder_bundle.ts`
 * does, draws the test set's latent map from `latents.json` on a canvas, and decodes in the page:
 * the point under the pointer (or the dragged marker, or the arrow keys), the reconstruction of a
 * clicked test image, and the line between the last two clicked images.
 *
 * For a latent of more than 2 dimensions the map is a PCA plane of the codes, and a map point
 * (x, y) is decoded at mean + x · component1 + y · component2 (`latentOfMapPoint` in
 * `lib/training/run_folder/latent_projection.ts` does the same on the Deno side).
 *
 * `globalThis.latentExplorer` exposes the page's state (the last decode, the selection, timings)
 * and where a map point is on screen, for the browser test and for curious learners' consoles.
 */
const tf = globalThis.tf;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const INTERPOLATION_STEPS = 10;
const MARGIN = { left: 56, right: 16, top: 16, bottom: 44 };

/**
 * The VAE's sampling layer, registered under the name `model.json` uses so that a VAE checkpoint
 * loads (lib/models/gaussian_sampling.ts is the training version). The page never samples: it
 * decodes the encoder's mean, so `call` is only here for completeness.
 */
class GaussianSampling extends tf.layers.Layer {
  static className = "GaussianSampling";

  constructor(config = {}) {
    super({ name: config.name, trainable: config.trainable });
    this.savedConfig = { ...config };
  }

  computeOutputShape(inputShape) {
    return inputShape[0];
  }

  call(inputs) {
    return tf.tidy(() => {
      const [mean, logVar] = inputs;
      const epsilon = tf.randomNormal(mean.shape);
      return tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), epsilon));
    });
  }

  getConfig() {
    return { ...this.savedConfig, ...super.getConfig() };
  }
}
tf.serialization.registerClass(GaussianSampling);

const state = {
  ready: false,
  backend: "",
  run: null,
  latents: null,
  latentDim: 0,
  lastDecode: null,
  decodeCount: 0,
  selection: [],
  interpolation: null,
  timings: {},
};

const element = (id) => document.getElementById(id);

function showError(message) {
  const box = element("errors");
  box.hidden = false;
  box.textContent = (box.textContent ? box.textContent + "\n" : "") + message;
}

globalThis.addEventListener("error", (event) => showError(String(event.message)));
globalThis.addEventListener("unhandledrejection", (event) => showError(String(event.reason)));

/** Cuts the flat autoencoder into an encoder (image → latent; a VAE's mean) and a decoder. */
function splitAutoencoder(autoencoder) {
  const names = autoencoder.layers.map((layer) => layer.name);
  const latentName = names.includes("z_log_var") ? "z_mean" : "latent";
  const decoderLayers = autoencoder.layers.filter((layer) => layer.name.startsWith("decoder_"));
  if (!names.includes(latentName) || decoderLayers.length === 0) {
    throw new Error(
      `The model has no layer "${latentName}" and decoder_* layers (layers: ${names.join(", ")}).`,
    );
  }
  const latent = autoencoder.getLayer(latentName).output;
  const latentDim = latent.shape[1];
  const encoder = tf.model({ inputs: autoencoder.inputs, outputs: latent, name: "encoder" });
  const input = tf.input({ shape: [latentDim], name: "latent_input" });
  let output = input;
  for (const layer of decoderLayers) output = layer.apply(output);
  const decoder = tf.model({ inputs: input, outputs: output, name: "decoder" });
  return { encoder, decoder, latentDim };
}

/** The latent vector of map point (x, y): the inverse of the map's projection. */
function latentOfMapPoint(x, y) {
  const projection = state.latents.projection;
  if (projection.kind === "identity") return state.latentDim === 1 ? [x] : [x, y];
  const [first, second] = projection.components;
  return projection.mean.map((mean, index) => mean + x * first[index] + y * second[index]);
}

function drawImage(canvas, pixels) {
  const context = canvas.getContext("2d");
  const image = context.createImageData(SIDE, SIDE);
  for (let index = 0; index < PIXELS; index++) {
    const value = Math.round(Math.min(1, Math.max(0, pixels[index])) * 255);
    image.data.set([value, value, value, 255], 4 * index);
  }
  context.putImageData(image, 0, 0);
}

function niceStep(span) {
  const raw = span / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw);
}

function formatNumber(value) {
  return Math.abs(value) < 1e-9 ? "0" : Number(value.toPrecision(4)).toString();
}

/** Screen geometry of the map: equal scales on both axes, the codes' range with some room. */
function createGeometry(points, width, height) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    minY = Math.min(minY, point.y);
    maxY = Math.max(maxY, point.y);
  }
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const spanX = (maxX - minX) * 1.1 || 1;
  const spanY = (maxY - minY) * 1.1 || spanX;
  const scale = Math.min(plotWidth / spanX, plotHeight / spanY);
  const centre = [(minX + maxX) / 2, (minY + maxY) / 2];
  const middle = [MARGIN.left + plotWidth / 2, MARGIN.top + plotHeight / 2];
  return {
    width,
    height,
    toScreen: (x, y) => [
      middle[0] + (x - centre[0]) * scale,
      middle[1] - (y - centre[1]) * scale,
    ],
    toData: (screenX, screenY) => [
      centre[0] + (screenX - middle[0]) / scale,
      centre[1] - (screenY - middle[1]) / scale,
    ],
  };
}

function sizeCanvas(canvas, width, height) {
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

function drawAxes(context, geometry) {
  const [left, top] = geometry.toData(MARGIN.left, MARGIN.top);
  const [right, bottom] = geometry.toData(
    geometry.width - MARGIN.right,
    geometry.height - MARGIN.bottom,
  );
  context.font = "12px system-ui, sans-serif";
  context.fillStyle = "#555";
  context.strokeStyle = "#eee";
  context.lineWidth = 1;
  const stepX = niceStep(right - left);
  context.textAlign = "center";
  context.textBaseline = "top";
  for (let x = Math.ceil(left / stepX) * stepX; x <= right; x += stepX) {
    const [screenX] = geometry.toScreen(x, 0);
    context.beginPath();
    context.moveTo(screenX, MARGIN.top);
    context.lineTo(screenX, geometry.height - MARGIN.bottom);
    context.stroke();
    context.fillText(formatNumber(x), screenX, geometry.height - MARGIN.bottom + 4);
  }
  const stepY = niceStep(top - bottom);
  context.textAlign = "right";
  context.textBaseline = "middle";
  for (let y = Math.ceil(bottom / stepY) * stepY; y <= top; y += stepY) {
    const [, screenY] = geometry.toScreen(0, y);
    context.beginPath();
    context.moveTo(MARGIN.left, screenY);
    context.lineTo(geometry.width - MARGIN.right, screenY);
    context.stroke();
    context.fillText(formatNumber(y), MARGIN.left - 6, screenY);
  }
  context.fillStyle = "#222";
  context.textAlign = "center";
  context.textBaseline = "bottom";
  context.fillText(state.latents.xTitle ?? "z1", geometry.width / 2, geometry.height - 2);
  context.save();
  context.translate(12, geometry.height / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = "middle";
  context.fillText(state.latents.yTitle ?? "z2", 0, 0);
  context.restore();
}

function rgba(hex, alpha) {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${value >> 16}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Draws every point once (in index order, so no class hides another) and indexes them by cell. */
function drawScatter() {
  const frame = element("map-frame");
  const width = frame.clientWidth;
  const height = frame.clientHeight;
  const start = performance.now();
  const points = state.latents.points;
  const geometry = createGeometry(points, width, height);
  const context = sizeCanvas(element("map"), width, height);
  sizeCanvas(element("overlay"), width, height);
  context.clearRect(0, 0, width, height);
  drawAxes(context, geometry);
  const size = points.length > 3000 ? 2.5 : 4;
  const colours = state.run.colors.map((colour) => rgba(colour, 0.75));
  const cell = 12;
  const grid = new Map();
  const screen = new Float32Array(2 * points.length);
  let label = -1;
  for (let position = 0; position < points.length; position++) {
    const point = points[position];
    const [screenX, screenY] = geometry.toScreen(point.x, point.y);
    screen[2 * position] = screenX;
    screen[2 * position + 1] = screenY;
    if (point.label !== label) {
      label = point.label;
      context.fillStyle = colours[label];
    }
    context.fillRect(screenX - size / 2, screenY - size / 2, size, size);
    const key = `${Math.floor(screenX / cell)},${Math.floor(screenY / cell)}`;
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key).push(position);
  }
  state.geometry = geometry;
  state.hits = { grid, cell, screen };
  state.timings.scatterMilliseconds = performance.now() - start;
  drawOverlay();
}

/** The point nearest to a screen position within `radius` CSS pixels, or -1. */
function nearestPoint(screenX, screenY, radius = 7) {
  const { grid, cell, screen } = state.hits;
  let best = -1;
  let bestDistance = radius * radius;
  const column = Math.floor(screenX / cell);
  const row = Math.floor(screenY / cell);
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const position of grid.get(`${column + dx},${row + dy}`) ?? []) {
        const distance = (screen[2 * position] - screenX) ** 2 +
          (screen[2 * position + 1] - screenY) ** 2;
        if (distance <= bestDistance) {
          best = position;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
}

function drawOverlay() {
  const { width, height } = state.geometry;
  const context = element("overlay").getContext("2d");
  context.clearRect(0, 0, width, height);
  const selected = state.selection.map((entry) => state.geometry.toScreen(entry.x, entry.y));
  if (selected.length === 2) {
    context.strokeStyle = "#222";
    context.setLineDash([5, 4]);
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(...selected[0]);
    context.lineTo(...selected[1]);
    context.stroke();
    context.setLineDash([]);
  }
  selected.forEach(([x, y], position) => {
    context.strokeStyle = "#000";
    context.lineWidth = 2;
    context.beginPath();
    context.arc(x, y, 7, 0, 2 * Math.PI);
    context.stroke();
    context.font = "bold 13px system-ui, sans-serif";
    context.fillStyle = "#000";
    context.fillText(selected.length === 2 ? "AB"[position] : "A", x + 9, y - 9);
  });
  if (state.marker) {
    const [x, y] = state.geometry.toScreen(...state.marker);
    context.strokeStyle = "#d62728";
    context.lineWidth = 2;
    context.beginPath();
    context.arc(x, y, 6, 0, 2 * Math.PI);
    context.moveTo(x - 11, y);
    context.lineTo(x + 11, y);
    context.moveTo(x, y - 11);
    context.lineTo(x, y + 11);
    context.stroke();
  }
}

/** Decodes latent vectors (an array of arrays) in one call; resolves to one Float32Array each. */
async function decode(latentVectors) {
  const output = tf.tidy(() =>
    state.decoder.predict(tf.tensor2d(latentVectors, [latentVectors.length, state.latentDim]))
  );
  const values = await output.data();
  output.dispose();
  return latentVectors.map((_, row) => values.slice(row * PIXELS, (row + 1) * PIXELS));
}

function describeLatent(latent) {
  const shown = latent.slice(0, 6).map(formatNumber).join(", ");
  return `z = (${shown}${latent.length > 6 ? `, … ${latent.length - 6} more` : ""})`;
}

let pendingDecode = null;
let decoding = null;
let selecting = Promise.resolve();

/** Runs selections one after another, so that A and B keep the order they were clicked in. */
function track(work) {
  selecting = selecting.then(work).catch((error) => showError(String(error)));
  return selecting;
}

/** Moves the marker to map point (x, y) and decodes it; only the newest request waits. */
function setMarker(x, y) {
  state.marker = [x, y];
  drawOverlay();
  pendingDecode = [x, y];
  decoding ??= (async () => {
    while (pendingDecode) {
      const [markerX, markerY] = pendingDecode;
      pendingDecode = null;
      const start = performance.now();
      const latent = latentOfMapPoint(markerX, markerY);
      const [pixels] = await decode([latent]);
      drawImage(element("decoded"), pixels);
      state.timings.lastDecodeMilliseconds = performance.now() - start;
      state.decodeCount += 1;
      state.lastDecode = { mapPoint: [markerX, markerY], latent, pixels: Array.from(pixels) };
      const axes = [state.latents.xTitle ?? "x", state.latents.yTitle ?? "y"]
        .map((title) => title.split(" ")[0]);
      element("decoded-caption").textContent =
        `${axes[0]} ${formatNumber(markerX)}, ${axes[1]} ${formatNumber(markerY)}` +
        (state.latents.projection.kind === "pca" ? ` → ${describeLatent(latent)}` : "");
      updateStatus();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    decoding = null;
  })();
}

function className(label) {
  return state.run.classNames[label] ?? `class ${label}`;
}

/** Selects a test point: shows its image and reconstruction, and interpolates from the last one. */
async function selectPoint(position) {
  const point = state.latents.points[position];
  const caption = element("selected-caption");
  const response = await fetch(`image?index=${point.index}`);
  if (!response.ok) {
    caption.textContent = `The image cannot be shown: ${await response.text()}`;
    return;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pixels = Float32Array.from(bytes, (value) => value / 255);
  const code = tf.tidy(() => state.encoder.predict(tf.tensor4d(pixels, [1, SIDE, SIDE, 1])));
  const latent = Array.from(await code.data());
  code.dispose();
  const [reconstruction] = await decode([latent]);
  drawImage(element("original"), pixels);
  drawImage(element("reconstruction"), reconstruction);
  const entry = {
    position,
    index: point.index,
    label: point.label,
    x: point.x,
    y: point.y,
    latent,
    pixels: Array.from(pixels),
    reconstruction: Array.from(reconstruction),
  };
  state.selection = [...state.selection, entry].slice(-2);
  const how = state.run.model === "vae" ? " (decoded from the encoder's mean)" : "";
  caption.textContent = `${className(point.label)}, test image ${point.index}${how}.`;
  drawOverlay();
  if (state.selection.length === 2) await interpolate();
}

async function interpolate() {
  const [from, to] = state.selection;
  const steps = Array.from(
    { length: INTERPOLATION_STEPS },
    (_, step) => step / (INTERPOLATION_STEPS - 1),
  );
  const latents = steps.map((t) =>
    from.latent.map((value, index) => value + t * (to.latent[index] - value))
  );
  const images = await decode(latents);
  const strip = element("strip");
  strip.replaceChildren(...images.map((pixels, step) => {
    const canvas = document.createElement("canvas");
    canvas.width = SIDE;
    canvas.height = SIDE;
    canvas.className = "image";
    canvas.title = `t = ${steps[step].toFixed(2)}`;
    drawImage(canvas, pixels);
    return canvas;
  }));
  state.interpolation = { steps, latents, images: images.map((pixels) => Array.from(pixels)) };
  element("interpolation-caption").textContent =
    `A: ${className(from.label)} (test image ${from.index}) → B: ${className(to.label)} ` +
    `(test image ${to.index}): ${INTERPOLATION_STEPS} images decoded from evenly spaced points ` +
    `on the straight line between their ${state.latentDim}-d codes.`;
}

function eventPosition(event) {
  const rect = element("overlay").getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}

function listen() {
  const overlay = element("overlay");
  let down = null;
  overlay.addEventListener("pointermove", (event) => {
    const [screenX, screenY] = eventPosition(event);
    setMarker(...state.geometry.toData(screenX, screenY));
  });
  overlay.addEventListener("pointerdown", (event) => {
    overlay.setPointerCapture(event.pointerId);
    down = eventPosition(event);
    setMarker(...state.geometry.toData(...down));
  });
  overlay.addEventListener("pointerup", (event) => {
    const [screenX, screenY] = eventPosition(event);
    if (down && Math.hypot(screenX - down[0], screenY - down[1]) < 5) {
      const hit = nearestPoint(screenX, screenY);
      if (hit >= 0) track(() => selectPoint(hit));
    }
    down = null;
  });
  overlay.addEventListener("keydown", (event) => {
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const marker = state.marker ??
      state.geometry.toData(state.geometry.width / 2, state.geometry.height / 2);
    const [screenX, screenY] = state.geometry.toScreen(...marker);
    if (moves[event.key]) {
      event.preventDefault();
      const step = event.shiftKey ? 20 : 4;
      setMarker(...state.geometry.toData(
        screenX + step * moves[event.key][0],
        screenY + step * moves[event.key][1],
      ));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const hit = nearestPoint(screenX, screenY, 20);
      if (hit >= 0) track(() => selectPoint(hit));
    }
  });
  new ResizeObserver(() => drawScatter()).observe(element("map-frame"));
}

function updateStatus() {
  const { scatterMilliseconds, lastDecodeMilliseconds } = state.timings;
  element("status").textContent = `TensorFlow.js ${tf.version.tfjs}, ${state.backend} backend · ` +
    `${state.latents.points.length} points drawn in ${scatterMilliseconds.toFixed(0)} ms` +
    (lastDecodeMilliseconds === undefined
      ? ""
      : ` · last decode ${lastDecodeMilliseconds.toFixed(1)} ms`);
}

function describeRun() {
  const { run, latents } = state;
  element("run-name").textContent = run.name;
  document.title = `Latent explorer: ${run.name}`;
  const epochs = run.checkpointEpoch === null ? "" : `, checkpoint of epoch ${run.checkpointEpoch}`;
  element("run-summary").textContent = `${run.model ?? "model"} with a ${run.latentDim}-d latent` +
    `${epochs}, ${run.directory}; ${latents.points.length} ${run.split} images.`;
  const links = run.runs.filter((other) => !location.pathname.endsWith(other.href))
    .map((other) => {
      const link = document.createElement("a");
      link.href = other.href;
      link.textContent = `Explore ${other.name}`;
      return link;
    });
  element("run-links").append(...links);
  element("legend").replaceChildren(...run.classNames.map((name, label) => {
    const item = document.createElement("li");
    item.textContent = name;
    item.style.setProperty("--swatch", run.colors[label]);
    return item;
  }));
  const means = run.model === "vae" ? " A VAE's codes are its encoder's means (no sampling)." : "";
  const projection = latents.projection;
  if (projection.kind === "pca") {
    const share = (variance) => `${(100 * variance / projection.totalVariance).toFixed(1)}%`;
    element("map-note").textContent =
      `This latent has ${run.latentDim} dimensions, so the map is a plane: the first two ` +
      `principal components (PCA) of the test images' codes, which hold ` +
      `${share(projection.explainedVariance[0])} and ${share(projection.explainedVariance[1])} ` +
      `of their variance. The marker decodes the inverse projection of its position, ` +
      `z = mean + x · PC1 + y · PC2, a point on that plane. A test image's own code lies off ` +
      `the plane, so decoding at its dot is not its reconstruction (click it to see that).` +
      means;
  } else {
    element("map-note").textContent = `The map shows the ${run.latentDim}-d codes as they are: ` +
      `the marker decodes z = (x${run.latentDim === 2 ? ", y" : ""}).${means}`;
  }
  for (const warning of run.warnings) showError(warning);
}

async function main() {
  const [run, latents] = await Promise.all(
    ["run.json", "latents.json"].map(async (name) => {
      const response = await fetch(name);
      if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      return response.json();
    }),
  );
  state.run = run;
  state.latents = latents;
  state.latentDim = run.latentDim;
  const wanted = new URLSearchParams(location.search).get("backend");
  if (wanted && !(await tf.setBackend(wanted))) showError(`Backend ${wanted} is not available.`);
  await tf.ready();
  state.backend = tf.getBackend();
  const autoencoder = await tf.loadLayersModel(new URL("model/model.json", location.href).href);
  const { encoder, decoder, latentDim } = splitAutoencoder(autoencoder);
  if (latentDim !== run.latentDim) {
    throw new Error(
      `The model's latent has ${latentDim} dimensions, latents.json says ${run.latentDim}.`,
    );
  }
  state.encoder = encoder;
  state.decoder = decoder;
  describeRun();
  drawScatter();
  listen();
  const middle = state.geometry.toData(state.geometry.width / 2, state.geometry.height / 2);
  setMarker(...middle);
  await decoding;
  state.ready = true;
  updateStatus();
}

globalThis.latentExplorer = {
  state,
  /** Where map point (x, y) is in the window, in CSS pixels (for pointer events). */
  clientPosition(x, y) {
    const rect = element("overlay").getBoundingClientRect();
    const [screenX, screenY] = state.geometry.toScreen(x, y);
    return { x: rect.left + screenX, y: rect.top + screenY };
  },
  /** Resolves once no decode or selection is running or waiting. */
  async idle() {
    let before;
    do {
      before = selecting;
      await selecting;
      while (decoding) await decoding;
    } while (before !== selecting);
  },
  /** The decoded image's canvas as drawn: 784 grey values 0–255. */
  decodedCanvasValues() {
    const data = element("decoded").getContext("2d").getImageData(0, 0, SIDE, SIDE).data;
    return Array.from({ length: PIXELS }, (_, index) => data[4 * index]);
  },
};

main().catch((error) => {
  showError(`The explorer could not start: ${error.message}`);
  element("status").textContent = "Failed; see the message above.";
});
