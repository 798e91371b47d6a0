// Matting benchmark with an exact truth (issue 14), shared by `npm run bench` (scripts/bench/matte.mjs) and the unit
// tests (tests/unit/fixer/matte-composites.test.ts).
//
// A "foreground" is a person with a known alpha α and premultiplied colour P = α·F, derived honestly from shared
// photos:
//   - `tri-man`: a_cn-man-red-replaced.jpg and a_cn-man-white-replaced.jpg are one foreground over two known flat
//     colours; two backgrounds give α per pixel (Smith & Blinn triangulation) and P = I − (1 − α)·B (mean of both).
//   - the plain-background portraits: the wall B is smooth (pull-push of the pixels that are clearly wall, coarse
//     cells), the person is what is not connected to the top/left/right border through wall-coloured pixels; in a
//     narrow band at its edge α is the projection of the colour on the local wall → person colour line, and
//     P = clamp(I − (1 − α)·B). So α·F + (1 − α)·B reproduces the photo by construction (no foreground colour is
//     guessed: only the premultiplied colour is used). Two mistakes of the wall's growth were seen on the α maps and
//     fixed (each changes only a_man-lightgrey-suit's α by more than a few px): it crept over the soft edge into the
//     light ear (`growWall`: only into shades of the wall) and down the white collar (`dropBrightTongues`); the
//     busy-plate figures before these fixes were scored on an earless, collar-cut truth.
// A composite places (α, P) scaled on a plate Q: C = P + (1 − α)·Q, plus mild sensor noise, saved as a JPEG
// (quality 90) larger than 480×640 — what a phone gives. Its exact truth on the target colour T is P + (1 − α)·T.
//
// No function here knows the fixer's internals: the fixer is called through `renderPhoto`/`solveFraming`, passed in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Foregrounds (id → shared photo(s)); category A photos with a recorded head top in ../shared/testdata/landmarks. */
export const FOREGROUNDS = [
  { id: 'tri-man', kind: 'triangulate', files: ['a_cn-man-red-replaced.jpg', 'a_cn-man-white-replaced.jpg'], shortSide: 960 },
  { id: 'grey-demo', kind: 'plain', files: ['a_man-grey-hivision-demo.jpg'], shortSide: 960 },
  { id: 'lightgrey-suit', kind: 'plain', files: ['a_man-lightgrey-suit.jpg'], shortSide: 1000 },
  { id: 'woman-blue', kind: 'plain', files: ['a_woman-blue-bg.jpg'], shortSide: 900 },
  { id: 'cn-grey-suit', kind: 'plain', files: ['a_cn-man-grey-suit.jpg'], shortSide: 960 },
  { id: 'white-glasses', kind: 'plain', files: ['a_man-white-glasses.jpg'], shortSide: 960 },
];

/** Plates: person-free busy photos, a crop of an event backdrop (letters), and plain but wrong walls. */
export const PLATES = [
  { id: 'landscape', kind: 'busy', file: 'd_landscape.jpg' },
  { id: 'dog-bicycle', kind: 'busy', file: 'd_dog-bicycle.jpg' },
  { id: 'backdrop', kind: 'busy', file: 'b_woman-event-backdrop.jpg', crop: { x: 1080, y: 520, width: 302, height: 780 } },
  { id: 'beige', kind: 'plain', top: [206, 190, 162], bottom: [188, 170, 140] },
  { id: 'dark', kind: 'plain', top: [58, 66, 60], bottom: [92, 96, 84] },
  // the most common real case: an ID photo on saturated red (or a red backdrop) made light blue — any α too high at
  // the edge shows as a red fringe
  { id: 'red', kind: 'plain', top: [216, 24, 32], bottom: [198, 16, 26] },
];

export const TARGET_BLUE = [100, 197, 255];

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function decodeFile(libs, path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const d = libs.jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { data: new Uint8Array(d.data.buffer, d.data.byteOffset, d.data.length), width: d.width, height: d.height };
  }
  const p = libs.PNG.sync.read(bytes);
  return { data: new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.length), width: p.width, height: p.height };
}

