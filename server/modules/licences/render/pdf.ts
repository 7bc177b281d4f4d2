// The PDF renderer of e-licences: an A4 landscape certificate in the manner of Chinese e-licences
// (电子营业执照 and the like): the type name as a large spaced title inside a double frame, 证照编号
// and holder under it, the fields as a labelled table, the QR code bottom left with the 证照标识 in small
// print, the issuer and dates bottom right under the department's red seal, and a footer on legal effect.
// Text is set in WenQuanYi Micro Hei, embedded as a subset; the file is signed (pdf-signature.ts) and
// carries the signed licence as the embedded file licence.json.
import { randomBytes } from 'node:crypto';
import { PDFDocument, degrees, rgb } from 'pdf-lib';
import { FRAME, H, MARGIN_X, MM, MUTED, W, centred, frame, spacedWidth, text, type Ctx } from './draw.ts';
import { cachedFontkit, cjkFontBytes, cjkMeasure } from './font.ts';
import { addSignaturePlaceholder, signPdfBytes } from './pdf-signature.ts';
import { drawQr } from './qr.ts';
import { drawSeal } from './seal.ts';
import { drawTable, layoutTable } from './table.ts';
import { chineseDate, statusWatermark, wrapText } from './text.ts';
import type { FileSigner, LicenceRenderModel, LicenceRenderer } from './types.ts';

export const ATTACHMENT_NAME = 'licence.json';
export const SEAL_BOTTOM_TEXT = '电子证照专用章';
export const FOOTER = '本证照为电子证照，与纸质证照具有同等法律效力。扫码或登录通办平台核验。';

const TABLE_TOP = H - 148;
const TABLE_BOTTOM = 196;
/** Table box of a continuation page (续页). */
const NEXT_TOP = H - 100;
const NEXT_BOTTOM = 64;
/** 40 mm: comfortably above the 35 mm needed to scan a code of this density from paper. */
const QR_SIZE = 40 * MM;
const QR_X = 60;
const QR_TOP = 52 + QR_SIZE;
/** 42 mm, the usual diameter of an official round seal. */
const SEAL_DIAMETER = 42 * MM;

function header(ctx: Ctx, m: LicenceRenderModel): void {
  const chars = [...m.typeName].length;
  const size = chars <= 6 ? 38 : chars <= 9 ? 34 : 28;
  const spacing = chars <= 4 ? size * 0.75 : chars <= 6 ? size * 0.35 : chars <= 9 ? size * 0.12 : 0;
  const maxWidth = W - 2 * MARGIN_X;
  const width = spacedWidth(ctx, m.typeName, size, spacing);
  const fit = Math.min(1, maxWidth / width);
  text(ctx, m.typeName, (W - width * fit) / 2, H - 92, size * fit, undefined, spacing * fit);
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
  const holderSize = Math.min(11, (11 * (W / 2 - MARGIN_X)) / Math.max(1, ctx.measure.widthOfTextAtSize(holder, 11)));
  text(ctx, holder, W - MARGIN_X - ctx.measure.widthOfTextAtSize(holder, holderSize), y, holderSize);
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
  // The stamp goes over the end of the issuer's name and the date, as a real seal does.
  const nameEnd = x + ctx.measure.widthOfTextAtSize(lines[0]!, size);
  drawSeal(ctx.page, { cx: Math.min(nameEnd - 62, W - 40 - SEAL_DIAMETER / 2), cy: 138, diameter: SEAL_DIAMETER, name: m.seal.name, bottomText: SEAL_BOTTOM_TEXT });
}

function watermark(ctx: Ctx, statusLabel: string): void {
  const mark = statusWatermark(statusLabel);
  if (!mark) return;
  const size = 120;
  const width = ctx.measure.widthOfTextAtSize(mark, size);
  const angle = (25 * Math.PI) / 180;
  // drawText rotates about the text's origin: place the origin so the text's centre is the page's.
  const x = W / 2 - (Math.cos(angle) * width) / 2 + Math.sin(angle) * size * 0.38;
  const y = H / 2 - (Math.sin(angle) * width) / 2 - Math.cos(angle) * size * 0.38;
  ctx.page.drawText(mark, { x, y, size, font: ctx.font, color: rgb(0.45, 0.45, 0.45), opacity: 0.3, rotate: degrees(25) });
}

/** Renders the pages of a licence into `doc` (no signature, no attachment). */
export async function drawLicence(doc: PDFDocument, m: LicenceRenderModel): Promise<void> {
  doc.registerFontkit(cachedFontkit);
  // A subset font's name starts with a six-letter tag (ISO 32000-1, 9.6.4), so viewers know it is partial.
  const tag = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const font = await doc.embedFont(cjkFontBytes(), { subset: true, customName: `${tag}+WenQuanYiMicroHei` });
  const table = layoutTable(cjkMeasure, m.fields, TABLE_TOP - TABLE_BOTTOM, NEXT_TOP - NEXT_BOTTOM);
  const pageCount = table.pages.length;
  const pageNote = (n: number) => (pageCount > 1 ? `证照编号 ${m.number}　第 ${n} 页 / 共 ${pageCount} 页` : '');

  const ctx: Ctx = { page: doc.addPage([W, H]), font, measure: cjkMeasure };
  frame(ctx);
  header(ctx, m);
  const bottom = drawTable(ctx, table.pages[0]!, table.size, table.pad, TABLE_TOP);
  if (pageCount > 1) text(ctx, `（下接续页，${pageNote(1)}）`, MARGIN_X, bottom - 13, 8.5, MUTED);
  verification(ctx, m);
  issuer(ctx, m);
  centred(ctx, FOOTER, 32, 9, MUTED);
  watermark(ctx, m.statusLabel);

  table.pages.slice(1).forEach((rows, i) => {
    const next: Ctx = { ...ctx, page: doc.addPage([W, H]) };
    frame(next);
    centred(next, `${m.typeName}（续页）`, H - 72, 20);
    drawTable(next, rows, table.size, 0, NEXT_TOP);
    centred(next, pageNote(i + 2), 44, 8.5, MUTED);
    centred(next, FOOTER, 32, 9, MUTED);
    watermark(next, m.statusLabel);
  });
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
