// WebAssembly SIMD training kernels of fmnist-autoencoders, in AssemblyScript.
//
// Built by `deno task build:wasm` (scripts/build_wasm.ts) into lib/backend/simd_module.ts. The
// module imports the memory of the TensorFlow.js wasm backend (`env.memory`) and works on its
// tensors in place: every pointer argument is a byte offset in that memory, as
// `backend.getMemoryOffset(dataId)` gives it. The module has no data, no globals and allocates
// nothing, so it never writes outside the tensors it is given.
//
// Tensors are float32, channels last: x [N, H, W, C], dy [N, OH, OW, CO], filters
// [KH, KW, C, CO]. `sh`/`sw` are the strides and `pt`/`pl` the top/left padding of the forward
// convolution y = conv2d(x, w).
//
// f32x4.relaxed_madd(a, b, c) is a·b + c, fused where the processor has FMA (one rounding
// instead of two); the results therefore differ from the cpu backend's in the last bits.

function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.relaxed_madd(a, b, c);
}

function bytes(floats: i32): usize {
  return <usize> floats << 2;
}

// The half-open range [first, end) of output columns ow whose input column sw·ow + shift lies in
// [0, W), packed as first | end << 16.
function columnRange(OW: i32, W: i32, sw: i32, shift: i32): i32 {
  const first = shift < 0 ? (sw - 1 - shift) / sw : 0;
  const last = (W - 1 - shift) / sw;
  const end = W - 1 - shift < 0 ? 0 : min(OW, last + 1);
  return first | (max(first, end) << 16);
}