/** Flood fill from the top, left and right borders through pixels where `pass[i]` is 1; returns the reached map. */
function floodFromBorders(pass, w, h) {
  const seen = new Uint8Array(w * h);
  const stack = [];
  const push = (i) => {
    if (!seen[i] && pass[i]) {
      seen[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) push(x);
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  while (stack.length) {
    const i = stack.pop();
    const x = i % w, y = (i - x) / w;
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (y > 0) push(i - w);
    if (y < h - 1) push(i + w);
  }
  return seen;
}

/** Colour `v[j..j+2]` on the wall's colour line `B[i..i+2]` (bb = |B|² > 0): its shade s (v ≈ s·B) and how far off. */
function onWallLine(v, j, B, i, bb) {
  const b0 = B[i], b1 = B[i + 1], b2 = B[i + 2];
  const s = (v[j] * b0 + v[j + 1] * b1 + v[j + 2] * b2) / bb;
  return { s, off: Math.hypot(v[j] - s * b0, v[j + 1] - s * b1, v[j + 2] - s * b2) };
}

/**
 * Wall by region growing from the top/left/right borders: a pixel joins when it is close to the smooth wall field,
 * or when it continues its wall neighbour smoothly (step < 5 levels on a 3×3 mean), is not far from the field and
 * is a shade of it — a darker vignette corner is reached, a person's edge (a step) is not crossed. Without the shade
 * test the wall crept over the soft edge into a light pink ear beside a light grey wall (a_man-lightgrey-suit: the
 * ear's α was 0, the composites showed the plate through it).
 */
function growWall(rgb, B, w, h) {
  const n = w * h;
  const sm = new Float32Array(n * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 3; c++) {
        let s = 0, k = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy, xx = x + dx;
            if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
            s += rgb[(yy * w + xx) * 3 + c];
            k++;
          }
        sm[(y * w + x) * 3 + c] = s / k;
      }
  const far = (i) => Math.hypot(sm[i * 3] - B[i * 3], sm[i * 3 + 1] - B[i * 3 + 1], sm[i * 3 + 2] - B[i * 3 + 2]);
  // a shade of the wall: I ≈ s·B with little colour off that line, or much darker (a deep vignette shifts the hue:
  // a_woman-blue-bg's corners)
  const shading = (i) => {
    const bb = B[i * 3] ** 2 + B[i * 3 + 1] ** 2 + B[i * 3 + 2] ** 2;
    if (!(bb > 0)) return false;
    const { s, off } = onWallLine(sm, i * 3, B, i * 3, bb);
    return off < 12 || s < 0.8;
  };
  const seen = new Uint8Array(n);
  const stack = [];
  const seed = (i) => {
    if (!seen[i] && far(i) < 20) {
      seen[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) seed(x);
  for (let y = 0; y < h; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  const join = (p, q) => {
    if (seen[q]) return;
    const f = far(q);
    const step = Math.hypot(sm[q * 3] - sm[p * 3], sm[q * 3 + 1] - sm[p * 3 + 1], sm[q * 3 + 2] - sm[p * 3 + 2]);
    if (f < 20 || (step < 5 && f < 70 && shading(q))) {
      seen[q] = 1;
      stack.push(q);
    }
  };
  while (stack.length) {
    const i = stack.pop();
    const x = i % w, y = (i - x) / w;
    if (x > 0) join(i, i - 1);
    if (x < w - 1) join(i, i + 1);
    if (y > 0) join(i, i - w);
    if (y < h - 1) join(i, i + w);
  }
  return seen;
}

/**
 * Two-pass distance transform (steps `axial` / `diagonal`) to the nearest pixel with seed[i] = 1. The benchmark keeps
 * its own (it must not share code with what it measures, src/lib/image/regions.ts).
 */
function distance(seed, w, h, axial, diagonal, none) {
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++) d[i] = seed[i] ? 0 : none;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let v = d[i];
      if (x > 0) v = Math.min(v, d[i - 1] + axial);
      if (y > 0) {
        v = Math.min(v, d[i - w] + axial);
        if (x > 0) v = Math.min(v, d[i - w - 1] + diagonal);
        if (x < w - 1) v = Math.min(v, d[i - w + 1] + diagonal);
      }
      d[i] = v;
    }
  for (let y = h - 1; y >= 0; y--)
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let v = d[i];
      if (x < w - 1) v = Math.min(v, d[i + 1] + axial);
      if (y < h - 1) {
        v = Math.min(v, d[i + w] + axial);
        if (x < w - 1) v = Math.min(v, d[i + w + 1] + diagonal);
        if (x > 0) v = Math.min(v, d[i + w - 1] + diagonal);
      }
      d[i] = v;
    }
  return d;
}

/** Chessboard distance. */
const chess = (seed, w, h) => distance(seed, w, h, 1, 1, w + h);

/** α and P from the red/white pair. */
function triangulate(red, white) {
  const { width: w, height: h } = red;
  const n = w * h;
  const corner = (img) =>
    [0, 1, 2].map((c) => {
      let s = 0;
      for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) s += img.data[(y * w + x) * 4 + c];
      return s / 400;
    });
  const Br = corner(red), Bw = corner(white);
  const dB = Br.map((v, c) => v - Bw[c]);
  const dB2 = dB.reduce((a, v) => a + v * v, 0);
  const alpha = new Float32Array(n), premul = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let c = 0; c < 3; c++) p += (red.data[i * 4 + c] - white.data[i * 4 + c]) * dB[c];
    let a = 1 - p / dB2;
    a = a < 0.004 ? 0 : a > 0.996 ? 1 : a; // JPEG noise of the two files (≈ 1 grey level)
    alpha[i] = a;
    for (let c = 0; c < 3; c++) {
      const v = (red.data[i * 4 + c] - (1 - a) * Br[c] + white.data[i * 4 + c] - (1 - a) * Bw[c]) / 2;
      premul[i * 3 + c] = Math.max(0, Math.min(255 * a, v));
    }
  }
  return { width: w, height: h, alpha, premul };
}

