// The PDF renderer of e-licences: an A4 landscape certificate in the manner of Chinese e-licences
// (电子营业执照 and the like): the type name as a large spaced title inside a double frame, 证照编号
// and holder under it, the fields as a labelled table, the QR code bottom left with the 证照标识 in small
// print, the issuer and dates bottom right under the department's red seal, and a footer on legal effect.
// Text is set in WenQuanYi Micro Hei, embedded as a subset; the file is signed (pdf-signature.ts) and
// carries the signed licence as the embedded file licence.json.
import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFPage, degrees, rgb, type PDFFont, type RGB } from 'pdf-lib';
import { cachedFontkit, cjkFontBytes, cjkMeasure } from './font.ts';
import { addSignaturePlaceholder, signPdfBytes } from './pdf-signature.ts';
import { drawQr } from './qr.ts';
import { drawSeal } from './seal.ts';
import { chineseDate, clampLines, statusWatermark, wrapText, type Measure } from './text.ts';
import type { FileSigner, LicenceRenderModel, LicenceRenderer } from './types.ts';

export const ATTACHMENT_NAME = 'licence.json';
export const SEAL_BOTTOM_TEXT = '电子证照专用章';
const FOOTER = '本证照为电子证照，与纸质证照具有同等法律效力。扫码或登录通办平台核验。';

const MM = 72 / 25.4;
const W = 297 * MM;
const H = 210 * MM;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.38, 0.38, 0.38);
const FRAME = rgb(0.62, 0.45, 0.2);
const TABLE_LINE = rgb(0.72, 0.62, 0.45);
const LABEL_BG = rgb(0.98, 0.955, 0.9);
const MARGIN_X = 62;
const TABLE_TOP = H - 148;
const TABLE_BOTTOM = 196;
/** 40 mm: comfortably above the 35 mm needed to scan a code of this density from paper. */
const QR_SIZE = 40 * MM;
const QR_X = 60;
const QR_TOP = 52 + QR_SIZE;
/** 42 mm, the usual diameter of an official round seal. */
const SEAL_DIAMETER = 42 * MM;

interface Ctx {
  page: PDFPage;
  font: PDFFont;
  measure: Measure;
}

