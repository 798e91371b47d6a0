// Chinese PDF font: a TrueType subset of Noto Sans SC (OFL-1.1, npm @expo-google-fonts/noto-sans-sc) made at
// install/build time with subset-font (HarfBuzz). jsPDF needs TrueType outlines (glyf), never CFF.
//
// Character set: ASCII, Latin-1, general punctuation, CJK symbols and punctuation, full-width forms, and every
// character of GBK (all 21,003 GBK hanzi, so rare name characters such as 喆 堃 赟 玥 昱 琇 are in) that the
// font has. Anything outside it is drawn as an image by src/platform/pdf.ts, never dropped.
//
// Output (static/generated/fonts/, gitignored): NotoSansSC-GBK.ttf, OFL.txt (licence beside the font) and
// NotoSansSC-GBK.stamp.json (what it was made from). The step is skipped when the stamp matches.
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';

export const FONT_FILE = 'NotoSansSC-GBK.ttf';
const STAMP_FILE = 'NotoSansSC-GBK.stamp.json';
const LICENCE_FILE = 'OFL.txt';
/** Bump when the character set or the subsetting options change. */
const RECIPE = 4;

/** Every character GBK can encode (double-byte area: lead 0x81–0xFE, trail 0x40–0xFE without 0x7F). */
export function gbkCharacters() {
  const dec = new TextDecoder('gbk', { fatal: true });
  const out = new Set();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let s;
      try {
        s = dec.decode(pair);
      } catch {
        continue; // unassigned code
      }
      const cp = s.codePointAt(0);
      // Skip private-use mappings (user-defined areas) and the replacement character.
      if (s.length === 0 || cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
      out.add(s);
    }
  }
  return out;
}

function range(from, to) {
  let s = '';
  for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
}

/** The text handed to the subsetter: all characters wanted in the font (those it lacks are ignored). */
export function wantedText() {
  const set = new Set([
    ...range(0x20, 0x7e), // ASCII
    ...range(0xa0, 0xff), // Latin-1 (°, ×, ·, é …)
    ...range(0x2000, 0x206f), // general punctuation (— ‘ ’ “ ” … ※)
    ...range(0x2100, 0x214f), // letterlike (℃ №)
    ...range(0x2190, 0x21ff), // arrows (→)
    ...range(0x2460, 0x24ff), // enclosed alphanumerics (① ②)
    ...range(0x2500, 0x257f), // box drawing
    ...range(0x25a0, 0x25ff), // geometric shapes (□ ■ ○ ●)
    ...range(0x2610, 0x2613), // ballot boxes (☐ ☑ ☒)
    ...range(0x2713, 0x2717), // check marks (✓ ✔ ✗)
    ...range(0x3000, 0x303f), // CJK symbols and punctuation (、 。 〇 《 》 「 」 【 】)
    ...range(0xff00, 0xffef), // full-width forms (（ ） ， ： ； ！ ？)
    ...gbkCharacters(),
  ]);
  return [...set].join('');
}

export async function build({ root, outDir, log }) {
  const fontsDir = join(outDir, 'fonts');
  const require = createRequire(join(root, 'package.json'));
  const pkgJson = require.resolve('@expo-google-fonts/noto-sans-sc/package.json');
  const pkgDir = dirname(pkgJson);
  const pkg = JSON.parse(await readFile(pkgJson, 'utf8'));
  const source = join(pkgDir, '400Regular', 'NotoSansSC_400Regular.ttf');
  const text = wantedText();
  const stamp = {
    recipe: RECIPE,
    package: `${pkg.name}@${pkg.version}`,
    source: '400Regular/NotoSansSC_400Regular.ttf',
    textSha256: createHash('sha256').update(text).digest('hex'),
  };
  const outFont = join(fontsDir, FONT_FILE);
  try {
    const old = JSON.parse(await readFile(join(fontsDir, STAMP_FILE), 'utf8'));
    const st = await stat(outFont);
    await stat(join(fontsDir, LICENCE_FILE));
    if (st.size > 0 && JSON.stringify(old.input) === JSON.stringify(stamp)) {
      log(`${FONT_FILE} is current (${st.size} bytes), skipped`);
      return;
    }
  } catch {
    /* no stamp or no font yet: build */
  }

  const { default: subsetFont } = await import(require.resolve('subset-font'));
  const input = await readFile(source);
  const t0 = Date.now();
  const out = await subsetFont(input, text, {
    targetFormat: 'sfnt',
    noHinting: true, // PDF viewers rasterise at high resolution; hinting only costs bytes
    keepFeatures: [], // jsPDF does no shaping: GSUB/GPOS are dead weight
    noLayoutClosure: true,
    dropTables: ['GSUB', 'GPOS', 'GDEF', 'vhea', 'vmtx', 'VORG', 'DSIG'],
  });
  if (out.readUInt32BE(0) !== 0x00010000) throw new Error(`${FONT_FILE}: not a TrueType (glyf) font`);
  await mkdir(fontsDir, { recursive: true });
  await writeFile(outFont, out);
  // The package's LICENSE is the wrapper's (MIT); the font's own licence is LICENSE_FONT (OFL-1.1).
  const licence = await readFile(join(pkgDir, 'LICENSE_FONT'), 'utf8');
  if (!/SIL OPEN FONT LICENSE Version 1\.1/i.test(licence)) throw new Error('LICENSE_FONT is not the OFL-1.1 text');
  await writeFile(
    join(fontsDir, LICENCE_FILE),
    `${FONT_FILE} is a subset of Noto Sans SC Regular (${stamp.package}), made by scripts/assets/30-fonts.mjs.\n` +
      `Its licence, unchanged:\n\n${licence}`,
  );
  await writeFile(
    join(fontsDir, STAMP_FILE),
    JSON.stringify({ input: stamp, bytes: out.length, characters: [...text].length, ms: Date.now() - t0 }, null, 2),
  );
  log(`${FONT_FILE}: ${out.length} bytes from ${[...text].length} wanted characters in ${Date.now() - t0} ms`);
}