/**
 * A wall touching a white collar creeps down along it (white beside light grey: a smooth step, no hue change): a
 * narrow tongue of "wall" inside the shirt. Wall pixels brighter than the wall field (s > 1.03 on the field's colour
 * line) whose (2r+1)² neighbourhood is less than `minShare` wall are person, and so is what is then no longer
 * connected to the borders. Gaps between hair strands and a vignette's corners are not brighter than the wall, and
 * a wedge of wall at the frame's edge stays.
 */
function dropBrightTongues(wall, rgb, B, w, h, r = 12, minShare = 0.35) {
  const n = w * h;
  const S = new Float64Array((w + 1) * (h + 1)); // summed-area table of the wall
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += wall[y * w + x];
      S[(y + 1) * (w + 1) + x + 1] = S[y * (w + 1) + x + 1] + row;
    }
  }
  const keep = new Uint8Array(n);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!wall[i]) continue;
      keep[i] = 1;
      if (x < r || y < r || x >= w - r || y >= h - r) continue; // a wedge of wall at the frame's edge is wall
      const { s } = onWallLine(rgb, i * 3, B, i * 3, Math.max(1, B[i * 3] ** 2 + B[i * 3 + 1] ** 2 + B[i * 3 + 2] ** 2));
      if (s <= 1.03) continue;
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
      const sum = S[y1 * (w + 1) + x1] - S[y0 * (w + 1) + x1] - S[y1 * (w + 1) + x0] + S[y0 * (w + 1) + x0];
      if (sum < minShare * (y1 - y0) * (x1 - x0)) keep[i] = 0;
    }
  }
  return floodFromBorders(keep, w, h);
}