// Conv2DBackpropFilter: dw[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, sh·oh + kh − pt,
// sw·ow + kw − pl, ci] · dy[n, oh, ow, co], for pixels inside x.
//
// Tiles of 6 input × 8 output channels (12 sums) keep their sums in registers while the pixels
// of a chunk of `chunkRows` rows of dy stream past (a chunk of x and dy stays in the cache for
// all taps and tiles). Leftover input channels take tiles of 4, then 1 (with 16 output channels
// per tile), leftover output channels (CO mod 8) a scalar loop.
export function conv2dFilterGradient(
  x: usize,
  dy: usize,
  dw: usize,
  N: i32,
  H: i32,
  W: i32,
  C: i32,
  OH: i32,
  OW: i32,
  CO: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  pt: i32,
  pl: i32,
  chunkRows: i32,
): void {
  memory.fill(dw, 0, bytes(KH * KW * C * CO));
  const rows = N * OH;
  const xStep = bytes(sw * C);
  const dyStep = bytes(CO);
  const wideCO = CO & ~7;
  for (let r0 = 0; r0 < rows; r0 += chunkRows) {
    const r1 = min(rows, r0 + chunkRows);
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const shift = kw - pl;
        const range = columnRange(OW, W, sw, shift);
        const first = range & 0xffff;
        const count = (range >> 16) - first;
        if (count <= 0) continue;
        const tap = dw + bytes((kh * KW + kw) * C * CO);
        for (let ci = 0; ci < C; ci++) {
          const six = ci + 6 <= C && C >= 8;
          const wide = six || ci + 4 <= C;
          for (let co = 0; co < wideCO; co += 8) {
            const out = tap + bytes(ci * CO + co);
            if (six) {
              const rs = bytes(CO);
              let a00 = v128.load(out), a01 = v128.load(out, 16);
              let a10 = v128.load(out + rs), a11 = v128.load(out + rs, 16);
              let a20 = v128.load(out + 2 * rs), a21 = v128.load(out + 2 * rs, 16);
              let a30 = v128.load(out + 3 * rs), a31 = v128.load(out + 3 * rs, 16);
              let a40 = v128.load(out + 4 * rs), a41 = v128.load(out + 4 * rs, 16);
              let a50 = v128.load(out + 5 * rs), a51 = v128.load(out + 5 * rs, 16);
              for (let r = r0; r < r1; r++) {
                const n = r / OH;
                const h = sh * (r - n * OH) + kh - pt;
                if (h < 0 || h >= H) continue;
                let px = x + bytes(((n * H + h) * W + sw * first + shift) * C + ci);
                let pd = dy + bytes((r * OW + first) * CO + co);
                for (let i = 0; i < count; i++) {
                  const d0 = v128.load(pd), d1 = v128.load(pd, 16);
                  let s = v128.load32_splat(px);
                  a00 = madd(s, d0, a00);
                  a01 = madd(s, d1, a01);
                  s = v128.load32_splat(px, 4);
                  a10 = madd(s, d0, a10);
                  a11 = madd(s, d1, a11);
                  s = v128.load32_splat(px, 8);
                  a20 = madd(s, d0, a20);
                  a21 = madd(s, d1, a21);
                  s = v128.load32_splat(px, 12);
                  a30 = madd(s, d0, a30);
                  a31 = madd(s, d1, a31);
                  s = v128.load32_splat(px, 16);
                  a40 = madd(s, d0, a40);
                  a41 = madd(s, d1, a41);
                  s = v128.load32_splat(px, 20);
                  a50 = madd(s, d0, a50);
                  a51 = madd(s, d1, a51);
                  px += xStep;
                  pd += dyStep;
                }
              }
              v128.store(out, a00);
              v128.store(out, a01, 16);
              v128.store(out + rs, a10);
              v128.store(out + rs, a11, 16);
              v128.store(out + 2 * rs, a20);
              v128.store(out + 2 * rs, a21, 16);
              v128.store(out + 3 * rs, a30);
              v128.store(out + 3 * rs, a31, 16);
              v128.store(out + 4 * rs, a40);
              v128.store(out + 4 * rs, a41, 16);
              v128.store(out + 5 * rs, a50);
              v128.store(out + 5 * rs, a51, 16);
            } else if (wide) {
              const rs = bytes(CO);
              let a00 = v128.load(out), a01 = v128.load(out, 16);
              let a10 = v128.load(out + rs), a11 = v128.load(out + rs, 16);
              let a20 = v128.load(out + 2 * rs), a21 = v128.load(out + 2 * rs, 16);
              let a30 = v128.load(out + 3 * rs), a31 = v128.load(out + 3 * rs, 16);
              for (let r = r0; r < r1; r++) {
                const n = r / OH;
                const h = sh * (r - n * OH) + kh - pt;
                if (h < 0 || h >= H) continue;
                let px = x + bytes(((n * H + h) * W + sw * first + shift) * C + ci);
                let pd = dy + bytes((r * OW + first) * CO + co);
                for (let i = 0; i < count; i++) {
                  const d0 = v128.load(pd), d1 = v128.load(pd, 16);
                  let s = v128.load32_splat(px);
                  a00 = madd(s, d0, a00);
                  a01 = madd(s, d1, a01);
                  s = v128.load32_splat(px, 4);
                  a10 = madd(s, d0, a10);
                  a11 = madd(s, d1, a11);
                  s = v128.load32_splat(px, 8);
                  a20 = madd(s, d0, a20);
                  a21 = madd(s, d1, a21);
                  s = v128.load32_splat(px, 12);
                  a30 = madd(s, d0, a30);
                  a31 = madd(s, d1, a31);
                  px += xStep;
                  pd += dyStep;
                }
              }
              v128.store(out, a00);
              v128.store(out, a01, 16);
              v128.store(out + rs, a10);
              v128.store(out + rs, a11, 16);
              v128.store(out + 2 * rs, a20);
              v128.store(out + 2 * rs, a21, 16);
              v128.store(out + 3 * rs, a30);
              v128.store(out + 3 * rs, a31, 16);
            } else if (co + 16 <= wideCO) {
              // One input channel: 16 output channels per tile, four independent sums.
              let a0 = v128.load(out), a1 = v128.load(out, 16);
              let a2 = v128.load(out, 32), a3 = v128.load(out, 48);
              for (let r = r0; r < r1; r++) {
                const n = r / OH;
                const h = sh * (r - n * OH) + kh - pt;
                if (h < 0 || h >= H) continue;
                let px = x + bytes(((n * H + h) * W + sw * first + shift) * C + ci);
                let pd = dy + bytes((r * OW + first) * CO + co);
                for (let i = 0; i < count; i++) {
                  const s = v128.load32_splat(px);
                  a0 = madd(s, v128.load(pd), a0);
                  a1 = madd(s, v128.load(pd, 16), a1);
                  a2 = madd(s, v128.load(pd, 32), a2);
                  a3 = madd(s, v128.load(pd, 48), a3);
                  px += xStep;
                  pd += dyStep;
                }
              }
              v128.store(out, a0);
              v128.store(out, a1, 16);
              v128.store(out, a2, 32);
              v128.store(out, a3, 48);
              co += 8; // the loop's co += 8 moves past the second half
            } else {
              let a0 = v128.load(out), a1 = v128.load(out, 16);
              for (let r = r0; r < r1; r++) {
                const n = r / OH;
                const h = sh * (r - n * OH) + kh - pt;
                if (h < 0 || h >= H) continue;
                let px = x + bytes(((n * H + h) * W + sw * first + shift) * C + ci);
                let pd = dy + bytes((r * OW + first) * CO + co);
                for (let i = 0; i < count; i++) {
                  const s = v128.load32_splat(px);
                  a0 = madd(s, v128.load(pd), a0);
                  a1 = madd(s, v128.load(pd, 16), a1);
                  px += xStep;
                  pd += dyStep;
                }
              }
              v128.store(out, a0);
              v128.store(out, a1, 16);
            }
          }
          const tileEnd = six ? ci + 6 : wide ? ci + 4 : ci + 1;
          for (let cj = ci; cj < tileEnd; cj++) {
            for (let co = wideCO; co < CO; co++) {
              const out = tap + bytes(cj * CO + co);
              let sum = load<f32>(out);
              for (let r = r0; r < r1; r++) {
                const n = r / OH;
                const h = sh * (r - n * OH) + kh - pt;
                if (h < 0 || h >= H) continue;
                let px = x + bytes(((n * H + h) * W + sw * first + shift) * C + cj);
                let pd = dy + bytes((r * OW + first) * CO + co);
                for (let i = 0; i < count; i++) {
                  sum += load<f32>(px) * load<f32>(pd);
                  px += xStep;
                  pd += dyStep;
                }
              }
              store<f32>(out, sum);
            }
          }
          ci = tileEnd - 1; // the loop's ci++ moves on to the next tile
        }
      }
    }
  }
}

