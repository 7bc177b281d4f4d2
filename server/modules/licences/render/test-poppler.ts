// Test helpers: run poppler's command-line tools on a PDF and read their output (PGM/PPM images, text),
// optionally with a fontconfig that knows only DejaVu (no CJK font at all).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = () => spawnSync('pdftoppm', ['-v']).error === undefined;

export interface Raster {
  width: number;
  height: number;
  /** 1 (gray) or 3 (RGB) bytes per pixel. */
  channels: 1 | 3;
  data: Uint8Array;
}

/** Parses binary PGM (P5) and PPM (P6) with maxval 255, as pdftoppm writes them. */
export function parseNetpbm(bytes: Uint8Array): Raster {
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!);
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`not a binary PGM/PPM: ${magic}`);
  const fields: number[] = [];
  let at = 2;
  while (fields.length < 3) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
    if (bytes[at] === 0x23 /* # */) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    let n = '';
    while (at < bytes.length && /\d/.test(String.fromCharCode(bytes[at]!))) n += String.fromCharCode(bytes[at++]!);
    fields.push(Number(n));
  }
  const [width, height, maxval] = fields as [number, number, number];
  if (maxval !== 255) throw new Error(`unsupported maxval ${maxval}`);
  const channels = magic === 'P5' ? 1 : 3;
  const start = at + 1; // exactly one whitespace byte after maxval
  return { width, height, channels, data: bytes.subarray(start, start + width * height * channels) };
}

/** A fontconfig configuration listing only the DejaVu fonts: any CJK text must come from the PDF itself. */
export function dejavuOnlyEnv(dir: string): NodeJS.ProcessEnv {
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir };
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Buffer {
  const r = spawnSync(cmd, args, { env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr?.toString() ?? r.error}`);
  return r.stdout;
}

/** Works on a PDF in a fresh temporary folder, removed afterwards. */
export function withPdf<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-pdf-'));
  try {
    const file = join(dir, 'licence.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders page 1 with pdftoppm (`gray` → PGM, else PPM) at `dpi`. */
export function rasterize(file: string, dir: string, dpi: number, opts: { gray?: boolean; env?: NodeJS.ProcessEnv } = {}): Raster {
  const prefix = join(dir, `page-${dpi}-${opts.gray ? 'g' : 'c'}-${Math.random().toString(36).slice(2)}`);
  run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', ...(opts.gray ? ['-gray'] : []), file, prefix], opts.env);
  const out = readdirSync(dir).find((f) => join(dir, f).startsWith(prefix));
  if (!out) throw new Error('pdftoppm wrote no image');
  return parseNetpbm(new Uint8Array(readFileSync(join(dir, out))));
}

export const pdftotext = (file: string, env?: NodeJS.ProcessEnv) => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], env).toString('utf8');
export const pdffonts = (file: string) => run('pdffonts', [file]).toString('utf8');

/** RGBA pixels of a rectangle of a raster, for jsQR. */
export function rgbaCrop(r: Raster, x: number, y: number, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const src = ((y + j) * r.width + (x + i)) * r.channels;
      const dst = (j * width + i) * 4;
      out[dst] = r.data[src]!;
      out[dst + 1] = r.data[src + (r.channels === 3 ? 1 : 0)]!;
      out[dst + 2] = r.data[src + (r.channels === 3 ? 2 : 0)]!;
      out[dst + 3] = 255;
    }
  }
  return out;
}
