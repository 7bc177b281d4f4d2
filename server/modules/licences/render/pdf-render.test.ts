// The rendered licence checked with real tools: poppler draws it on a machine that (as far as
// fontconfig knows) has no CJK font, the Chinese text is there, the seal is red, and the QR code on the
// page decodes (jsQR, on pdftoppm's grayscale output) to exactly the licence's QR text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import jsQR from 'jsqr';
import { FOOTER, pdfRenderer } from './pdf.ts';
import { sampleModel, sampleSigner } from './sample.ts';
import { dejavuOnlyEnv, hasPoppler, pdffonts, pdftotext, rasterize, rgbaCrop, withPdf, type Raster } from './test-poppler.ts';

const skip = hasPoppler() ? false : 'pdftoppm (poppler-utils) is not installed: run scripts/install-system-deps.sh';
const signer = sampleSigner();
const model = sampleModel(signer);
const pdf = await pdfRenderer.render(model, signer);
const PT = 72;
const PAGE_H = 595.28;

/** Pixels of a raster inside a rectangle given in PDF points from the page's top-left corner. */
function count(r: Raster, dpi: number, box: { x: number; y: number; w: number; h: number }, pick: (rgb: number[]) => boolean): number {
  const k = dpi / PT;
  let n = 0;
  for (let y = Math.floor(box.y * k); y < Math.min(r.height, (box.y + box.h) * k); y++) {
    for (let x = Math.floor(box.x * k); x < Math.min(r.width, (box.x + box.w) * k); x++) {
      const i = (y * r.width + x) * r.channels;
      const px = r.channels === 3 ? [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!] : [r.data[i]!, r.data[i]!, r.data[i]!];
      if (pick(px)) n++;
    }
  }
  return n;
}
const dark = ([r, g, b]: number[]) => r! < 110 && g! < 110 && b! < 110;
const red = ([r, g, b]: number[]) => r! > 170 && g! < 90 && b! < 100;

test('the PDF embeds its only font, a WenQuanYi subset, and needs no system font', { skip }, () => {
  withPdf(pdf, (file) => {
    const rows = pdffonts(file).trim().split('\n').slice(2);
    assert.equal(rows.length, 1, pdffonts(file));
    assert.match(rows[0]!, /^[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\b/);
  });
});

test('with a fontconfig that knows only DejaVu the page renders the same, Chinese text and red seal included', { skip }, () => {
  withPdf(pdf, (file, dir) => {
    const env = dejavuOnlyEnv(dir);
    const fcList = spawnSync('fc-list', [':lang=zh'], { env });
    if (!fcList.error) assert.equal(fcList.stdout.toString().trim(), '', 'the test fontconfig must list no Chinese font');
    const bare = rasterize(file, dir, 50, { env });
    const full = rasterize(file, dir, 50);
    assert.ok(Buffer.from(bare.data).equals(Buffer.from(full.data)), 'same pixels with and without system CJK fonts');
    // Title 营业执照 (38 pt, baseline 92 pt below the top), the field table, the seal.
    const title = count(bare, 50, { x: 250, y: 50, w: 340, h: 50 }, dark);
    assert.ok(title > 300, `title pixels ${title}`);
    const table = count(bare, 50, { x: 200, y: 150, w: 560, h: 240 }, dark);
    assert.ok(table > 800, `table text pixels ${table}`);
    const seal = count(bare, 50, { x: 560, y: PAGE_H - 230, w: 240, h: 200 }, red);
    assert.ok(seal > 800, `red seal pixels ${seal}`);
    assert.equal(count(bare, 50, { x: 0, y: 0, w: 250, h: 140 }, red), 0, 'no red outside the seal');
  });
});

test('the QR code on the page decodes to the licence QR text (150 dpi, no CJK fonts)', { skip }, () => {
  withPdf(pdf, (file, dir) => {
    const page = rasterize(file, dir, 150, { gray: true, env: dejavuOnlyEnv(dir) });
    assert.equal(page.channels, 1);
    // Bottom-left quarter, where the code is printed (with its quiet zone).
    const k = 150 / PT;
    const x = Math.round(30 * k);
    const y = Math.round((PAGE_H - 200) * k);
    const w = Math.round(200 * k);
    const h = page.height - y - Math.round(20 * k);
    const qr = jsQR(rgbaCrop(page, x, y, w, h), w, h);
    assert.ok(qr, 'a QR code was found');
    assert.equal(qr.data, model.qr);
    // 40 mm wide on paper: at least 35 mm is needed to scan it from a print.
    const widthMm = ((qr.location.topRightCorner.x - qr.location.topLeftCorner.x) / k) * (25.4 / PT);
    assert.ok(widthMm > 33 && widthMm < 42, `QR width ${widthMm.toFixed(1)} mm between the finder centres`);
  });
});

test('the text is extractable: type, number, fields, issuer, dates, identifier, footer', { skip }, () => {
  withPdf(pdf, (file, dir) => {
    const text = pdftotext(file, dejavuOnlyEnv(dir)).replace(/\s+/g, '');
    for (const s of ['营业执照', `证照编号：${model.number}`, '安澜市示范区青禾智能科技有限公司', '91341100MA2T8XK45J', '林晓岚', '人民币壹佰万元整',
      '发证机关：示范区市场监督管理局', '发证日期：2025年03月01日', '有效期限：长期', model.identifier, FOOTER]) {
      assert.ok(text.includes(s.replace(/\s+/g, '')), `missing ${s}`);
    }
    assert.ok(!text.includes('已撤销'));
  });
});

test('a revoked licence carries a large 已撤销 watermark; an expiring one prints its expiry date', { skip }, async () => {
  const revoked = await pdfRenderer.render(sampleModel(signer, { statusLabel: '撤销', expiresOn: '2030-02-28' }), signer);
  withPdf(revoked, (file, dir) => {
    const text = pdftotext(file).replace(/\s+/g, '');
    assert.ok(text.includes('已撤销'));
    assert.ok(text.includes('有效期至：2030年02月28日'));
    // The watermark is grey and large: many grey pixels in the middle of the page, compared with the valid one.
    const grey = ([r, g, b]: number[]) => Math.abs(r! - g!) < 8 && Math.abs(g! - b!) < 8 && r! > 150 && r! < 225;
    const middle = { x: 250, y: 150, w: 340, h: 250 };
    const withMark = count(rasterize(file, dir, 50), 50, middle, grey);
    const without = withPdf(pdf, (f, d) => count(rasterize(f, d, 50), 50, middle, grey));
    assert.ok(withMark > without + 2000, `grey pixels ${withMark} vs ${without}`);
  });
});