// One Adam step on `count` floats, operation for operation as tfjs's AdamOptimizer computes it in
// float32 (so the results are the same to the last bit):
//   m' = m·β1 + g·(1 − β1);  v' = v·β2 + g²·(1 − β2)
//   value' = (m' / (1 − β1ᵗ)) / (sqrt(v' / (1 − β2ᵗ)) + ε) · (−lr) + value
// The constants come rounded to float32 as tfjs's scalar tensors hold them.
export function adamStep(
  value: usize,
  m: usize,
  v: usize,
  gradient: usize,
  newValue: usize,
  newM: usize,
  newV: usize,
  count: i32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  oneMinusAccBeta1: f32,
  oneMinusAccBeta2: f32,
  epsilon: f32,
  negativeLearningRate: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const d1 = f32x4.splat(oneMinusAccBeta1);
  const d2 = f32x4.splat(oneMinusAccBeta2);
  const e = f32x4.splat(epsilon);
  const l = f32x4.splat(negativeLearningRate);
  const wide = count & ~3;
  let i = 0;
  for (; i < wide; i += 4) {
    const at = bytes(i);
    const g = v128.load(gradient + at);
    const m1 = f32x4.add(f32x4.mul(v128.load(m + at), b1), f32x4.mul(g, c1));
    const v1 = f32x4.add(f32x4.mul(v128.load(v + at), b2), f32x4.mul(f32x4.mul(g, g), c2));
    const step = f32x4.div(f32x4.div(m1, d1), f32x4.add(f32x4.sqrt(f32x4.div(v1, d2)), e));
    v128.store(newM + at, m1);
    v128.store(newV + at, v1);
    v128.store(newValue + at, f32x4.add(f32x4.mul(step, l), v128.load(value + at)));
  }
  for (; i < count; i++) {
    const at = bytes(i);
    const g = load<f32>(gradient + at);
    const m1 = load<f32>(m + at) * beta1 + g * oneMinusBeta1;
    const v1 = load<f32>(v + at) * beta2 + g * g * oneMinusBeta2;
    const step = m1 / oneMinusAccBeta1 / (Mathf.sqrt(v1 / oneMinusAccBeta2) + epsilon);
    store<f32>(newM + at, m1);
    store<f32>(newV + at, v1);
    store<f32>(newValue + at, step * negativeLearningRate + load<f32>(value + at));
  }
}

