import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { DEFAULT_CJK_FONT, cjkFont, cjkFontBytes, cjkMeasure, extractTtcFace } from './font.ts';
import { chineseDate, statusWatermark, wrapText } from './text.ts';

test('face 0 is cut out of the WenQuanYi collection as a valid standalone TrueType font', () => {
  const ttc = new Uint8Array(readFileSync(DEFAULT_CJK_FONT));
  assert.equal(Buffer.from(ttc.subarray(0, 4)).toString('latin1'), 'ttcf');
  const ttf = cjkFontBytes();
  assert.equal(Buffer.from(ttf.subarray(0, 4)).toString('hex'), '00010000');
  // Every table's checksum is right, and so is head.checkSumAdjustment (whole file sums to 0xB1B0AFBA).
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const sum = (start: number, length: number) => {
    let s = 0;
    for (let o = start; o < start + ((length + 3) & ~3); o += 4) s = (s + view.getUint32(o)) >>> 0;
    return s;
  };
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = Buffer.from(ttf.subarray(rec, rec + 4)).toString('latin1');
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    const expected = tag === 'head' ? (sum(offset, length) - view.getUint32(offset + 8)) >>> 0 : sum(offset, length);
    assert.equal(view.getUint32(rec + 4), expected, `checksum of ${tag}`);
  }
  assert.equal(sum(0, ttf.length), 0xb1b0afba);
  const font = fontkit.create(Buffer.from(ttf));
  assert.equal(font.postscriptName, 'WenQuanYiMicroHei');
  assert.ok(font.glyphForCodePoint('证'.codePointAt(0)!).id > 0);
  assert.equal(cjkFont().numGlyphs, font.numGlyphs);
  assert.throws(() => extractTtcFace(ttc, 9), /no face 9/);
  assert.equal(extractTtcFace(ttf), ttf, 'a plain TrueType font is returned as it is');
});

test('a missing CJK font says how to install it', async () => {
  const saved = process.env.TONGBAN_CJK_FONT;
  process.env.TONGBAN_CJK_FONT = '/nonexistent/font.ttc';
  try {
    assert.throws(() => cjkFontBytes(), /scripts\/install-system-deps\.sh/);
  } finally {
    if (saved === undefined) delete process.env.TONGBAN_CJK_FONT;
    else process.env.TONGBAN_CJK_FONT = saved;
  }
  assert.ok(cjkFontBytes().length > 1_000_000);
});

test('Chinese text breaks between characters, keeps Latin words whole and never starts a line with punctuation', () => {
  const size = 10;
  const width = cjkMeasure.widthOfTextAtSize('一二三四五六', size);
  const lines = wrapText('一般项目：技术服务、技术开发，技术咨询。', cjkMeasure, size, width);
  assert.deepEqual(lines.join(''), '一般项目：技术服务、技术开发，技术咨询。');
  for (const line of lines) {
    assert.ok(!/^[，。、；：]/.test(line), `line starts with punctuation: ${line}`);
    // Hanging punctuation may stick out by one character, nothing more.
    assert.ok(cjkMeasure.widthOfTextAtSize(line.replace(/[，。、；：]$/, ''), size) <= width + 0.01, line);
  }
  const words = wrapText('注册号 ABC123456789 与 XYZ', cjkMeasure, size, cjkMeasure.widthOfTextAtSize('注册号 ABC123456789', size));
  assert.ok(words.some((l) => l.includes('ABC123456789')), JSON.stringify(words));
  const code = wrapText('1.2.156.3005.2.11100000000013127X001.11341100MB1957382T.20250301000017.001.K', cjkMeasure, 7.5, 150);
  assert.ok(code.length >= 2 && code.join('') === '1.2.156.3005.2.11100000000013127X001.11341100MB1957382T.20250301000017.001.K');
  assert.deepEqual(wrapText('第一行\n第二行', cjkMeasure, size, 500), ['第一行', '第二行']);
});

test('dates print the certificate way and invalid statuses get a watermark', () => {
  assert.equal(chineseDate('2025-03-01'), '2025年03月01日');
  assert.equal(statusWatermark('有效'), undefined);
  assert.equal(statusWatermark('撤销'), '已撤销');
  assert.equal(statusWatermark('吊销'), '已吊销');
  assert.equal(statusWatermark('暂扣'), '暂扣');
  assert.equal(statusWatermark('其他'), '非有效证照');
});
