// The picture of a department's e-seal (电子印章), drawn from its name like a round official seal: a red
// ring, a five-pointed star in the centre, the name along the upper arc, optionally a line of text under
// the star (e.g. 电子证照专用章).
//
// Text is turned into glyph outlines of the CJK font (render/font.ts), so neither the SVG nor the PDF
// needs a font to show it. The same path data is used in both: `sealSvg` for the seal record and web
// pages, `drawSeal` for the PDF (pdf-lib drawSvgPath). Seal coordinates: a 200 x 200 box, y down.
import type { Glyph, Path } from '@pdf-lib/fontkit';
import { rgb, BlendMode, type PDFPage } from 'pdf-lib';
import { cjkFont } from './font.ts';

export const SEAL_SIZE = 200;
export const SEAL_RED = '#d9001b';
const C = SEAL_SIZE / 2;
const RING = { r: 94, width: 6 };
/** Outer edge of the name's glyphs, inside the ring. */
const TEXT_OUTER = 86;
const STAR_R = 27;
/** Centre-to-centre span of the name along the arc, at most (radians, about 225 degrees). */
const MAX_SPAN = 3.9;

export interface SealDrawing {
  ring: { r: number; width: number };
  /**
   * Filled outlines (nonzero rule, seal coordinates): the star, the name's glyphs, the bottom text's glyphs.
   * `stroke` > 0 outlines the glyphs as well, in the same red, for the heavier strokes of seal lettering.
   */
  paths: { part: 'star' | 'name' | 'bottom'; d: string; stroke: number }[];
}

const n1 = (v: number) => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** SVG path data of a glyph outline after mapping each point through `map` (font units in, seal units out). */
function outline(path: Path, map: (x: number, y: number) => [number, number]): string {
  const out: string[] = [];
  // fontkit's own Path.transform computes y from the already transformed x, so points are mapped here.
  for (const c of (path as unknown as { commands: { command: string; args: number[] }[] }).commands) {
    const pts: string[] = [];
    for (let i = 0; i + 1 < c.args.length; i += 2) {
      const [x, y] = map(c.args[i]!, c.args[i + 1]!);
      pts.push(n1(x), n1(y));
    }
    const letter = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' }[c.command];
    if (letter) out.push(letter + pts.join(' '));
  }
  return out.join('');
}

function starPath(cx: number, cy: number, r: number): string {
  const inner = r * 0.382; // golden-ratio star, like the national emblem's
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI) / 5;
    const rad = i % 2 === 0 ? r : inner;
    pts.push(`${n1(cx + rad * Math.sin(a))} ${n1(cy - rad * Math.cos(a))}`);
  }
  return `M${pts.join('L')}Z`;
}

function glyphsOf(text: string): Glyph[] {
  const font = cjkFont();
  return [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!));
}

/** Em box centre: ideographs in WenQuanYi sit between about -0.12 em and 0.88 em. */
const emMid = () => cjkFont().unitsPerEm * 0.38;

function nameOnArc(name: string): string {
  const font = cjkFont();
  const upm = font.unitsPerEm;
  const glyphs = glyphsOf(name);
  const n = glyphs.length;
  if (n === 0) return '';
  // Shrink first horizontally (seal lettering is narrow), then in height, until the name fits the arc.
  // Spacing is measured at the glyphs' inner edge, where neighbours come closest.
  let height = n <= 6 ? 34 : 31;
  let squeeze = 0.85;
  const step = () => (height * squeeze * 1.12) / (TEXT_OUTER - height);
  while ((n - 1) * step() > MAX_SPAN && (squeeze > 0.62 || height > 16)) {
    if (squeeze > 0.62) squeeze -= 0.02;
    else height -= 0.5;
  }
  const radius = TEXT_OUTER - height / 2;
  // Short names are spread out so the text still covers a good part of the circle.
  const spread = n > 1 ? Math.max(step(), Math.min(0.62, 3.4 / (n - 1))) : 0;
  const sx = (height / upm) * squeeze;
  const sy = height / upm;
  const mid = emMid();
  const first = (-(n - 1) * spread) / 2;
  return glyphs
    .map((g, i) => {
      const theta = first + i * spread;
      const cos = Math.cos(theta);
      const sin = Math.sin(theta);
      const gx = C + radius * sin;
      const gy = C - radius * cos;
      const half = g.advanceWidth / 2;
      return outline(g.path, (x, y) => {
        const lx = (x - half) * sx;
        const ly = -(y - mid) * sy;
        return [gx + lx * cos - ly * sin, gy + lx * sin + ly * cos];
      });
    })
    .join('');
}

