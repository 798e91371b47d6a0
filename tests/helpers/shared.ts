/** Where the shared spec and test data live: ../shared beside the repo, or $ZK_SHARED_DIR. Never copied in. */
import { resolve, join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED_DIR = process.env.ZK_SHARED_DIR ? resolve(process.env.ZK_SHARED_DIR) : resolve(REPO_ROOT, '..', 'shared');
export const PHOTOS_DIR = join(SHARED_DIR, 'testdata', 'photos');
export const LANDMARKS_DIR = join(SHARED_DIR, 'testdata', 'landmarks');

export interface ManifestRow {
  file: string;
  category: 'A' | 'B' | 'C' | 'D';
  width: number;
  height: number;
  bytes: number;
  faces: number;
  notes: string;
}

export function readManifest(): ManifestRow[] {
  const lines = readFileSync(join(PHOTOS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    const get = (k: string) => c[head.indexOf(k)];
    return {
      file: get('file'),
      category: get('category') as ManifestRow['category'],
      width: Number(get('width')),
      height: Number(get('height')),
      bytes: Number(get('bytes')),
      faces: Number(get('faces')),
      notes: get('notes'),
    };
  });
}

export interface RecordedLandmarks {
  image: string;
  width: number;
  height: number;
  faces: number;
  landmarks: [number, number, number][] | null;
  eyeYPx: number | null;
  eyeLeft: [number, number] | null;
  eyeRight: [number, number] | null;
  faceWidthPx: number | null;
  faceCenterXPx: number | null;
  rollDeg: number | null;
  headTopPx: number | null;
  headTopNote?: string;
  bgRgb: [number, number, number] | null;
}

export function readLandmarks(file: string): RecordedLandmarks {
  return JSON.parse(readFileSync(join(LANDMARKS_DIR, `${file}.json`), 'utf8'));
}

export function photoFiles(): string[] {
  return readdirSync(PHOTOS_DIR).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
}