function text(ctx: Ctx, s: string, x: number, y: number, size: number, color: RGB = INK, spacing = 0): void {
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

const spacedWidth = (ctx: Ctx, s: string, size: number, spacing: number) =>
  ctx.measure.widthOfTextAtSize(s, size) + spacing * Math.max(0, [...s].length - 1);

function frame(ctx: Ctx): void {
  const { page } = ctx;
  page.drawRectangle({ x: 16, y: 16, width: W - 32, height: H - 32, borderColor: FRAME, borderWidth: 2.4 });
  page.drawRectangle({ x: 22, y: 22, width: W - 44, height: H - 44, borderColor: FRAME, borderWidth: 0.6 });
  // Corner ornaments: a small square set diagonally, with two short bars along the frame.
  for (const [cx, cy] of [[22, 22], [W - 22, 22], [22, H - 22], [W - 22, H - 22]] as const) {
    page.drawRectangle({ x: cx - 5, y: cy - 5, width: 10, height: 10, color: FRAME, rotate: degrees(0) });
    page.drawRectangle({ x: cx - 2.5, y: cy - 2.5, width: 5, height: 5, color: rgb(1, 1, 1) });
  }
}

function header(ctx: Ctx, m: LicenceRenderModel): void {
  const chars = [...m.typeName].length;
  const size = chars <= 6 ? 38 : chars <= 9 ? 34 : 28;
  const spacing = chars <= 4 ? size * 0.75 : chars <= 6 ? size * 0.35 : chars <= 9 ? size * 0.12 : 0;
  const width = spacedWidth(ctx, m.typeName, size, spacing);
  const titleSize = width > W - 2 * MARGIN_X ? size * ((W - 2 * MARGIN_X) / width) : size;
  const titleWidth = Math.min(width, W - 2 * MARGIN_X);
  text(ctx, m.typeName, (W - titleWidth) / 2, H - 92, titleSize, INK, titleSize === size ? spacing : 0);
  // A short rule under the title, with the words 电子证照 centred on it.
  const sub = '电 子 证 照';
  const subWidth = ctx.measure.widthOfTextAtSize(sub, 10);
  const ruleY = H - 109;
  ctx.page.drawLine({ start: { x: W / 2 - 150, y: ruleY }, end: { x: W / 2 - subWidth / 2 - 10, y: ruleY }, thickness: 0.8, color: FRAME });
  ctx.page.drawLine({ start: { x: W / 2 + subWidth / 2 + 10, y: ruleY }, end: { x: W / 2 + 150, y: ruleY }, thickness: 0.8, color: FRAME });
  text(ctx, sub, (W - subWidth) / 2, ruleY - 3.5, 10, FRAME);

  const y = TABLE_TOP + 10;
  text(ctx, `证照编号：${m.number}`, MARGIN_X, y, 11);
  const version = m.version > 1 ? `（第 ${m.version} 版）` : '';
  const holder = `持证主体：${m.holderName}${version}`;
  const maxHolder = W / 2 - MARGIN_X;
  const holderSize = Math.min(11, (11 * maxHolder) / Math.max(1, ctx.measure.widthOfTextAtSize(holder, 11)));
  text(ctx, holder, W - MARGIN_X - ctx.measure.widthOfTextAtSize(holder, holderSize), y, holderSize);
}

interface Row {
  label: string[];
  value: string[];
}

const LABEL_WIDTH = 132;
const PAD_X = 9;

function layoutRows(ctx: Ctx, fields: LicenceRenderModel['fields'], size: number, maxLines: number): Row[] {
  const valueWidth = W - 2 * MARGIN_X - LABEL_WIDTH - 2 * PAD_X;
  return fields.map((f) => ({
    label: wrapText(f.label, ctx.measure, size, LABEL_WIDTH - 2 * PAD_X),
    value: clampLines(wrapText(f.value || '—', ctx.measure, size, valueWidth), maxLines, ctx.measure, size, valueWidth),
  }));
}

const lineHeight = (size: number) => size * 1.45;
const rowHeight = (r: Row, size: number) => Math.max(r.label.length, r.value.length) * lineHeight(size) + size * 0.9;

/** Lays the fields out at the largest size from 12 pt down to 8 pt at which the table fits its box. */
function fieldTable(ctx: Ctx, fields: LicenceRenderModel['fields']): void {
  const available = TABLE_TOP - TABLE_BOTTOM;
  let size = 12;
  let rows = layoutRows(ctx, fields, size, 99);
  const total = (rs: Row[], s: number) => rs.reduce((h, r) => h + rowHeight(r, s), 0);
  while (total(rows, size) > available && size > 8) {
    size -= 0.5;
    rows = layoutRows(ctx, fields, size, 99);
  }
  // Still too long at 8 pt: cut the longest values (the full text is in licence.json and the web view).
  for (let maxLines = 6; total(rows, size) > available && maxLines >= 1; maxLines--) rows = layoutRows(ctx, fields, size, maxLines);
  const { page } = ctx;
  const left = MARGIN_X;
  const right = W - MARGIN_X;
  let y = TABLE_TOP;
  page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.9, color: TABLE_LINE });
  for (const row of rows) {
    const h = rowHeight(row, size);
    if (y - h < TABLE_BOTTOM - 0.01) break;
    page.drawRectangle({ x: left, y: y - h, width: LABEL_WIDTH, height: h, color: LABEL_BG });
    const firstBaseline = y - size * 0.45 - size;
    row.label.forEach((line, i) => {
      // Labels are spread across the column (分散对齐), as on printed certificates.
      const chars = [...line];
      const free = LABEL_WIDTH - 2 * PAD_X - ctx.measure.widthOfTextAtSize(line, size);
      const spacing = row.label.length === 1 && chars.length > 1 && chars.length <= 5 ? free / (chars.length - 1) : 0;
      text(ctx, line, left + PAD_X, firstBaseline - i * lineHeight(size), size, MUTED, spacing);
    });
    row.value.forEach((line, i) => text(ctx, line, left + LABEL_WIDTH + PAD_X, firstBaseline - i * lineHeight(size), size));
    y -= h;
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.5, color: TABLE_LINE });
  }
  page.drawLine({ start: { x: left, y: TABLE_TOP }, end: { x: left, y }, thickness: 0.5, color: TABLE_LINE });
  page.drawLine({ start: { x: left + LABEL_WIDTH, y: TABLE_TOP }, end: { x: left + LABEL_WIDTH, y }, thickness: 0.5, color: TABLE_LINE });
  page.drawLine({ start: { x: right, y: TABLE_TOP }, end: { x: right, y }, thickness: 0.5, color: TABLE_LINE });
}

