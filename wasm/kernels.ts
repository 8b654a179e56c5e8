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
// Tiles of 4 input × 8 output channels keep their sums in registers while the pixels of a chunk
// of `chunkRows` rows of dy stream past (a chunk of x and dy stays in the cache for all taps and
// tiles). Leftover channels (C mod 4, CO mod 8) take narrower loops.
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
  const wideC = C & ~3;
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
          const wide = ci < wideC;
          for (let co = 0; co < wideCO; co += 8) {
            const out = tap + bytes(ci * CO + co);
            if (wide) {
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
          const tileEnd = wide ? ci + 4 : ci + 1;
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
