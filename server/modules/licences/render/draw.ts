// Page geometry, colours and text drawing shared by the parts of the licence PDF.
import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Measure } from './text.ts';

export const MM = 72 / 25.4;
/** A4 landscape, in points. */
export const W = 297 * MM;
export const H = 210 * MM;
export const MARGIN_X = 62;

export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.38, 0.38, 0.38);
export const FRAME = rgb(0.62, 0.45, 0.2);
export const TABLE_LINE = rgb(0.72, 0.62, 0.45);
export const LABEL_BG = rgb(0.98, 0.955, 0.9);

export interface Ctx {
  page: PDFPage;
  font: PDFFont;
  /** Widths for layout (cached glyph advances; pdf-lib's own measuring shapes the text on every call). */
  measure: Measure;
}

/** Draws `s` with its baseline at y; `spacing` adds that many points between characters. */
export function text(ctx: Ctx, s: string, x: number, y: number, size: number, color: RGB = INK, spacing = 0): void {
  if (!spacing) {
    ctx.page.drawText(s, { x, y, size, font: ctx.font, color });
    return;
  }
  let pen = x;
  for (const ch of s) {
    ctx.page.drawText(ch, { x: pen, y, size, font: ctx.font, color });
    pen += ctx.measure.widthOfTextAtSize(ch, size) + spacing;
  }
}

export const spacedWidth = (ctx: Ctx, s: string, size: number, spacing: number) =>
  ctx.measure.widthOfTextAtSize(s, size) + spacing * Math.max(0, [...s].length - 1);

/** Text centred on x = W/2. */
export function centred(ctx: Ctx, s: string, y: number, size: number, color: RGB = INK): void {
  text(ctx, s, (W - ctx.measure.widthOfTextAtSize(s, size)) / 2, y, size, color);
}

/** The certificate frame: a heavy outer and a thin inner line, with square ornaments at the corners. */
export function frame(ctx: Ctx): void {
  const { page } = ctx;
  page.drawRectangle({ x: 16, y: 16, width: W - 32, height: H - 32, borderColor: FRAME, borderWidth: 2.4 });
  page.drawRectangle({ x: 22, y: 22, width: W - 44, height: H - 44, borderColor: FRAME, borderWidth: 0.6 });
  for (const [cx, cy] of [[22, 22], [W - 22, 22], [22, H - 22], [W - 22, H - 22]] as const) {
    page.drawRectangle({ x: cx - 5, y: cy - 5, width: 10, height: 10, color: FRAME });
    page.drawRectangle({ x: cx - 2.5, y: cy - 2.5, width: 5, height: 5, color: rgb(1, 1, 1) });
  }
}
