/**
 * Colour maths for the photo checks: sRGB (8-bit, D65) → CIE XYZ → CIELAB, and the CIEDE2000 colour difference
 * (Sharma, Wu & Dalal 2005, "The CIEDE2000 color-difference formula: implementation notes …").
 * Pure functions over plain numbers; no allocation in the per-pixel helpers except the returned tuple.
 */

export type Rgb = readonly [number, number, number];
export type Lab = [number, number, number];

/** sRGB 0..255 → linear 0..1, as a lookup table (the per-pixel cost of a Lab conversion is then 3 loads + 3 cbrt). */
const LINEAR: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    t[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
  return t;
})();

/** D65 reference white (2° observer), Y = 1. */
const XN = 0.95047;
const YN = 1.0;
const ZN = 1.08883;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

function f(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** 8-bit sRGB (values clamped and rounded to 0..255) → CIELAB (D65): L* 0..100, a*, b* roughly −128..127. */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const R = LINEAR[clamp255(r)];
  const G = LINEAR[clamp255(g)];
  const B = LINEAR[clamp255(b)];
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / XN;
  const y = (0.2126729 * R + 0.7151522 * G + 0.072175 * B) / YN;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / ZN;
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** L* only (cheaper: luminance without chroma), 0..100. */
export function rgbToL(r: number, g: number, b: number): number {
  const y = 0.2126729 * LINEAR[clamp255(r)] + 0.7151522 * LINEAR[clamp255(g)] + 0.072175 * LINEAR[clamp255(b)];
  return 116 * f(y) - 16;
}

function clamp255(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

const DEG = Math.PI / 180;
const POW25_7 = 6103515625; // 25^7

/**
 * CIEDE2000 ΔE00 between two CIELAB colours (kL = kC = kH = 1).
 * Verified against the 34 test pairs published by Sharma et al. (tests/unit/features/photo/color.test.ts).
 */
export function deltaE2000(lab1: readonly number[], lab2: readonly number[]): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const Cbar7 = Math.pow(Cbar, 7);
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h1p = hueDeg(b1, a1p);
  const h2p = hueDeg(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * DEG);

  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) hbarp = (h1p + h2p + 360) / 2;
    else hbarp = (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbarp - 30) * DEG) +
    0.24 * Math.cos(2 * hbarp * DEG) +
    0.32 * Math.cos((3 * hbarp + 6) * DEG) -
    0.2 * Math.cos((4 * hbarp - 63) * DEG);
  const dTheta = 30 * Math.exp(-Math.pow((hbarp - 275) / 25, 2));
  const Cbarp7 = Math.pow(Cbarp, 7);
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + POW25_7));
  const l50 = (Lbarp - 50) * (Lbarp - 50);
  const SL = 1 + (0.015 * l50) / Math.sqrt(20 + l50);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;
  const tL = dLp / SL;
  const tC = dCp / SC;
  const tH = dHp / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

function hueDeg(b: number, ap: number): number {
  if (b === 0 && ap === 0) return 0;
  const h = Math.atan2(b, ap) / DEG;
  return h < 0 ? h + 360 : h;
}

/** ΔE00 between two 8-bit sRGB colours. */
export function deltaERgb(c1: Rgb, c2: Rgb): number {
  return deltaE2000(rgbToLab(c1[0], c1[1], c1[2]), rgbToLab(c2[0], c2[1], c2[2]));
}

/** Chroma C*ab of a Lab colour. */
export function chroma(lab: readonly number[]): number {
  return Math.hypot(lab[1], lab[2]);
}
