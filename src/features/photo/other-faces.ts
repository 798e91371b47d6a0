/**
 * Other people beside the candidate (issue 14: a fixed photo never keeps a second person).
 *
 * The person segmenter marks every person; a bystander standing right behind the candidate's ear or shoulder is
 * joined to the candidate's mask and survives the person prior (matte.ts keeps what touches the candidate's face).
 * The photo's own face detection does not see such a face: it is small and half hidden (b_woman-older-indoor: a
 * woman's face behind the ear, 0.26 face widths wide). The face detector does find it on a small window around it
 * (it needs a face to fill roughly a third of its input), so the fixer scans windows beside the candidate's head,
 * keeps the detections that cannot be the candidate, and the matte drops the region around each (`exclusionZone`).
 *
 * Pure geometry (no DOM); the worker runs the detector on the windows (worker/pipeline.ts).
 * Units: px of one image (the fixer scans in the measured image's px and maps the boxes to the 480 × 640 output).
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The candidate's head as the measurement reports it. */
export interface HeadGeometry {
  eyeYPx: number;
  faceWidthPx: number;
  faceCenterXPx: number;
}

export const OTHER_FACES = {
  /** Window side in the candidate's face widths (fw): a half-hidden face of ¼ fw is found in a ¾ fw window, not in
   *  a 1¼ fw one (measured on b_woman-older-indoor). Windows step by half their side. */
  windowFw: 0.75,
  /** Window tops from this far above the eye line … */
  fromAboveEyeFw: 0.6,
  /** … to this far below it (a face beside the shoulders); horizontally within `reachFw` of the face centre. */
  toBelowEyeFw: 1.3,
  reachFw: 1.6,
  /** A window whose centre is this close (horizontally) to the face centre, above the chin, shows the candidate. */
  ownHalfFw: 0.45,
  chinBelowEyeFw: 0.9,
  /** A window with less person (whole-photo mask, mean probability) than this cannot hold a kept bystander; one with
   *  more lies inside the candidate's body (a bystander joined to the candidate sits at the mask's outline). */
  minPersonShare: 0.03,
  maxPersonShare: 0.95,
  /** A detection is the candidate when this share of its box lies on the candidate's face box (cx ± ½ fw, from ½ fw
   *  above the eyes to the chin), or when it is as wide as `maxFw`. */
  ownOverlap: 0.3,
  maxFw: 0.9,
  /** A detection centred on the candidate's chest (within `torsoHalfFw` of the face centre, below the chin) is a
   *  print on the clothes (seen on a_cn-man-grey-suit's tie), not a bystander. */
  torsoHalfFw: 0.6,
  /** The dropped zone: the detected face box widened by `marginW` of its width on each side and above (hair), and
   *  by `belowW` below (neck, shoulders) … */
  marginW: 0.8,
  belowW: 0.4,
  /** … minus the candidate's own head: within `protectHalfFw` of the face centre (ears, earrings, hair next to
   *  the head) nothing is dropped. */
  protectHalfFw: 0.62,
} as const;

/** The windows (image px, clipped to `bounds`) where a bystander's face beside the candidate's head could be. */
export function scanWindows(head: HeadGeometry, bounds: Box, personShare?: (b: Box) => number): Box[] {
  const T = OTHER_FACES;
  const fw = head.faceWidthPx;
  if (!(fw > 0)) return [];
  const s = T.windowFw * fw, step = s / 2;
  const out: Box[] = [];
  for (let y = head.eyeYPx - T.fromAboveEyeFw * fw; y <= head.eyeYPx + T.toBelowEyeFw * fw; y += step) {
    for (let x = head.faceCenterXPx - T.reachFw * fw; x + s <= head.faceCenterXPx + T.reachFw * fw + 1e-6; x += step) {
      const b = { x0: Math.max(bounds.x0, Math.round(x)), y0: Math.max(bounds.y0, Math.round(y)), x1: Math.min(bounds.x1, Math.round(x + s)), y1: Math.min(bounds.y1, Math.round(y + s)) };
      const cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
      if (Math.abs(cx - head.faceCenterXPx) < T.ownHalfFw * fw && cy < head.eyeYPx + T.chinBelowEyeFw * fw) continue;
      // at least half the window inside the picture (a face cut by the edge is not detected anyway)
      if ((b.x1 - b.x0) * (b.y1 - b.y0) < 0.5 * s * s) continue;
      if (personShare) {
        const p = personShare(b);
        if (p < T.minPersonShare || p > T.maxPersonShare) continue;
      }
      out.push(b);
    }
  }
  return out;
}

