/**
 * The pure framing solver (P-GEO-HEADTOP, P-GEO-EYES, P-GEO-FACEW, P-GEO-CENTER; P-IMG-NOTRANSFORM).
 * Given the head top, eye line, face width and face centre in SOURCE pixels, choose one uniform scale s and an
 * offset so that in the 480 × 640 output all three vertical/size ranges hold with the largest margin (in output px)
 * and the face is centred. Only scale + crop + pad: never rotate, mirror or warp.
 *
 * With out = s · (src − origin):
 *   faceW = s·fw ∈ [180, 300],  headTop = s·ht − t ∈ [50, 110],  eyeY = s·ey − t ∈ [200, 300]   (t = s·y0)
 * For a fixed s the best t balances the head-top and eye margins in closed form; the overall margin is concave in
 * s, so a fine scan over s finds the maximum.
 */
import { PHOTO_SPEC } from './photo-spec.ts';

export interface FramingInput {
  srcWidth: number;
  srcHeight: number;
  headTopPx: number;
  eyeYPx: number;
  faceWidthPx: number;
  faceCenterXPx: number;
  /** Move the crop sideways (within the P-GEO-CENTER tolerance) to avoid a pad on one side (a cut shoulder). */
  avoidSidePad?: boolean;
}

export interface SourceRect {
  /** Source px; may extend outside the source (then padding is needed). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Framing {
  ok: true;
  /** Output px per source px. */
  scale: number;
  rect: SourceRect;
  /** Padding needed in OUTPUT px on each side (0 when the rectangle stays inside the source). */
  pad: { top: number; bottom: number; left: number; right: number };
  /** Predicted measurements in the 480 × 640 output. */
  out: { headTopPx: number; eyeYPx: number; faceWidthPx: number; faceCenterXPx: number };
  /** Smallest distance (px) of any of the three to the edge of its range. */
  marginPx: number;
  /** > 1 when the source is enlarged (low resolution). */
  upscale: number;
}

export type FramingFailCode = 'head-too-short' | 'head-too-long' | 'bad-input';

export interface FramingFailure {
  ok: false;
  code: FramingFailCode;
  /** (eye line − head top) / face width of the source, and the range that could be framed. */
  ratio: number;
  minRatio: number;
  maxRatio: number;
  /** The best (still out-of-range) framing, for showing the user what would happen. */
  best: Omit<Framing, 'ok'> | null;
}

export type FramingResult = Framing | FramingFailure;

/**
 * Least margins (px) kept inside every range when framing is traded to avoid padding under the shoulders, tried in
 * turn until the pad is at most BOTTOM_PAD_OK_PX. The fixed photo is measured again; when it lands outside a range,
 * the fixer frames once more from what the re-check measured.
 */
const BOTTOM_TRADE_MARGINS_PX = [10, 6, 3] as const;

/**
 * The trade stops at the first margin whose framing needs no pad under the body (≤ this, output px); otherwise it takes
 * the level with the least pad. Even the few px
 * the fixer may continue from the photo's last rows (compose CONTINUE_MAX_PX) repeat one row, which P-IMG-BORDER then
 * finds as a flat band at the edge (seen on b_man-curly-dark-bg: a 4 px pad measured as a 3 px border).
 */
const BOTTOM_PAD_OK_PX = 0.5;

/** Least distance (output px) kept inside the P-GEO-CENTER tolerance when the crop is moved sideways. */
const SIDE_SHIFT_MARGIN_PX = 8;

const OUT_W = PHOTO_SPEC.width.value;
const OUT_H = PHOTO_SPEC.height.value;
const H = PHOTO_SPEC.headTop;
const E = PHOTO_SPEC.eyes;
const F = PHOTO_SPEC.faceWidth;

/** Margin for scale s and best t; returns [margin, t]. */
function marginAt(s: number, ht: number, ey: number, fw: number): [number, number] {
  const A = Math.min(s * ht - H.min, s * ey - E.min); // decreasing in t
  const B = Math.min(H.max - s * ht, E.max - s * ey); // increasing in t (+t)
  const t = (A - B) / 2;
  const mv = (A + B) / 2;
  const mf = Math.min(s * fw - F.min, F.max - s * fw);
  return [Math.min(mv, mf), t];
}