/** α and P from a portrait on a smooth plain wall (see the module comment). `pullPush` from src/features/photo/matte.ts. */
function plainForeground(img, pullPush) {
  const { width: w, height: h, data } = img;
  const n = w * h;
  // wall colour: median of the top corners
  const cs = [];
  const side = Math.max(4, Math.round(Math.min(w, h) * 0.05));
  for (let y = 0; y < side; y++) for (const x0 of [0, w - side]) for (let x = x0; x < x0 + side; x++) cs.push(y * w + x);
  const med = [0, 1, 2].map((c) => Float64Array.from(cs, (i) => data[i * 4 + c]).sort()[cs.length >> 1]);
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = data[i * 4 + c];
  const dist = (i, B) => Math.hypot(rgb[i * 3] - B[0], rgb[i * 3 + 1] - B[1], rgb[i * 3 + 2] - B[2]);
  // 1st pass: wall = connected to the border within 40 of the corner colour; a smooth wall field from it
  let pass = new Uint8Array(n);
  for (let i = 0; i < n; i++) pass[i] = dist(i, med) < 40 ? 1 : 0;
  let wall = floodFromBorders(pass, w, h);
  let wt = new Float32Array(n);
  for (let i = 0; i < n; i++) wt[i] = wall[i];
  let B = pullPush(rgb, wt, w, h, 4);
  // further passes against the smooth field so far (vignettes, gradients): the wall grows down the sides
  for (let it = 0; it < 5; it++) {
    pass = new Uint8Array(n);
    for (let i = 0; i < n; i++) pass[i] = Math.hypot(rgb[i * 3] - B[i * 3], rgb[i * 3 + 1] - B[i * 3 + 1], rgb[i * 3 + 2] - B[i * 3 + 2]) < 20 ? 1 : 0;
    wall = it < 4 ? floodFromBorders(pass, w, h) : growWall(rgb, B, w, h);
    for (let i = 0; i < n; i++) wt[i] = wall[i];
    B = pullPush(rgb, wt, w, h, 4);
  }
  wall = dropBrightTongues(wall, rgb, B, w, h);
  const person = new Uint8Array(n);
  for (let i = 0; i < n; i++) person[i] = wall[i] ? 0 : 1;
  const dOut = chess(person, w, h); // distance of wall pixels to the person
  const notPerson = new Uint8Array(n);
  for (let i = 0; i < n; i++) notPerson[i] = 1 - person[i];
  const dIn = chess(notPerson, w, h);
  wt = new Float32Array(n);
  for (let i = 0; i < n; i++) wt[i] = dOut[i] > 3 ? 1 : 0;
  B = pullPush(rgb, wt, w, h, 3);
  const fw = new Float32Array(n);
  for (let i = 0; i < n; i++) fw[i] = dIn[i] > 3 ? 1 : 0;
  const F = pullPush(rgb, fw, w, h, 1);
  const alpha = new Float32Array(n), premul = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    let a;
    if (dIn[i] > 3) a = 1;
    else if (dOut[i] > 3) a = 0;
    else {
      const dr = F[i * 3] - B[i * 3], dg = F[i * 3 + 1] - B[i * 3 + 1], db = F[i * 3 + 2] - B[i * 3 + 2];
      const d2 = dr * dr + dg * dg + db * db;
      const ramp = person[i] ? 0.5 + dIn[i] / 8 : 0.5 - dOut[i] / 8;
      if (d2 < 40 * 40) a = ramp;
      else a = ((rgb[i * 3] - B[i * 3]) * dr + (rgb[i * 3 + 1] - B[i * 3 + 1]) * dg + (rgb[i * 3 + 2] - B[i * 3 + 2]) * db) / d2;
    }
    a = a < 0.01 ? 0 : a > 0.99 ? 1 : a;
    alpha[i] = a;
    for (let c = 0; c < 3; c++) premul[i * 3 + c] = Math.max(0, Math.min(255 * a, rgb[i * 3 + c] - (1 - a) * B[i * 3 + c]));
  }
  return { width: w, height: h, alpha, premul };
}