// Both convolutions below sum splat(source_m[k]) · weights[k, 0 … 7] over k for six source
// pixels m at once (one pointer per pixel and tap, pointing at zeros for padding).

// Conv2D: y[n, oy, ox, co] = Σ_{kh, kw, ci} x[n, sh·oy + kh − pt, sw·ox + kw − pl, ci] ·
// w[kh, kw, ci, co], positions outside x counting as 0. CO % 8 == 0. `zeros` points to at least C
// zero floats. Tiles of 6 output pixels (consecutive in N·OH·OW order) × 8 output channels: 12
// sums in registers, as many as V8 keeps there beside the weights (6 was measured 9% faster
// than 4).
export function conv2d(
  x: usize,
  w: usize,
  y: usize,
  zeros: usize,
  N: i32,
  H: i32,
  W: i32,
  C: i32,
  OH: i32,
  OW: i32,
  CO: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  pt: i32,
  pl: i32,
): void {
  const total = N * OH * OW;
  const wStep = bytes(CO);
  for (let q0 = 0; q0 < total; q0 += 6) {
    const valid = min(6, total - q0);
    // Input origin (top-left tap) of each pixel; pixels past the end repeat the last one.
    let q = q0;
    let n = q / (OH * OW);
    let r = q - n * OH * OW;
    let oy = r / OW;
    const n0 = n, y0 = sh * oy - pt, x0 = sw * (r - oy * OW) - pl;
    q = q0 + min(1, valid - 1);
    n = q / (OH * OW);
    r = q - n * OH * OW;
    oy = r / OW;
    const n1 = n, y1 = sh * oy - pt, x1 = sw * (r - oy * OW) - pl;
    q = q0 + min(2, valid - 1);
    n = q / (OH * OW);
    r = q - n * OH * OW;
    oy = r / OW;
    const n2 = n, y2 = sh * oy - pt, x2 = sw * (r - oy * OW) - pl;
    q = q0 + min(3, valid - 1);
    n = q / (OH * OW);
    r = q - n * OH * OW;
    oy = r / OW;
    const n3 = n, y3 = sh * oy - pt, x3 = sw * (r - oy * OW) - pl;
    q = q0 + min(4, valid - 1);
    n = q / (OH * OW);
    r = q - n * OH * OW;
    oy = r / OW;
    const n4 = n, y4 = sh * oy - pt, x4 = sw * (r - oy * OW) - pl;
    q = q0 + min(5, valid - 1);
    n = q / (OH * OW);
    r = q - n * OH * OW;
    oy = r / OW;
    const n5 = n, y5 = sh * oy - pt, x5 = sw * (r - oy * OW) - pl;
    for (let co = 0; co < CO; co += 8) {
      let a00 = f32x4.splat(0), a01 = f32x4.splat(0);
      let a10 = f32x4.splat(0), a11 = f32x4.splat(0);
      let a20 = f32x4.splat(0), a21 = f32x4.splat(0);
      let a30 = f32x4.splat(0), a31 = f32x4.splat(0);
      let a40 = f32x4.splat(0), a41 = f32x4.splat(0);
      let a50 = f32x4.splat(0), a51 = f32x4.splat(0);
      for (let kh = 0; kh < KH; kh++) {
        for (let kw = 0; kw < KW; kw++) {
          let p0 = zeros, p1 = zeros, p2 = zeros, p3 = zeros, p4 = zeros, p5 = zeros;
          let iy = y0 + kh, ix = x0 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p0 = x + bytes(((n0 * H + iy) * W + ix) * C);
          iy = y1 + kh;
          ix = x1 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p1 = x + bytes(((n1 * H + iy) * W + ix) * C);
          iy = y2 + kh;
          ix = x2 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p2 = x + bytes(((n2 * H + iy) * W + ix) * C);
          iy = y3 + kh;
          ix = x3 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p3 = x + bytes(((n3 * H + iy) * W + ix) * C);
          iy = y4 + kh;
          ix = x4 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p4 = x + bytes(((n4 * H + iy) * W + ix) * C);
          iy = y5 + kh;
          ix = x5 + kw;
          if (iy >= 0 && iy < H && ix >= 0 && ix < W) p5 = x + bytes(((n5 * H + iy) * W + ix) * C);
          let pw = w + bytes((kh * KW + kw) * C * CO + co);
          for (let ci = 0; ci < C; ci++) {
            const w0 = v128.load(pw), w1 = v128.load(pw, 16);
            let s = v128.load32_splat(p0);
            a00 = madd(s, w0, a00);
            a01 = madd(s, w1, a01);
            s = v128.load32_splat(p1);
            a10 = madd(s, w0, a10);
            a11 = madd(s, w1, a11);
            s = v128.load32_splat(p2);
            a20 = madd(s, w0, a20);
            a21 = madd(s, w1, a21);
            s = v128.load32_splat(p3);
            a30 = madd(s, w0, a30);
            a31 = madd(s, w1, a31);
            s = v128.load32_splat(p4);
            a40 = madd(s, w0, a40);
            a41 = madd(s, w1, a41);
            s = v128.load32_splat(p5);
            a50 = madd(s, w0, a50);
            a51 = madd(s, w1, a51);
            p0 += 4;
            p1 += 4;
            p2 += 4;
            p3 += 4;
            p4 += 4;
            p5 += 4;
            pw += wStep;
          }
        }
      }
      const o = y + bytes(q0 * CO + co);
      const rs = bytes(CO);
      v128.store(o, a00);
      v128.store(o, a01, 16);
      if (valid > 1) {
        v128.store(o + rs, a10);
        v128.store(o + rs, a11, 16);
      }
      if (valid > 2) {
        v128.store(o + 2 * rs, a20);
        v128.store(o + 2 * rs, a21, 16);
      }
      if (valid > 3) {
        v128.store(o + 3 * rs, a30);
        v128.store(o + 3 * rs, a31, 16);
      }
      if (valid > 4) {
        v128.store(o + 4 * rs, a40);
        v128.store(o + 4 * rs, a41, 16);
      }
      if (valid > 5) {
        v128.store(o + 5 * rs, a50);
        v128.store(o + 5 * rs, a51, 16);
      }
    }
  }
}