function bottomLine(text: string): string {
  const glyphs = glyphsOf(text);
  if (glyphs.length === 0) return '';
  const upm = cjkFont().unitsPerEm;
  const height = 14;
  const total = glyphs.reduce((w, g) => w + g.advanceWidth, 0);
  const maxWidth = 104;
  const sy = height / upm;
  const sx = Math.min(sy, maxWidth / total);
  const mid = emMid();
  const baselineMid = C + 52;
  let pen = C - (total * sx) / 2;
  return glyphs
    .map((g) => {
      const left = pen;
      pen += g.advanceWidth * sx;
      return outline(g.path, (x, y) => [left + x * sx, baselineMid - (y - mid) * sy]);
    })
    .join('');
}

const cache = new Map<string, SealDrawing>();

/** The seal's outlines for a department name (cached per name and bottom text). */
export function sealDrawing(name: string, bottomText?: string): SealDrawing {
  const key = `${name}\u0000${bottomText ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const starY = bottomText ? C - 4 : C;
  const paths: SealDrawing['paths'] = [
    { part: 'star', d: starPath(C, starY, STAR_R), stroke: 0 },
    { part: 'name', d: nameOnArc(name), stroke: 1 },
  ];
  if (bottomText) paths.push({ part: 'bottom', d: bottomLine(bottomText), stroke: 0.5 });
  const drawing = { ring: RING, paths: paths.filter((p) => p.d) };
  if (cache.size > 200) cache.clear();
  cache.set(key, drawing);
  return drawing;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A standalone SVG of the seal (no fonts, no scripts); `name` is also its accessible label. */
export function sealSvg(name: string, bottomText?: string): string {
  const { ring, paths } = sealDrawing(name, bottomText);
  const label = escapeXml(bottomText ? `${name} ${bottomText}` : name);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SEAL_SIZE} ${SEAL_SIZE}" width="${SEAL_SIZE}" height="${SEAL_SIZE}" role="img" aria-label="${label}">` +
    `<circle cx="${C}" cy="${C}" r="${ring.r}" fill="none" stroke="${SEAL_RED}" stroke-width="${ring.width}"/>` +
    `<g fill="${SEAL_RED}">${paths.map((p) => `<path class="seal-${p.part}" d="${p.d}"${p.stroke ? ` stroke="${SEAL_RED}" stroke-width="${p.stroke}" stroke-linejoin="round"` : ''}/>`).join('')}</g></svg>`
  );
}

/** Draws the seal on a PDF page, centred at (cx, cy) in PDF points, `diameter` across the ring. */
export function drawSeal(page: PDFPage, opts: { cx: number; cy: number; diameter: number; name: string; bottomText?: string }): void {
  const { ring, paths } = sealDrawing(opts.name, opts.bottomText);
  const scale = opts.diameter / (2 * ring.r + ring.width);
  const red = rgb(0xd9 / 255, 0, 0x1b / 255);
  // Multiply, like ink: the text under the stamp stays readable.
  const ink = { opacity: 0.9, blendMode: BlendMode.Multiply };
  page.drawCircle({ x: opts.cx, y: opts.cy, size: ring.r * scale, borderColor: red, borderWidth: ring.width * scale, borderOpacity: 0.9, blendMode: BlendMode.Multiply });
  const x = opts.cx - C * scale;
  const y = opts.cy + C * scale;
  for (const p of paths) {
    const outline = p.stroke ? { borderColor: red, borderWidth: p.stroke * scale, borderOpacity: ink.opacity } : {};
    page.drawSvgPath(p.d, { x, y, scale, color: red, ...ink, ...outline });
  }
}
