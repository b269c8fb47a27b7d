/**
 * Pure-arithmetic math for anything that decides event times. V8 versions disagree in the last bit
 * for Math.log/exp/pow, so Node and Chromium would drift apart; these use only IEEE + - * / and bit
 * access, which are exact everywhere.
 */
const buf = new ArrayBuffer(8);
const f64 = new Float64Array(buf);
const u32 = new Uint32Array(buf);
// Little-endian on every platform this runs on (x86, ARM): word 1 is the high word.
const HI = 1;
const LO = 0;

const ln2_hi = 6.9314718036912381649e-1;
const ln2_lo = 1.90821492927058770002e-10;
const two54 = 1.8014398509481984e16;
const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/** Natural logarithm, a port of fdlibm's __ieee754_log (bit-identical to Node 20's Math.log). */
export function log(x: number): number {
  f64[0] = x;
  let hx = u32[HI]! | 0;
  const lx = u32[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    f64[0] = x;
    hx = u32[HI]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  f64[0] = x;
  u32[HI] = hx | (i0 ^ 0x3ff00000);
  x = f64[0]!;
  k += i0 >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) {
      if (k === 0) return 0;
      const dk = k;
      return dk * ln2_hi + dk * ln2_lo;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    const dk = k;
    return dk * ln2_hi - (R - dk * ln2_lo - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f);
}

/** An exponentially distributed sample with the given mean, from a uniform u in [0, 1). */
export function exponential(u: number, mean: number): number {
  return -log(1 - u) * mean;
}

const TWO_PI = 6.283185307179586;

/** Cosine by range reduction and a Taylor polynomial: only + - * /, so every engine agrees (to ~1e-15). */
export function cos(x: number): number {
  let r = x - Math.floor(x / TWO_PI) * TWO_PI; // [0, 2π)
  let sign = 1;
  if (r > Math.PI) r = TWO_PI - r; // cos is even about π
  if (r > Math.PI / 2) {
    r = Math.PI - r;
    sign = -1;
  }
  const r2 = r * r;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 12; k++) {
    term *= -r2 / ((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sign * sum;
}
