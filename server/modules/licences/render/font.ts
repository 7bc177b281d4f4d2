// The CJK font of rendered licences: WenQuanYi Micro Hei (Apache-2.0 / GPLv3 with font exception),
// embedded as a subset into every PDF so a licence renders the same on a machine without any CJK font.
//
// Debian ships it only as a TrueType collection (.ttc: Micro Hei and Micro Hei Mono), which pdf-lib's
// embedFont cannot take. Face 0 is cut out of the collection into a standalone TrueType file once per
// process: a new offset table plus the face's tables copied behind it (OpenType spec, "Font Collections"
// and "Organization of an OpenType Font"). Tables shared between faces are simply copied.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export const DEFAULT_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** Path of the CJK font: env TONGBAN_CJK_FONT (a .ttc, .ttf or .otf), else Debian's WenQuanYi Micro Hei. */
export const cjkFontPath = () => process.env.TONGBAN_CJK_FONT || DEFAULT_CJK_FONT;

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
const tag = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

function putU16(b: Uint8Array, o: number, v: number) {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}
function putU32(b: Uint8Array, o: number, v: number) {
  b[o] = (v >>> 24) & 0xff;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

/** OpenType table checksum: the sum of the big-endian uint32 words, zero-padded, modulo 2^32. */
function checksum(b: Uint8Array, start: number, length: number): number {
  let sum = 0;
  const end = start + ((length + 3) & ~3);
  for (let o = start; o < end; o += 4) sum = (sum + u32(b, o)) >>> 0;
  return sum;
}

/**
 * A standalone sfnt (TrueType/OpenType) of face `index` of a TrueType collection. Bytes that are not a
 * collection are returned unchanged. Throws on a malformed file rather than producing a broken font.
 */
export function extractTtcFace(ttc: Uint8Array, index = 0): Uint8Array {
  if (ttc.length < 12) throw new Error('font file too short');
  if (tag(ttc, 0) !== 'ttcf') return ttc;
  const numFonts = u32(ttc, 8);
  if (index < 0 || index >= numFonts) throw new Error(`font collection has ${numFonts} faces, no face ${index}`);
  const dir = u32(ttc, 12 + 4 * index);
  const numTables = u16(ttc, dir + 4);
  const tables: { tag: string; offset: number; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const rec = dir + 12 + 16 * i;
    const t = { tag: tag(ttc, rec), offset: u32(ttc, rec + 8), length: u32(ttc, rec + 12) };
    if (t.offset + t.length > ttc.length) throw new Error(`font table ${t.tag} lies outside the file`);
    tables.push(t);
  }
  const headerLength = 12 + 16 * numTables;
  let size = headerLength;
  for (const t of tables) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  out.set(ttc.subarray(dir, dir + 12), 0); // sfnt version, numTables, searchRange, entrySelector, rangeShift
  let at = headerLength;
  let headAt = -1;
  tables.forEach((t, i) => {
    out.set(ttc.subarray(t.offset, t.offset + t.length), at);
    if (t.tag === 'head') {
      headAt = at;
      putU32(out, at + 8, 0); // checkSumAdjustment is recomputed below
    }
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    putU32(out, rec + 4, checksum(out, at, t.length));
    putU32(out, rec + 8, at);
    putU32(out, rec + 12, t.length);
    at += (t.length + 3) & ~3;
  });
  putU16(out, 4, numTables);
  if (headAt >= 0) putU32(out, headAt + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

let cached: { path: string; bytes: Uint8Array; font: Font } | undefined;

function load(): NonNullable<typeof cached> {
  const path = cjkFontPath();
  if (cached?.path === path) return cached;
  let file: Uint8Array;
  try {
    file = readFileSync(path);
  } catch (e) {
    throw new Error(
      `CJK font for e-licence PDFs not found at ${path} (${(e as NodeJS.ErrnoException).code ?? e}). ` +
        'Run scripts/install-system-deps.sh (installs fonts-wqy-microhei) or set TONGBAN_CJK_FONT to a TrueType font with Chinese glyphs.',
    );
  }
  const bytes = extractTtcFace(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), 0);
  cached = { path, bytes, font: fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))  };
  return cached;
}

/** Standalone TrueType bytes of the CJK font (face 0 of the collection), read once per process. */
export const cjkFontBytes = (): Uint8Array => load().bytes;

/** The parsed CJK font, for glyph outlines (the seal). */
export const cjkFont = (): Font => load().font;

/**
 * A fontkit for pdf-lib's registerFontkit that hands out the already parsed CJK font instead of parsing
 * 4.6 MB again for every document (pdf-lib only reads the font and makes a fresh subset per document).
 */
export const cachedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): Font {
    const hit = load();
    return bytes === hit.bytes && !postscriptName ? hit.font : (fontkit.create(bytes, postscriptName) as Font);
  },
};

const advances = new Map<number, number>();

/**
 * Text width from the glyphs' advance widths, cached per character: the same numbers pdf-lib uses for
 * CJK text, without its per-call shaping (a few hundred measurements per page while breaking lines).
 */
export const cjkMeasure = {
  widthOfTextAtSize(text: string, size: number): number {
    const font = cjkFont();
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let advance = advances.get(cp);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(cp).advanceWidth;
        advances.set(cp, advance);
      }
      units += advance;
    }
    return (units * size) / font.unitsPerEm;
  },
};
