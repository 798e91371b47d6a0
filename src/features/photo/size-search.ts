/**
 * Quality search for the 480×640 photo: the platform wants 20–40 KB (we use 20,480 ≤ bytes ≤ 40,000), and we want
 * an honest JPEG: quality ≥ 60, the real pixel size, no bytes padded after EOI, no shrinking.
 *
 * Pure: works over an injected `encode(quality, variant)`; the variant says which chroma subsampling and how much
 * (background) noise reduction the caller's encoder applies. The policy, in order:
 *   1. 4:2:0, no denoise: the highest whole-percent quality in 60..100 whose file is ≤ maxBytes.
 *      Search: Newton/secant steps on (ln(101 − q), ln bytes) that aim just past the limit, each clamped to the
 *      range from which plain bisection could still finish within the budget: never more than 7 encodes
 *      (⌈log2 42⌉ = 6 for bisection plus the first guess); on the shared photos 2–6, mean ≈ 3.4.
 *   2. Even q 60 too big → retry with denoise levels 1, 2, 3 (the caller's encoder applies an edge-preserving
 *      noise filter: in full on the background, only lightly on the person) and search again.
 *   3. Even q 100 too small → 4:2:2, then 4:4:4 (more chroma detail: honest bytes); search again there.
 *   4. Otherwise a failure code — never padding, never q < 60, never another pixel size.
 * The size curve is "monotone-ish": we only ever accept a probe that we actually encoded and measured, so a
 * non-monotonic step can cost a little quality, never a wrong size.
 */
import { PHOTO_SPEC } from './photo-spec.ts';

export type SearchSubsampling = '4:2:0' | '4:2:2' | '4:4:4';

export interface EncodeVariant {
  subsampling: SearchSubsampling;
  /** 0 = pixels as they are; 1..3 = increasingly strong, honest noise / background smoothing by the caller. */
  denoise: number;
}

export type EncodeFn = (quality: number, variant: EncodeVariant) => Uint8Array;

export interface SizeSearchOptions {
  minBytes?: number; // default 20_480
  maxBytes?: number; // default 40_000
  minQuality?: number; // default 60
  maxQuality?: number; // default 100
  /** Encodes allowed for one variant's search (default 7). */
  budgetPerVariant?: number;
  /** Encodes allowed in total over all fallbacks (default 20). */
  totalBudget?: number;
  /** Highest denoise level the encoder supports (default 3; 0 disables the denoise path). */
  maxDenoise?: number;
  /** Quality to try first (default 88, about where a typical portrait lands). */
  firstGuess?: number;
}

export interface SearchStep {
  quality: number;
  subsampling: SearchSubsampling;
  denoise: number;
  bytes: number;
}

export type SizeSearchFailure =
  /** Even quality 60 with the strongest denoise is above maxBytes. */
  | 'too-large'
  /** Even quality 100 with 4:4:4 is below minBytes (an almost flat picture). */
  | 'too-small'
  /** Ran out of encodes (should not happen with the defaults). */
  | 'budget'
  /** A step size jumps over the whole window (pathological). */
  | 'no-fit';

export interface SizeSearchResult {
  ok: boolean;
  /** The chosen file (ok), or the closest attempt (failure), or null. */
  bytes: Uint8Array | null;
  quality: number;
  subsampling: SearchSubsampling;
  denoise: number;
  /** Number of encodes performed. */
  encodes: number;
  steps: SearchStep[];
  failure?: SizeSearchFailure;
}

interface Probe {
  q: number;
  size: number;
  data: Uint8Array;
}

interface VariantOutcome {
  /** Highest probed quality with size ≤ max (and its data). */
  best: Probe | null;
  /** Lowest quality known to be over max. */
  over: Probe | null;
  /** The probe at the lowest quality tried / at max quality. */
  probes: Probe[];
}

/**
 * Find the highest q in [qLo, qHi] with size(q) ≤ max, using at most `budget` encodes. Known facts are kept as a
 * bracket: `good` (≤ max) and `bad` (> max). Next probe: secant on log(size) inside the bracket, unless the budget
 * left would not suffice for plain bisection of what remains — then bisect.
 */
/**
 * Measured on the shared portraits (4:2:0, optimised Huffman): log(bytes) is close to linear in
 * u = ln(101 − q) with slope ≈ −0.65 over q 60..97 (the IJG quantiser step is ∝ 100 − q there).
 */
const U = (q: number) => Math.log(101 - q);
const Q = (u: number) => 101 - Math.exp(u);
const SLOPE = 0.65;