function verification(ctx: Ctx, m: LicenceRenderModel): void {
  drawQr(ctx.page, m.qr, QR_X, QR_TOP, QR_SIZE);
  const x = QR_X + QR_SIZE + 14;
  const width = 300;
  let y = QR_TOP - 12;
  text(ctx, '扫码核验', x, y, 12);
  y -= 17;
  for (const line of wrapText('使用手机扫描左侧二维码，或在通办平台“证照核验”页上传本文件，可核验证照真伪与当前状态。', ctx.measure, 8.5, width)) {
    text(ctx, line, x, y, 8.5, MUTED);
    y -= 12.5;
  }
  y -= 6;
  text(ctx, '证照标识', x, y, 7.5, MUTED);
  y -= 11;
  for (const line of wrapText(m.identifier, ctx.measure, 7.5, width)) {
    text(ctx, line, x, y, 7.5, MUTED);
    y -= 10;
  }
}

function issuer(ctx: Ctx, m: LicenceRenderModel): void {
  const size = 12.5;
  const lines = [
    `发证机关：${m.issuerName}`,
    `发证日期：${chineseDate(m.issuedOn)}`,
    m.expiresOn ? `有效期至：${chineseDate(m.expiresOn)}` : '有效期限：长期',
  ];
  const widest = Math.max(...lines.map((l) => ctx.measure.widthOfTextAtSize(l, size)));
  const x = Math.min(W - MARGIN_X - widest, W - 300);
  let y = 150;
  for (const line of lines) {
    text(ctx, line, x, y, size);
    y -= size * 1.9;
  }
  // The stamp goes over the issuer's name and the date, as a real seal does.
  const nameWidth = ctx.measure.widthOfTextAtSize(lines[0]!, size);
  drawSeal(ctx.page, { cx: Math.min(x + nameWidth - 62, W - 40 - SEAL_DIAMETER / 2), cy: 138, diameter: SEAL_DIAMETER, name: m.seal.name, bottomText: SEAL_BOTTOM_TEXT });
}

function footer(ctx: Ctx): void {
  const size = 9;
  text(ctx, FOOTER, (W - ctx.measure.widthOfTextAtSize(FOOTER, size)) / 2, 32, size, MUTED);
}

function watermark(ctx: Ctx, statusLabel: string): void {
  const mark = statusWatermark(statusLabel);
  if (!mark) return;
  const size = 120;
  const width = ctx.measure.widthOfTextAtSize(mark, size);
  const angle = (25 * Math.PI) / 180;
  // drawText rotates about the text's origin: place the origin so the text's centre is the page's.
  const cx = W / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size * 0.35);
  const cy = H / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size * 0.35);
  ctx.page.drawText(mark, { x: cx, y: cy, size, font: ctx.font, color: rgb(0.45, 0.45, 0.45), opacity: 0.3, rotate: degrees(25) });
}

/** Renders the certificate page of a licence into `doc` (no signature, no attachment). */
export async function drawLicence(doc: PDFDocument, m: LicenceRenderModel): Promise<void> {
  doc.registerFontkit(cachedFontkit);
  // A subset font's name starts with a six-letter tag (ISO 32000-1, 9.6.4), so viewers know it is partial.
  const tag = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const font = await doc.embedFont(cjkFontBytes(), { subset: true, customName: `${tag}+WenQuanYiMicroHei` });
  const ctx: Ctx = { page: doc.addPage([W, H]), font, measure: cjkMeasure };
  frame(ctx);
  header(ctx, m);
  fieldTable(ctx, m.fields);
  verification(ctx, m);
  issuer(ctx, m);
  footer(ctx);
  watermark(ctx, m.statusLabel);
}

async function render(m: LicenceRenderModel, signer: FileSigner): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: true });
  doc.setTitle(`${m.typeName} ${m.number}`, { showInWindowTitleBar: true });
  doc.setSubject(`电子证照 ${m.identifier}`);
  doc.setAuthor(m.issuerName);
  doc.setKeywords(['电子证照', m.typeName, m.number, m.identifier]);
  doc.setCreator('通办 Tongban');
  doc.setProducer('通办 Tongban (pdf-lib)');
  doc.setLanguage('zh-CN');
  await drawLicence(doc, m);
  await doc.attach(new TextEncoder().encode(m.signedJson), ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: '签名的电子证照数据（证照文档、SM3 摘要、SM2 签名、密钥标识）',
  });
  addSignaturePlaceholder(doc, signer.kid);
  const bytes = await doc.save({ useObjectStreams: false });
  return signPdfBytes(bytes, signer);
}

export const pdfRenderer: LicenceRenderer = { mime: 'application/pdf', extension: 'pdf', render };