/** Bilinear resample of a k-channel float field (pixel centres aligned) to W×H. */
function resampleField(src, sw, sh, ch, W, H) {
  const out = new Float32Array(W * H * ch);
  for (let y = 0; y < H; y++) {
    let fy = ((y + 0.5) * sh) / H - 0.5;
    fy = Math.max(0, Math.min(sh - 1, fy));
    const y0 = Math.floor(fy), y1 = Math.min(sh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < W; x++) {
      let fx = ((x + 0.5) * sw) / W - 0.5;
      fx = Math.max(0, Math.min(sw - 1, fx));
      const x0 = Math.floor(fx), x1 = Math.min(sw - 1, x0 + 1), tx = fx - x0;
      for (let c = 0; c < ch; c++) {
        const a = src[(y0 * sw + x0) * ch + c], b = src[(y0 * sw + x1) * ch + c];
        const d = src[(y1 * sw + x0) * ch + c], e = src[(y1 * sw + x1) * ch + c];
        out[(y * W + x) * ch + c] = (a + (b - a) * tx) * (1 - ty) + (d + (e - d) * tx) * ty;
      }
    }
  }
  return out;
}

/** The plate as a W×H RGB float field (busy photos: area-cover crop; plain: vertical gradient). */
function plateField(libs, shared, plate, W, H) {
  const out = new Float32Array(W * H * 3);
  if (plate.kind === 'plain') {
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) out[(y * W + x) * 3 + c] = plate.top[c] + ((plate.bottom[c] - plate.top[c]) * y) / (H - 1);
    return out;
  }
  const img = decodeFile(libs, join(shared, 'testdata', 'photos', plate.file));
  const r = plate.crop ?? { x: 0, y: 0, width: img.width, height: img.height };
  const s = Math.max(W / r.width, H / r.height); // cover
  const cw = W / s, chh = H / s;
  const x0 = r.x + (r.width - cw) / 2, y0 = r.y + (r.height - chh) / 2;
  for (let y = 0; y < H; y++) {
    const fy = Math.max(0, Math.min(img.height - 1, y0 + (y + 0.5) / s - 0.5));
    const yi = Math.floor(fy), y1 = Math.min(img.height - 1, yi + 1), ty = fy - yi;
    for (let x = 0; x < W; x++) {
      const fx = Math.max(0, Math.min(img.width - 1, x0 + (x + 0.5) / s - 0.5));
      const xi = Math.floor(fx), x1 = Math.min(img.width - 1, xi + 1), tx = fx - xi;
      for (let c = 0; c < 3; c++) {
        const a = img.data[(yi * img.width + xi) * 4 + c], b = img.data[(yi * img.width + x1) * 4 + c];
        const d = img.data[(y1 * img.width + xi) * 4 + c], e = img.data[(y1 * img.width + x1) * 4 + c];
        out[(y * W + x) * 3 + c] = (a + (b - a) * tx) * (1 - ty) + (d + (e - d) * tx) * ty;
      }
    }
  }
  return out;
}

const fgCache = new Map();
/** Foreground (α, P) at composite size, plus its geometry (head top, eyes, face width, centre) in composite px. */
export function loadForeground(libs, shared, fg) {
  if (fgCache.has(fg.id)) return fgCache.get(fg.id);
  const photos = join(shared, 'testdata', 'photos');
  const imgs = fg.files.map((f) => decodeFile(libs, join(photos, f)));
  const base = fg.kind === 'triangulate' ? triangulate(imgs[0], imgs[1]) : plainForeground(imgs[0], libs.pullPush);
  const k = fg.shortSide / Math.min(base.width, base.height);
  const W = Math.round(base.width * k), H = Math.round(base.height * k);
  const alpha = resampleField(base.alpha, base.width, base.height, 1, W, H);
  const premul = resampleField(base.premul, base.width, base.height, 3, W, H);
  const lm = JSON.parse(readFileSync(join(shared, 'testdata', 'landmarks', `${fg.files[0]}.json`), 'utf8'));
  const geom = { headTopPx: lm.headTopPx * k, eyeYPx: lm.eyeYPx * k, faceWidthPx: lm.faceWidthPx * k, faceCenterXPx: lm.faceCenterXPx * k };
  const landmarks = lm.landmarks.map(([x, y, z]) => [x * k, y * k, z * k]);
  const out = { width: W, height: H, alpha, premul, geom, landmarks };
  fgCache.set(fg.id, out);
  return out;
}