function searchVariant(encodeAt: (q: number) => Probe, qLo: number, qHi: number, max: number, budget: number, firstGuess: number): VariantOutcome {
  const probes: Probe[] = [];
  let good: Probe | null = null; // highest q known ≤ max
  let bad: Probe | null = null; // lowest q known > max
  let used = 0;
  const lo = () => (good ? good.q + 1 : qLo); // smallest undecided candidate
  const hi = () => (bad ? bad.q - 1 : qHi); // largest undecided candidate
  while (used < budget) {
    const a = lo(), b = hi();
    if (a > b) break; // decided: good is the answer (or nothing fits)
    // Outcomes still possible: 'a − 1' (the known good one is the top, or nothing fits) or any of a..b. A probe
    // at q leaves b − q + 1 outcomes if it fits and q − a + 1 if not; both must be decidable by plain bisection
    // with the encodes left after it (2^left outcomes), which bounds the probe to [safeLo, safeHi].
    const left = budget - used - 1;
    const span = 2 ** left;
    const safeLo = Math.max(a, b + 1 - span), safeHi = Math.min(b, a - 1 + span);
    let q: number;
    const mustBisect = safeLo > safeHi; // cannot happen while the invariant holds; bisect anyway
    if (probes.length === 0 && !mustBisect) {
      q = firstGuess;
    } else if (!mustBisect) {
      // Newton-like step from the bracket end nearest to max (in log size), with the slope in (u, log size)
      // measured between the bracket ends (or the last two probes, or the typical slope), aiming a little past max
      // on the far side so that the next probe tends to close the bracket
      let slope = SLOPE;
      const [x, y] = good && bad ? [good, bad] : probes.length >= 2 ? probes.slice(-2) : [null, null];
      if (x && y && x.q !== y.q) {
        const m = (Math.log(y.size) - Math.log(x.size)) / (U(x.q) - U(y.q));
        if (Number.isFinite(m) && m > 0.2 && m < 2) slope = m;
      }
      const lm = Math.log(max);
      const p = !bad || (good && lm - Math.log(good.size) <= Math.log(bad.size) - lm) ? good! : bad;
      const aim = p.size <= max ? max * 1.04 : max * 0.97;
      q = Math.floor(Q(U(p.q) - Math.log(aim / p.size) / slope));
    } else {
      // the outcomes left are a-1 ('good' is the answer, or nothing fits) .. b: split them in halves
      q = a - 1 + Math.ceil((b - a + 2) / 2);
    }
    q = mustBisect ? Math.min(b, Math.max(a, q)) : Math.min(safeHi, Math.max(safeLo, q));
    const p = encodeAt(q);
    used++;
    probes.push(p);
    if (p.size <= max) {
      if (!good || p.q > good.q) good = p;
    } else if (!bad || p.q < bad.q) bad = p;
    // a non-monotonic measurement: a good probe above a bad one — trust the higher good one, drop the bracket end
    if (good && bad && good.q > bad.q) bad = null;
  }
  return { best: good, over: bad, probes };
}

export function searchSize(encode: EncodeFn, opts: SizeSearchOptions = {}): SizeSearchResult {
  const min = opts.minBytes ?? PHOTO_SPEC.bytesPass.min;
  const max = opts.maxBytes ?? PHOTO_SPEC.bytesPass.max;
  const qMin = opts.minQuality ?? PHOTO_SPEC.minQuality.value;
  const qMax = opts.maxQuality ?? 100;
  const perVariant = opts.budgetPerVariant ?? 7;
  const total = opts.totalBudget ?? 20;
  const maxDenoise = opts.maxDenoise ?? 3;
  const firstGuess = opts.firstGuess ?? 88;
  const steps: SearchStep[] = [];
  let encodes = 0;

  const run = (variant: EncodeVariant, guess: number): VariantOutcome | null => {
    const budget = Math.min(perVariant, total - encodes);
    if (budget <= 0) return null;
    const memo = new Map<number, Probe>();
    return searchVariant(
      (q) => {
        const hit = memo.get(q);
        if (hit) return hit;
        const data = encode(q, variant);
        encodes++;
        const p = { q, size: data.length, data };
        memo.set(q, p);
        steps.push({ quality: q, subsampling: variant.subsampling, denoise: variant.denoise, bytes: data.length });
        return p;
      },
      qMin,
      qMax,
      max,
      budget,
      guess,
    );
  };

  const done = (p: Probe, v: EncodeVariant): SizeSearchResult => ({
    ok: true,
    bytes: p.data,
    quality: p.q,
    subsampling: v.subsampling,
    denoise: v.denoise,
    encodes,
    steps,
  });
  const fail = (failure: SizeSearchFailure, p: Probe | null, v: EncodeVariant): SizeSearchResult => ({
    ok: false,
    bytes: p ? p.data : null,
    quality: p ? p.q : 0,
    subsampling: v.subsampling,
    denoise: v.denoise,
    encodes,
    steps,
    failure,
  });

  // 1. + 2.: 4:2:0 with increasing denoise while even the lowest quality is too big
  let v: EncodeVariant = { subsampling: '4:2:0', denoise: 0 };
  let r = run(v, firstGuess);
  if (!r) return fail('budget', null, v);
  for (let d = 1; !r.best && d <= maxDenoise; d++) {
    const tooBigAtMin = r.over && r.over.q === qMin;
    if (!tooBigAtMin) break; // budget ran out before deciding
    v = { subsampling: '4:2:0', denoise: d };
    const next = run(v, qMin);
    if (!next) return fail('budget', r.over, v);
    r = next;
  }
  if (!r.best) {
    const tooBig = r.over && r.over.q === qMin;
    return fail(tooBig ? 'too-large' : 'budget', r.over, v);
  }
  if (r.best.size >= min) return done(r.best, v);

  // 3. too small: if the best is at the top quality, more chroma detail; else the curve jumps over the window
  if (r.best.q < qMax) {
    // size(best) < min but size(best+1) > max: look for anything in the window among the probes
    const any = r.probes.find((p) => p.size >= min && p.size <= max);
    return any ? done(any, v) : fail('no-fit', r.best, v);
  }
  let closest = r.best;
  for (const sub of ['4:2:2', '4:4:4'] as const) {
    v = { subsampling: sub, denoise: 0 };
    const s = run(v, qMax);
    if (!s) return fail('budget', closest, v);
    if (s.best && s.best.size >= min) return done(s.best, v);
    if (s.best && s.best.size > closest.size) closest = s.best;
    if (s.best && s.best.q < qMax) {
      const any = s.probes.find((p) => p.size >= min && p.size <= max);
      if (any) return done(any, v);
    }
  }
  return fail('too-small', closest, v);
}