/** The detections (boxes of their landmarks, image px) that are another person's face, not the candidate's. */
export function otherFaceBoxes(hits: Box[], head: HeadGeometry): Box[] {
  const T = OTHER_FACES;
  const fw = head.faceWidthPx, cx = head.faceCenterXPx, ey = head.eyeYPx;
  const own: Box = { x0: cx - fw / 2, y0: ey - fw / 2, x1: cx + fw / 2, y1: ey + T.chinBelowEyeFw * fw };
  const out: Box[] = [];
  for (const b of hits) {
    const w = b.x1 - b.x0, h = b.y1 - b.y0;
    if (!(w > 0 && h > 0) || w >= T.maxFw * fw) continue;
    const ox = Math.max(0, Math.min(b.x1, own.x1) - Math.max(b.x0, own.x0)), oy = Math.max(0, Math.min(b.y1, own.y1) - Math.max(b.y0, own.y0));
    if (ox * oy > T.ownOverlap * w * h) continue;
    const bx = (b.x0 + b.x1) / 2, by = (b.y0 + b.y1) / 2;
    if (Math.abs(bx - cx) < T.torsoHalfFw * fw && by > own.y1) continue;
    // overlapping windows find the same face: keep one box per face (the larger)
    const same = out.findIndex((o) => (bx >= o.x0 && bx <= o.x1 && by >= o.y0 && by <= o.y1) || ((o.x0 + o.x1) / 2 >= b.x0 && (o.x0 + o.x1) / 2 <= b.x1 && (o.y0 + o.y1) / 2 >= b.y0 && (o.y0 + o.y1) / 2 <= b.y1));
    if (same < 0) out.push(b);
    else if (w * h > (out[same].x1 - out[same].x0) * (out[same].y1 - out[same].y0)) out[same] = b;
  }
  return out;
}

/** Whether image px (x, y) lies in the zone dropped for a bystander's face `b` (see OTHER_FACES). */
export function inExclusionZone(b: Box, head: HeadGeometry, x: number, y: number): boolean {
  const T = OTHER_FACES;
  if (Math.abs(x - head.faceCenterXPx) <= T.protectHalfFw * head.faceWidthPx) return false;
  const w = b.x1 - b.x0;
  return x >= b.x0 - T.marginW * w && x <= b.x1 + T.marginW * w && y >= b.y0 - T.marginW * w && y <= b.y1 + T.belowW * w;
}

/**
 * A copy of `mask` (image-sized, 0..1) with the zone of every bystander's face in `faces` set to 0 (no person),
 * whatever the segmenter says there.
 */
export function dropOtherFaces(mask: Float32Array, w: number, h: number, head: HeadGeometry, faces: readonly Box[]): Float32Array {
  const T = OTHER_FACES;
  const out = Float32Array.from(mask);
  for (const b of faces) {
    const m = T.marginW * (b.x1 - b.x0), below = T.belowW * (b.x1 - b.x0);
    const x0 = Math.max(0, Math.floor(b.x0 - m)), x1 = Math.min(w - 1, Math.ceil(b.x1 + m));
    const y0 = Math.max(0, Math.floor(b.y0 - m)), y1 = Math.min(h - 1, Math.ceil(b.y1 + below));
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (inExclusionZone(b, head, x, y)) out[y * w + x] = 0;
  }
  return out;
}

/** Mean of a person mask (covering `imgW × imgH` image px at its own resolution) over a box of image px. */
export function maskShare(mask: { data: ArrayLike<number>; width: number; height: number }, imgW: number, imgH: number, b: Box): number {
  const kx = mask.width / imgW, ky = mask.height / imgH;
  const x0 = Math.max(0, Math.floor(b.x0 * kx)), x1 = Math.min(mask.width, Math.ceil(b.x1 * kx));
  const y0 = Math.max(0, Math.floor(b.y0 * ky)), y1 = Math.min(mask.height, Math.ceil(b.y1 * ky));
  let s = 0, n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) (s += mask.data[y * mask.width + x]), n++;
  return n ? s / n : 0;
}