export function solveFraming(input: FramingInput): FramingResult {
  const { headTopPx: ht, eyeYPx: ey, faceWidthPx: fw, faceCenterXPx: cx, srcWidth, srcHeight } = input;
  const d = ey - ht;
  const minRatio = (E.min - H.max) / F.max; // 90 / 300
  const maxRatio = (E.max - H.min) / F.min; // 250 / 180
  if (!(fw >= 1) || !(d >= 0.5) || !Number.isFinite(ht + ey + fw + cx) || !(srcWidth > 0) || !(srcHeight > 0)) {
    return { ok: false, code: 'bad-input', ratio: fw > 0 ? d / fw : NaN, minRatio, maxRatio, best: null };
  }
  // Scan s over a range wide enough to contain the optimum and the best compromise.
  const sLo = Math.min(F.min / fw, (E.min - H.max) / d) * 0.5;
  const sHi = Math.max(F.max / fw, (E.max - H.min) / d) * 1.5;
  let bestS = sLo;
  let bestM = -Infinity;
  const N = 4000;
  for (let i = 0; i <= N; i++) {
    const s = sLo + ((sHi - sLo) * i) / N;
    const [m] = marginAt(s, ht, ey, fw);
    if (m > bestM + 1e-9) {
      bestM = m;
      bestS = s;
    }
  }
  // Refine: centre of the plateau around the best s (ties → the middle, i.e. aim near the middle of the ranges).
  let lo = bestS, hi = bestS;
  const dS = (sHi - sLo) / N;
  while (marginAt(lo - dS, ht, ey, fw)[0] >= bestM - 1e-6 && lo - dS > 0) lo -= dS;
  while (marginAt(hi + dS, ht, ey, fw)[0] >= bestM - 1e-6) hi += dS;
  const s = (lo + hi) / 2;
  const [m, t] = marginAt(s, ht, ey, fw);
  const framing = build(s, t, m, input);
  if (m < 0) {
    return { ok: false, code: d / fw < minRatio ? 'head-too-short' : 'head-too-long', ratio: d / fw, minRatio, maxRatio, best: framing };
  }
  // the pad the trade works on: under the body, and with `avoidSidePad` also beside it (what the side shift leaves)
  const padOf = (sc: number, bottom: number) => (input.avoidSidePad ? Math.max(bottom, sidePadAfterShift(sc)) : bottom);
  const own = padOf(s, framing.pad.bottom);
  if (own > 0.5) {
    // Padding under the shoulders cannot be filled honestly (it would continue the background under the body, which
    // reads as an added band). Trade margin for it: keep every range at least BOTTOM_TRADE_MARGINS_PX[0] inside (or the
    // best margin when that is smaller) and, among such framings, take the one with the least bottom padding —
    // a larger scale and/or a crop moved up (padding above the hair is just more background). When that still needs
    // more than BOTTOM_PAD_OK_PX, the smaller margins are tried in turn: a framing nearer the edge of a range is still
    // inside it, while a pad under the body is refused by the fixer.
    // the first margin level whose framing needs no pad; else the level with the least pad (ties: the larger margin)
    let pick: ReturnType<typeof leastBottom> = null;
    for (const level of BOTTOM_TRADE_MARGINS_PX) {
      const got = leastBottom(Math.min(m, level));
      if (got && (!pick || got.bottom < pick.bottom - 0.5)) pick = got;
      if (pick && pick.bottom <= BOTTOM_PAD_OK_PX) break;
    }
    if (pick && pick.bottom < own - 0.5) return { ok: true, ...build(pick.s, pick.t, pick.margin, input) };
  }
  return { ok: true, ...framing };

  /**
   * The sideways move (source px, + = right) that avoids a pad at one side only (a shoulder cut by the photo's edge),
   * within the centring tolerance less SIDE_SHIFT_MARGIN_PX: the face stays centred by P-GEO-CENTER.
   */
  function sideShift(sc: number): number {
    const w = OUT_W / sc, xc = cx - w / 2;
    const maxShift = (PHOTO_SPEC.centerTolerance.value - SIDE_SHIFT_MARGIN_PX) / sc;
    const padL = Math.max(0, -xc), padR = Math.max(0, xc + w - srcWidth);
    let shift = 0;
    if (padL > 0 && padR === 0) shift = Math.max(0, Math.min(padL, maxShift, srcWidth - (xc + w)));
    else if (padR > 0 && padL === 0) shift = -Math.max(0, Math.min(padR, maxShift, xc));
    return shift;
  }

  /** Output px of pad left at the side after `sideShift`. */
  function sidePadAfterShift(sc: number): number {
    const w = OUT_W / sc, x0 = cx - w / 2 + sideShift(sc);
    return Math.max(0, -x0, x0 + w - srcWidth) * sc;
  }

  /** Among the framings keeping every range at least `req` px inside: the least pad (`padOf`; ties: the largest margin). */
  function leastBottom(req: number): { s: number; t: number; bottom: number; margin: number } | null {
    let best: { s: number; t: number; bottom: number; margin: number } | null = null;
    for (let i = 0; i <= N; i++) {
      const sc = sLo + ((sHi - sLo) * i) / N;
      const A0 = Math.min(sc * ht - H.min, sc * ey - E.min);
      const B0 = Math.min(H.max - sc * ht, E.max - sc * ey);
      const mf = Math.min(sc * fw - F.min, F.max - sc * fw);
      if (mf < req) continue;
      const tMin = req - B0, tMax = A0 - req;
      if (tMin > tMax) continue;
      const tt = tMin;
      const bottom = padOf(sc, Math.max(0, tt + OUT_H - sc * srcHeight));
      const margin = Math.min(mf, A0 - tt, B0 + tt);
      if (!best || bottom < best.bottom - 0.5 || (Math.abs(bottom - best.bottom) <= 0.5 && margin > best.margin)) best = { s: sc, t: tt, bottom, margin };
    }
    return best;
  }

  function build(sc: number, tt: number, mm: number, inp: FramingInput): Omit<Framing, 'ok'> {
    const y0 = tt / sc;
    const xc = cx - OUT_W / 2 / sc;
    const w = OUT_W / sc;
    const shift = inp.avoidSidePad ? sideShift(sc) : 0; // source px the crop moves right (+) or left (−)
    const x0 = xc + shift;
    const rect = { x: x0, y: y0, width: w, height: OUT_H / sc };
    const pad = {
      top: Math.max(0, -y0 * sc),
      bottom: Math.max(0, (y0 + rect.height - srcHeight) * sc),
      left: Math.max(0, -x0 * sc),
      right: Math.max(0, (x0 + rect.width - srcWidth) * sc),
    };
    return {
      scale: sc,
      rect,
      pad,
      out: {
        headTopPx: sc * inp.headTopPx - tt,
        eyeYPx: sc * inp.eyeYPx - tt,
        faceWidthPx: sc * inp.faceWidthPx,
        faceCenterXPx: OUT_W / 2 - shift * sc,
      },
      marginPx: mm,
      upscale: sc,
    };
  }
}

/** Map a source point through a framing into output px. */
export function toOutput(f: Pick<Framing, 'scale' | 'rect'>, x: number, y: number): [number, number] {
  return [(x - f.rect.x) * f.scale, (y - f.rect.y) * f.scale];
}