/**
 * Build one composite: JPEG bytes (quality 90) of P + (1 − α)·Q + noise, and the exact truth on `target`
 * (RGBA 8-bit) and α (Float32Array), both at the composite's size.
 */
export function buildComposite(libs, shared, fg, plate, target = TARGET_BLUE) {
  const f = loadForeground(libs, shared, fg);
  const { width: W, height: H, alpha, premul } = f;
  const Q = plateField(libs, shared, plate, W, H);
  const n = W * H;
  const rand = rng(0x5eed ^ (fg.id.length * 131 + plate.id.length * 7919));
  const px = new Uint8Array(n * 4), truth = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const a = alpha[i];
    // sensor noise, σ ≈ 1.5 levels (sum of uniforms)
    const noise = (rand() + rand() + rand() - 1.5) * 2.1;
    for (let c = 0; c < 3; c++) {
      px[i * 4 + c] = Math.max(0, Math.min(255, Math.round(premul[i * 3 + c] + (1 - a) * Q[i * 3 + c] + noise)));
      truth[i * 4 + c] = Math.max(0, Math.min(255, Math.round(premul[i * 3 + c] + (1 - a) * target[c])));
    }
    px[i * 4 + 3] = 255;
    truth[i * 4 + 3] = 255;
  }
  const bytes = new Uint8Array(libs.jpeg.encode({ data: px, width: W, height: H }, 90).data);
  const decoded = libs.jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return {
    id: `${fg.id}@${plate.id}`,
    plateKind: plate.kind,
    bytes,
    image: { data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.length), width: W, height: H },
    truth: { data: truth, width: W, height: H },
    alpha,
    geom: f.geom,
    landmarks: f.landmarks,
  };
}

/** Euclidean-ish (chamfer 3-4) distance in px to the nearest pixel with seed = 1. */
function chamfer(seed, w, h) {
  const d = distance(seed, w, h, 3, 4, 1e9);
  for (let i = 0; i < d.length; i++) d[i] /= 3;
  return d;
}

/** ΔE00 above which a pixel counts as "not the colour it should be" (leftover, eaten, halo). */
export const CHANGED_DE = 10;
/** Half width of the edge band, output px. */
export const BAND_PX = 10;

/**
 * Scores of a result against the truth, all in output space (pad pixels, coverage < 0.999, left out):
 *   bandAlpha — mean |α − α_true| within BAND_PX of the true edge (α_true = 0.5 contour);
 *   bandDE    — mean CIEDE2000 between result and truth in that band;
 *   leftover  — % of true-background pixels (α_true < 0.01) farther than BAND_PX from the person whose colour is
 *               more than CHANGED_DE from the target;
 *   eaten     — % of person pixels (α_true > 0.99) whose colour is more than CHANGED_DE from the truth;
 *   halo      — px: Σ over distance rings 1..BAND_PX outside the true edge of the share of ring pixels more than
 *               CHANGED_DE from the truth (the width of a visible rim of old background);
 *   erosion   — px: the same inside the edge (person turned into the new background).
 */
