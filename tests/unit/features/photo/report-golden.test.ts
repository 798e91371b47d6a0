/**
 * Behaviour lock for refactoring (issue 13): the PhotoReport JSON (zh-CN and English), the batch CSV built from
 * the reports and the embed `zk-precheck:report` message of every shared photo — real bytes through the file layer,
 * real pixels, the recorded reference landmarks as the detector's output — must equal the golden file written by the
 * code before the move (commit 8063c99). An intended change of a measurement or a message regenerates it:
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/features/photo/report-golden.test.ts
 * and the diff of golden/reports.json is then reviewed in the commit.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR, readLandmarks, readManifest } from '../../../helpers/shared.ts';
import { loadPhoto } from '../../../helpers/pixels.ts';
import { buildReport } from './worded-report.ts';
import { inspectFile } from '../../../../src/lib/jpeg/inspect.ts';
import { toCsv } from '../../../../src/features/photo/batch-csv.ts';
import { reportMessage } from '../../../../src/platform/embed-api.ts';

const GOLDEN = join(import.meta.dirname, 'golden', 'reports.json');
const NOW = new Date('2026-11-29T00:00:00Z');

describe('PhotoReport, CSV and embed message unchanged by refactoring (golden file of the pre-move code)', () => {
  it('every shared photo', () => {
    const out: Record<string, unknown> = {};
    const zh = [];
    for (const row of readManifest()) {
      const ref = readLandmarks(row.file);
      const bytes = new Uint8Array(readFileSync(join(PHOTOS_DIR, row.file)));
      const faces = ref.landmarks ? Array.from({ length: Math.max(1, ref.faces) }, () => ref.landmarks!) : [];
      const image = loadPhoto(row.file);
      const report = buildReport({ facts: inspectFile(bytes, row.file), image, faces, now: NOW });
      const en = buildReport({ facts: inspectFile(bytes, row.file), image, faces, now: NOW, locale: 'en' });
      zh.push(report);
      out[row.file] = { report, en, embed: reportMessage('id-1', report) };
    }
    out['batch.csv'] = toCsv(zh);
    const json = JSON.parse(JSON.stringify(out));
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
      if (!process.env.UPDATE_GOLDEN) throw new Error(`no golden file at ${GOLDEN}`);
      writeFileSync(GOLDEN, JSON.stringify(json, null, 0));
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(Object.keys(json)).toEqual(Object.keys(golden));
    for (const k of Object.keys(golden)) expect(json[k], k).toEqual(golden[k]);
  }, 600_000);
});