// wt[t, co, ci] = w[t, ci, co] for each of `taps` taps: the filter laid out for
// conv2dInputGradient.
export function transposeTaps(w: usize, wt: usize, taps: i32, C: i32, CO: i32): void {
  for (let t = 0; t < taps; t++) {
    const from = w + bytes(t * C * CO);
    const to = wt + bytes(t * C * CO);
    for (let ci = 0; ci < C; ci++) {
      for (let co = 0; co < CO; co++) {
        store<f32>(to + bytes(co * C + ci), load<f32>(from + bytes(ci * CO + co)));
      }
    }
  }
}

// Conv2DBackpropInput (the transposed convolution): dx[n, y, x, ci] = Σ dy[n, oh, ow, co] ·
// w[kh, kw, ci, co] over the taps with y = sh·oh + kh − pt and x = sw·ow + kw − pl. C % 8 == 0;
// wt = transposeTaps(w); `zeros` points to at least CO zero floats.
//
// The pixels of dx fall into sh × sw phases (y mod sh, x mod sw); all pixels of a phase use the
// same taps, so each phase is a stride-1 convolution of dy, computed in tiles of 6 pixels of the
// phase × 8 channels with no multiplications by the zeros a strided transposed convolution
// would insert.
export function conv2dInputGradient(
  dy: usize,
  wt: usize,
  dx: usize,
  zeros: usize,
  N: i32,
  H: i32,
  W: i32,
  C: i32,
  OH: i32,
  OW: i32,
  CO: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  pt: i32,
  pl: i32,
): void {
  const wStep = bytes(C);
  for (let py = 0; py < sh; py++) {
    const rows = (H - py + sh - 1) / sh; // y = py + sh·i
    const khFirst = (py + pt) % sh; // the taps kh ≡ y + pt (mod sh)
    for (let px = 0; px < sw; px++) {
      const cols = (W - px + sw - 1) / sw;
      const kwFirst = (px + pl) % sw;
      const total = N * rows * cols;
      for (let q0 = 0; q0 < total; q0 += 6) {
        const valid = min(6, total - q0);
        // Output pixel of each tile position; positions past the end repeat the last pixel.
        let q = q0;
        let j = q % cols;
        let r = q / cols;
        let i = r % rows;
        const n0 = r / rows, y0 = py + sh * i, x0 = px + sw * j;
        q = q0 + min(1, valid - 1);
        j = q % cols;
        r = q / cols;
        i = r % rows;
        const n1 = r / rows, y1 = py + sh * i, x1 = px + sw * j;
        q = q0 + min(2, valid - 1);
        j = q % cols;
        r = q / cols;
        i = r % rows;
        const n2 = r / rows, y2 = py + sh * i, x2 = px + sw * j;
        q = q0 + min(3, valid - 1);
        j = q % cols;
        r = q / cols;
        i = r % rows;
        const n3 = r / rows, y3 = py + sh * i, x3 = px + sw * j;
        q = q0 + min(4, valid - 1);
        j = q % cols;
        r = q / cols;
        i = r % rows;
        const n4 = r / rows, y4 = py + sh * i, x4 = px + sw * j;
        q = q0 + min(5, valid - 1);
        j = q % cols;
        r = q / cols;
        i = r % rows;
        const n5 = r / rows, y5 = py + sh * i, x5 = px + sw * j;
        for (let c0 = 0; c0 < C; c0 += 8) {
          let a00 = f32x4.splat(0), a01 = f32x4.splat(0);
          let a10 = f32x4.splat(0), a11 = f32x4.splat(0);
          let a20 = f32x4.splat(0), a21 = f32x4.splat(0);
          let a30 = f32x4.splat(0), a31 = f32x4.splat(0);
          let a40 = f32x4.splat(0), a41 = f32x4.splat(0);
          let a50 = f32x4.splat(0), a51 = f32x4.splat(0);
          for (let kh = khFirst; kh < KH; kh += sh) {
            for (let kw = kwFirst; kw < KW; kw += sw) {
              // The dy pixel each tile pixel reads at this tap (rows and columns are exact
              // multiples of the stride by the choice of taps).
              let p0 = zeros, p1 = zeros, p2 = zeros, p3 = zeros, p4 = zeros, p5 = zeros;
              let th = y0 + pt - kh, tw = x0 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p0 = dy + bytes(((n0 * OH + th / sh) * OW + tw / sw) * CO);
              }
              th = y1 + pt - kh;
              tw = x1 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p1 = dy + bytes(((n1 * OH + th / sh) * OW + tw / sw) * CO);
              }
              th = y2 + pt - kh;
              tw = x2 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p2 = dy + bytes(((n2 * OH + th / sh) * OW + tw / sw) * CO);
              }
              th = y3 + pt - kh;
              tw = x3 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p3 = dy + bytes(((n3 * OH + th / sh) * OW + tw / sw) * CO);
              }
              th = y4 + pt - kh;
              tw = x4 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p4 = dy + bytes(((n4 * OH + th / sh) * OW + tw / sw) * CO);
              }
              th = y5 + pt - kh;
              tw = x5 + pl - kw;
              if (th >= 0 && th < sh * OH && tw >= 0 && tw < sw * OW) {
                p5 = dy + bytes(((n5 * OH + th / sh) * OW + tw / sw) * CO);
              }
              let pw = wt + bytes((kh * KW + kw) * CO * C + c0);
              for (let co = 0; co < CO; co++) {
                const w0 = v128.load(pw), w1 = v128.load(pw, 16);
                let s = v128.load32_splat(p0);
                a00 = madd(s, w0, a00);
                a01 = madd(s, w1, a01);
                s = v128.load32_splat(p1);
                a10 = madd(s, w0, a10);
                a11 = madd(s, w1, a11);
                s = v128.load32_splat(p2);
                a20 = madd(s, w0, a20);
                a21 = madd(s, w1, a21);
                s = v128.load32_splat(p3);
                a30 = madd(s, w0, a30);
                a31 = madd(s, w1, a31);
                s = v128.load32_splat(p4);
                a40 = madd(s, w0, a40);
                a41 = madd(s, w1, a41);
                s = v128.load32_splat(p5);
                a50 = madd(s, w0, a50);
                a51 = madd(s, w1, a51);
                p0 += 4;
                p1 += 4;
                p2 += 4;
                p3 += 4;
                p4 += 4;
                p5 += 4;
                pw += wStep;
              }
            }
          }
          const at = bytes(c0);
          let o = dx + bytes(((n0 * H + y0) * W + x0) * C) + at;
          v128.store(o, a00);
          v128.store(o, a01, 16);
          if (valid > 1) {
            o = dx + bytes(((n1 * H + y1) * W + x1) * C) + at;
            v128.store(o, a10);
            v128.store(o, a11, 16);
          }
          if (valid > 2) {
            o = dx + bytes(((n2 * H + y2) * W + x2) * C) + at;
            v128.store(o, a20);
            v128.store(o, a21, 16);
          }
          if (valid > 3) {
            o = dx + bytes(((n3 * H + y3) * W + x3) * C) + at;
            v128.store(o, a30);
            v128.store(o, a31, 16);
          }
          if (valid > 4) {
            o = dx + bytes(((n4 * H + y4) * W + x4) * C) + at;
            v128.store(o, a40);
            v128.store(o, a41, 16);
          }
          if (valid > 5) {
            o = dx + bytes(((n5 * H + y5) * W + x5) * C) + at;
            v128.store(o, a50);
            v128.store(o, a51, 16);
          }
        }
      }
    }
  }
}

