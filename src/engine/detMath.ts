/**
 * Deterministic elementary functions.
 *
 * ECMAScript lets engines approximate Math.log, Math.exp and friends as they like, so V8,
 * SpiderMonkey and JavaScriptCore may disagree in the last bit, and a single differing bit in a
 * service time changes the whole trace. These functions use only operations IEEE 754 defines
 * exactly (+, -, *, /, comparisons, and exact power-of-two scaling), evaluated in a fixed order,
 * so every engine produces the same bits.
 */

export const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const TWO_POW_32 = 4294967296;

/** ln(m) for m in [sqrt(1/2), sqrt(2)] via 2·atanh(s), s = (m-1)/(m+1), |s| < 0.1716. */
function lnReduced(m: number): number {
  const s = (m - 1) / (m + 1);
  const z = s * s;
  // Horner form of s·(2 + 2z/3 + 2z²/5 + ...), 12 terms: truncation error < 1e-18.
  let p = 2 / 23;
  p = p * z + 2 / 21;
  p = p * z + 2 / 19;
  p = p * z + 2 / 17;
  p = p * z + 2 / 15;
  p = p * z + 2 / 13;
  p = p * z + 2 / 11;
  p = p * z + 2 / 9;
  p = p * z + 2 / 7;
  p = p * z + 2 / 5;
  p = p * z + 2 / 3;
  p = p * z + 2;
  return s * p;
}

/**
 * Natural log of a positive integer below 2^32. This is the hot path: exponential variates are
 * built from ln((x + 1) / 2^32) = ln(x + 1) - 32·ln 2, and Math.clz32 finds the exponent exactly.
 */
export function lnUint32(n: number): number {
  let e = 31 - Math.clz32(n);
  // Multiplying by the exact power 2^-e is exact, and cheaper than dividing by 2^e.
  let m = n * POW2[POW2_BIAS - e]!;
  if (m > SQRT2) {
    m = m / 2;
    e += 1;
  }
  return e * LN2 + lnReduced(m);
}

/** ln(u) for u = k / 2^32 with k an integer in [1, 2^32]. */
export function lnUnitFraction(k: number): number {
  if (k >= TWO_POW_32) return 0;
  return lnUint32(k) - 32 * LN2;
}

// Exact powers of two from 2^-1074 .. 2^1023, built by repeated exact doubling/halving.
const POW2_BIAS = 1074;
const POW2: number[] = buildPow2();
function buildPow2(): number[] {
  const out = new Array<number>(POW2_BIAS + 1024);
  out[POW2_BIAS] = 1;
  for (let i = 1; i <= 1023; i++) out[POW2_BIAS + i] = out[POW2_BIAS + i - 1]! * 2;
  for (let i = 1; i <= 1074; i++) out[POW2_BIAS - i] = out[POW2_BIAS - i + 1]! / 2;
  return out;
}

/** 2^k for an integer k, exactly (0 or Infinity beyond the double range). */
export function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1074) return 0;
  return POW2[k + POW2_BIAS]!;
}

/** Split a positive finite x into m·2^e with m in [1, 2), using only exact scaling. */
function frexp(x: number): { m: number; e: number } {
  let e = 0;
  let m = x;
  // Coarse steps first so even subnormals take few iterations.
  while (m >= 4294967296) {
    m = m / 4294967296;
    e += 32;
  }
  while (m < 1 / 4294967296) {
    m = m * 4294967296;
    e -= 32;
  }
  while (m >= 2) {
    m = m / 2;
    e += 1;
  }
  while (m < 1) {
    m = m * 2;
    e -= 1;
  }
  return { m, e };
}

/** Natural logarithm of a positive finite double; NaN for x <= 0. */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return x === Infinity ? Infinity : NaN;
  const f = frexp(x);
  let m = f.m;
  let e = f.e;
  if (m > SQRT2) {
    m = m / 2;
    e += 1;
  }
  return e * LN2 + lnReduced(m);
}

/** e^x with x = k·ln2 + r, |r| <= ln2/2, and a 14-term Taylor series for e^r. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.78) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / LN2);
  // ln 2 split in two so that k·LN2_HI is exact for |k| < 2^20.
  const r = x - k * 0.6931471803691238 - k * 1.9082149292705877e-10;
  let p = 1 / 87178291200;
  p = p * r + 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 1 / 2;
  p = p * r + 1;
  p = p * r + 1;
  // Scale in two steps so a result near the subnormal range is not flushed early.
  const half = k >> 1;
  return p * pow2(half) * pow2(k - half);
}

/** Square root by Newton's method from an exact power-of-two estimate. */
export function sqrt(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0 || x === Infinity) return x;
  const f = frexp(x);
  // sqrt(m·2^e) = sqrt(m·2^(e mod 2))·2^(e div 2), with the first factor in [1, 2).
  const odd = f.e & 1;
  const mm = odd ? f.m * 2 : f.m;
  const half = (f.e - odd) / 2;
  let y = 0.5 * mm + 0.5; // tangent at 1: within 10% on [1, 4)
  // Quadratic convergence: 10% → 5e-3 → 1e-5 → 6e-11 → 2e-21, so six steps reach full precision.
  for (let i = 0; i < 6; i++) y = 0.5 * (y + mm / y);
  return y * pow2(half);
}