export function scoreResult(colour, result, truth, alphaEst, alphaTrue, coverage, target = TARGET_BLUE) {
  const { width: w, height: h } = truth;
  const n = w * h;
  const fgBin = new Uint8Array(n), bgBin = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    fgBin[i] = alphaTrue[i] >= 0.5 ? 1 : 0;
    bgBin[i] = 1 - fgBin[i];
  }
  const dOut = chamfer(fgBin, w, h); // for background pixels: distance to the person
  const dIn = chamfer(bgBin, w, h); // for person pixels: distance to the background
  // the pad and the feathered seam beside it (compose blends ≤ 12 px there) are no matting result: left out
  const padBin = new Uint8Array(n);
  let anyPad = false;
  if (coverage) for (let i = 0; i < n; i++) if (coverage[i] < 0.999) (padBin[i] = 1), (anyPad = true);
  const dPad = anyPad ? chamfer(padBin, w, h) : null;
  const tLab = colour.rgbToLab(target[0], target[1], target[2]);
  let bandN = 0, bandA = 0, bandE = 0, bgN = 0, bgLeft = 0, fgN = 0, fgEaten = 0;
  const ringN = new Float64Array(BAND_PX + 1), ringBad = new Float64Array(BAND_PX + 1);
  const inN = new Float64Array(BAND_PX + 1), inBad = new Float64Array(BAND_PX + 1);
  for (let i = 0; i < n; i++) {
    if (dPad && dPad[i] <= 16) continue;
    const rl = colour.rgbToLab(result.data[i * 4], result.data[i * 4 + 1], result.data[i * 4 + 2]);
    const tl = colour.rgbToLab(truth.data[i * 4], truth.data[i * 4 + 1], truth.data[i * 4 + 2]);
    const de = colour.deltaE2000(rl, tl);
    const d = fgBin[i] ? dIn[i] : dOut[i];
    if (d <= BAND_PX) {
      bandN++;
      bandE += de;
      if (alphaEst) bandA += Math.abs(alphaEst[i] - alphaTrue[i]);
      const ring = Math.max(1, Math.ceil(d));
      if (ring <= BAND_PX) {
        if (fgBin[i]) {
          inN[ring]++;
          if (de > CHANGED_DE) inBad[ring]++;
        } else {
          ringN[ring]++;
          if (de > CHANGED_DE) ringBad[ring]++;
        }
      }
    }
    if (alphaTrue[i] < 0.01 && dOut[i] > BAND_PX) {
      bgN++;
      if (colour.deltaE2000(rl, tLab) > CHANGED_DE) bgLeft++;
    }
    if (alphaTrue[i] > 0.99) {
      fgN++;
      if (de > CHANGED_DE) fgEaten++;
    }
  }
  let halo = 0, erosion = 0;
  for (let r = 1; r <= BAND_PX; r++) {
    if (ringN[r]) halo += ringBad[r] / ringN[r];
    if (inN[r]) erosion += inBad[r] / inN[r];
  }
  return {
    bandAlpha: bandN ? bandA / bandN : 0,
    bandDE: bandN ? bandE / bandN : 0,
    leftover: bgN ? (100 * bgLeft) / bgN : 0,
    eaten: fgN ? (100 * fgEaten) / fgN : 0,
    halo,
    erosion,
  };
}

/** An 8-bit grey RGBA image of a 0..1 field (to push α through the same resampler as the picture). */
export function fieldToRgba(field, w, h) {
  const d = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const v = Math.round(Math.max(0, Math.min(1, field[i])) * 255);
    d[i * 4] = d[i * 4 + 1] = d[i * 4 + 2] = v;
    d[i * 4 + 3] = 255;
  }
  return { data: d, width: w, height: h };
}

/** Area-average a mask to size × size (the segmenter's own resolution; what is recorded for the unit tests). */
export function shrinkMask(mask, size = 256) {
  const { width: w, height: h, data } = mask;
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    const y0 = Math.floor((y * h) / size), y1 = Math.max(y0 + 1, Math.floor(((y + 1) * h) / size));
    for (let x = 0; x < size; x++) {
      const x0 = Math.floor((x * w) / size), x1 = Math.max(x0 + 1, Math.floor(((x + 1) * w) / size));
      let s = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) s += data[yy * w + xx];
      out[y * size + x] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return { data: out, width: size, height: size };
}

/** Mask PNG (8-bit grey) ↔ Float32 0..1, for the recorded segmenter masks of the unit tests. */
export function maskToPng(libs, mask) {
  const png = new libs.PNG({ width: mask.width, height: mask.height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  const buf = Buffer.alloc(mask.width * mask.height);
  for (let i = 0; i < buf.length; i++) buf[i] = Math.round(Math.max(0, Math.min(1, mask.data[i])) * 255);
  png.data = buf;
  return libs.PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

export function pngToMask(libs, bytes) {
  const p = libs.PNG.sync.read(Buffer.from(bytes));
  const data = new Float32Array(p.width * p.height);
  for (let i = 0; i < data.length; i++) data[i] = p.data[i * 4] / 255;
  return { data, width: p.width, height: p.height };
}