// Matrix product c[m, n] = Σ_k A(m, k) · b[k·N + n] for m < M, n < N, with A(m, k) =
// a[m·rowStride + k·columnStride] (so A may be a transposed view), b row-major [K, N] and c
// row-major [M, N]. Tiles of 4 rows × 8 columns, then 4 columns, then single columns.
export function matmul(
  a: usize,
  b: usize,
  c: usize,
  M: i32,
  N: i32,
  K: i32,
  rowStride: i32,
  columnStride: i32,
): void {
  const kStep = bytes(columnStride);
  const bStep = bytes(N);
  const wide = N & ~7;
  const narrow = N & ~3;
  for (let m0 = 0; m0 < M; m0 += 4) {
    const valid = min(4, M - m0);
    const r0 = a + bytes(m0 * rowStride);
    const r1 = a + bytes((m0 + min(1, valid - 1)) * rowStride);
    const r2 = a + bytes((m0 + min(2, valid - 1)) * rowStride);
    const r3 = a + bytes((m0 + min(3, valid - 1)) * rowStride);
    const out = c + bytes(m0 * N);
    const cs = bytes(N);
    for (let n = 0; n < wide; n += 8) {
      let a00 = f32x4.splat(0), a01 = f32x4.splat(0);
      let a10 = f32x4.splat(0), a11 = f32x4.splat(0);
      let a20 = f32x4.splat(0), a21 = f32x4.splat(0);
      let a30 = f32x4.splat(0), a31 = f32x4.splat(0);
      let p0 = r0, p1 = r1, p2 = r2, p3 = r3;
      let pb = b + bytes(n);
      for (let k = 0; k < K; k++) {
        const w0 = v128.load(pb), w1 = v128.load(pb, 16);
        let s = v128.load32_splat(p0);
        a00 = madd(s, w0, a00);
        a01 = madd(s, w1, a01);
        s = v128.load32_splat(p1);
        a10 = madd(s, w0, a10);
        a11 = madd(s, w1, a11);
        s = v128.load32_splat(p2);
        a20 = madd(s, w0, a20);
        a21 = madd(s, w1, a21);
        s = v128.load32_splat(p3);
        a30 = madd(s, w0, a30);
        a31 = madd(s, w1, a31);
        p0 += kStep;
        p1 += kStep;
        p2 += kStep;
        p3 += kStep;
        pb += bStep;
      }
      const o = out + bytes(n);
      v128.store(o, a00);
      v128.store(o, a01, 16);
      if (valid > 1) {
        v128.store(o + cs, a10);
        v128.store(o + cs, a11, 16);
      }
      if (valid > 2) {
        v128.store(o + 2 * cs, a20);
        v128.store(o + 2 * cs, a21, 16);
      }
      if (valid > 3) {
        v128.store(o + 3 * cs, a30);
        v128.store(o + 3 * cs, a31, 16);
      }
    }
    for (let n = wide; n < narrow; n += 4) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      let p0 = r0, p1 = r1, p2 = r2, p3 = r3;
      let pb = b + bytes(n);
      for (let k = 0; k < K; k++) {
        const w = v128.load(pb);
        a0 = madd(v128.load32_splat(p0), w, a0);
        a1 = madd(v128.load32_splat(p1), w, a1);
        a2 = madd(v128.load32_splat(p2), w, a2);
        a3 = madd(v128.load32_splat(p3), w, a3);
        p0 += kStep;
        p1 += kStep;
        p2 += kStep;
        p3 += kStep;
        pb += bStep;
      }
      const o = out + bytes(n);
      v128.store(o, a0);
      if (valid > 1) v128.store(o + cs, a1);
      if (valid > 2) v128.store(o + 2 * cs, a2);
      if (valid > 3) v128.store(o + 3 * cs, a3);
    }
    for (let n = narrow; n < N; n++) {
      for (let i = 0; i < valid; i++) {
        let p = a + bytes((m0 + i) * rowStride);
        let pb = b + bytes(n);
        let sum: f32 = 0;
        for (let k = 0; k < K; k++) {
          sum += load<f32>(p) * load<f32>(pb);
          p += kStep;
          pb += bStep;
        }
        store<f32>(out + bytes(i * N + n), sum);
      }
    }
  }
}

