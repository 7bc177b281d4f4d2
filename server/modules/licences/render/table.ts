// The licence's fields as a two-column table (label | value), sized to fit the certificate page: the
// largest type size from 13 pt down to 9 pt at which every field fits; a licence with more than that
// continues on further pages (续页) at 10 pt rather than dropping or cutting fields.
import { LABEL_BG, MARGIN_X, MUTED, TABLE_LINE, W, text, type Ctx } from './draw.ts';
import { clampLines, wrapText, type Measure } from './text.ts';

export interface Row {
  label: string[];
  value: string[];
}

export interface TableLayout {
  size: number;
  /** Extra height per row, to spread a short table over its box. */
  pad: number;
  /** Rows per page; pages[0] goes on the certificate page. */
  pages: Row[][];
}

const LABEL_WIDTH = 132;
const PAD_X = 9;
const VALUE_WIDTH = W - 2 * MARGIN_X - LABEL_WIDTH - 2 * PAD_X;
const MAX_SIZE = 13;
const MIN_SIZE = 9;
const OVERFLOW_SIZE = 10;
const MAX_PAD = 16;

const lineHeight = (size: number) => size * 1.45;
const rowHeight = (r: Row, size: number, pad: number) => Math.max(r.label.length, r.value.length) * lineHeight(size) + size * 0.9 + pad;
const total = (rows: Row[], size: number) => rows.reduce((h, r) => h + rowHeight(r, size, 0), 0);

function rowsAt(measure: Measure, fields: { label: string; value: string }[], size: number, maxLines: number): Row[] {
  return fields.map((f) => ({
    label: wrapText(f.label, measure, size, LABEL_WIDTH - 2 * PAD_X),
    value: clampLines(wrapText(f.value || '—', measure, size, VALUE_WIDTH), maxLines, measure, size, VALUE_WIDTH),
  }));
}

/** Chooses the type size and splits rows over pages: `firstHeight` on the certificate, `nextHeight` on each 续页. */
export function layoutTable(measure: Measure, fields: { label: string; value: string }[], firstHeight: number, nextHeight: number): TableLayout {
  for (let size = MAX_SIZE; size >= MIN_SIZE; size -= 0.5) {
    const rows = rowsAt(measure, fields, size, Infinity);
    const height = total(rows, size);
    if (height <= firstHeight) {
      const pad = rows.length ? Math.min(MAX_PAD, (firstHeight - height) / rows.length / 2) : 0;
      return { size, pad, pages: [rows] };
    }
  }
  const size = OVERFLOW_SIZE;
  // A single value longer than a whole page is cut there (the full text is in licence.json and on the web).
  const maxLines = Math.floor((nextHeight - size * 0.9) / lineHeight(size));
  const pages: Row[][] = [[]];
  let room = firstHeight;
  for (const row of rowsAt(measure, fields, size, maxLines)) {
    const h = rowHeight(row, size, 0);
    if (h > room && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      room = nextHeight;
    }
    pages[pages.length - 1]!.push(row);
    room -= h;
  }
  return { size, pad: 0, pages };
}

const HAN = /^\p{Script=Han}{2,5}$/u;

/** Draws rows from `top` down; returns the y of the table's bottom edge. */
export function drawTable(ctx: Ctx, rows: Row[], size: number, pad: number, top: number): number {
  const { page } = ctx;
  const left = MARGIN_X;
  const right = W - MARGIN_X;
  const line = (x1: number, y1: number, x2: number, y2: number, thickness = 0.5) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: TABLE_LINE });
  const heights = rows.map((r) => rowHeight(r, size, pad));
  const bottom = top - heights.reduce((a, b) => a + b, 0);
  // Backgrounds first, rules last, so no fill covers a rule.
  page.drawRectangle({ x: left, y: bottom, width: LABEL_WIDTH, height: top - bottom, color: LABEL_BG });
  let y = top;
  rows.forEach((row, r) => {
    const firstBaseline = y - (size * 0.9 + pad) / 2 - size * 1.105; // ideographs span -0.12 .. 0.88 em
    row.label.forEach((l, i) => {
      // Short Chinese labels are spread over the column (分散对齐), as printed certificates do.
      const spread = row.label.length === 1 && HAN.test(l);
      const spacing = spread ? (LABEL_WIDTH - 2 * PAD_X - ctx.measure.widthOfTextAtSize(l, size)) / ([...l].length - 1) : 0;
      text(ctx, l, left + PAD_X, firstBaseline - i * lineHeight(size), size, MUTED, spacing);
    });
    row.value.forEach((l, i) => text(ctx, l, left + LABEL_WIDTH + PAD_X, firstBaseline - i * lineHeight(size), size));
    y -= heights[r]!;
    if (r < rows.length - 1) line(left, y, right, y);
  });
  line(left, top, right, top, 0.9);
  line(left, bottom, right, bottom, 0.9);
  line(left, top, left, bottom);
  line(left + LABEL_WIDTH, top, left + LABEL_WIDTH, bottom);
  line(right, top, right, bottom);
  return bottom;
}