// Matrix product with b transposed: c[m, n] = Σ_k a[m·K + k] · b[n·K + k] (a [M, K], b [N, K],
// c [M, N], all row-major), as dot products over k, 4 columns n at a time. For long sums (K ≥ 64).
export function matmulTransposedB(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32): void {
  const wideK = K & ~3;
  const rowBytes = bytes(K);
  for (let m = 0; m < M; m++) {
    const pa = a + bytes(m * K);
    let n = 0;
    for (; n + 4 <= N; n += 4) {
      const b0 = b + bytes(n * K);
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let k = 0; k < wideK; k += 4) {
        const at = bytes(k);
        const x = v128.load(pa + at);
        s0 = madd(x, v128.load(b0 + at), s0);
        s1 = madd(x, v128.load(b0 + rowBytes + at), s1);
        s2 = madd(x, v128.load(b0 + 2 * rowBytes + at), s2);
        s3 = madd(x, v128.load(b0 + 3 * rowBytes + at), s3);
      }
      let t0 = horizontalSum(s0), t1 = horizontalSum(s1);
      let t2 = horizontalSum(s2), t3 = horizontalSum(s3);
      for (let k = wideK; k < K; k++) {
        const x = load<f32>(pa + bytes(k));
        t0 += x * load<f32>(b0 + bytes(k));
        t1 += x * load<f32>(b0 + rowBytes + bytes(k));
        t2 += x * load<f32>(b0 + 2 * rowBytes + bytes(k));
        t3 += x * load<f32>(b0 + 3 * rowBytes + bytes(k));
      }
      const o = c + bytes(m * N + n);
      store<f32>(o, t0);
      store<f32>(o, t1, 4);
      store<f32>(o, t2, 8);
      store<f32>(o, t3, 12);
    }
    for (; n < N; n++) {
      const pb = b + bytes(n * K);
      let s = f32x4.splat(0);
      for (let k = 0; k < wideK; k += 4) {
        s = madd(v128.load(pa + bytes(k)), v128.load(pb + bytes(k)), s);
      }
      let t = horizontalSum(s);
      for (let k = wideK; k < K; k++) t += load<f32>(pa + bytes(k)) * load<f32>(pb + bytes(k));
      store<f32>(c + bytes(m * N + n), t);
    }
  }
}

function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) +
    f32x4.extract_lane(v, 3);
}
