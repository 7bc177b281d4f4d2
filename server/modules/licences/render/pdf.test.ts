import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { sm2GenerateKeyPair, sm2Verify } from '../../../platform/sm.ts';
import { ATTACHMENT_NAME, pdfRenderer } from './pdf.ts';
import { SIGNATURE_HEX_LENGTH, readPdfAttachment, readPdfSignature } from './pdf-signature.ts';
import { sampleModel, sampleSigner } from './sample.ts';

const keys = sm2GenerateKeyPair();
const signer = sampleSigner(keys, 'scjg-2025-01');
const model = sampleModel(signer);
const pdf = await pdfRenderer.render(model, signer);
const text = Buffer.from(pdf).toString('latin1');

/** What a verifier does with the file alone: the signature must be there, by this key, over these bytes. */
function verifies(bytes: Uint8Array): boolean {
  const sig = readPdfSignature(bytes);
  return sig !== undefined && sig.kid === signer.kid && sm2Verify(sig.signedBytes, sig.signature, keys.publicKey);
}

const flipped = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** Offset of the first data byte of the stream of `n 0 obj`. */
function streamDataOffset(objectHeaderAt: number): number {
  const at = text.indexOf('stream', objectHeaderAt);
  assert.ok(at > 0);
  return at + 'stream\n'.length;
}

const signatureAt = text.indexOf('/TongbanSignature <') + '/TongbanSignature <'.length;

test('renders a valid A4 landscape PDF under 200 KB with the licence attached', async () => {
  assert.equal(pdfRenderer.mime, 'application/pdf');
  assert.equal(pdfRenderer.extension, 'pdf');
  assert.equal(text.slice(0, 5), '%PDF-');
  assert.ok(pdf.length < 200 * 1024, `size ${pdf.length}`);
  const doc = await PDFDocument.load(pdf);
  assert.equal(doc.getPageCount(), 1);
  const { width, height } = doc.getPage(0).getSize();
  assert.ok(Math.abs(width - 841.89) < 0.1 && Math.abs(height - 595.28) < 0.1, `${width} x ${height}`);
  assert.equal(doc.getTitle(), `营业执照 ${model.number}`);
  assert.equal(doc.getAuthor(), '示范区市场监督管理局');
  assert.equal(readPdfAttachment(pdf, ATTACHMENT_NAME), model.signedJson);
  assert.deepEqual(JSON.parse(readPdfAttachment(pdf, ATTACHMENT_NAME)!), JSON.parse(model.signedJson));
  assert.equal(readPdfAttachment(pdf, 'other.json'), undefined);
  assert.equal(readPdfAttachment(new TextEncoder().encode('not a pdf'), ATTACHMENT_NAME), undefined);
});

test('the file signature verifies with the key that signed it and names its kid', () => {
  const sig = readPdfSignature(pdf)!;
  assert.ok(sig);
  assert.equal(sig.kid, 'scjg-2025-01');
  assert.match(sig.signature, /^[0-9a-f]{128}$/);
  assert.equal(sig.signedBytes.length, pdf.length - SIGNATURE_HEX_LENGTH);
  assert.ok(sm2Verify(sig.signedBytes, sig.signature, keys.publicKey));
  assert.equal(sm2Verify(sig.signedBytes, sig.signature, sm2GenerateKeyPair().publicKey), false, 'another key does not verify it');
  // The signed message is the file without the 128 signature digits, nothing else.
  assert.deepEqual(Buffer.from(sig.signedBytes), Buffer.concat([pdf.subarray(0, signatureAt), pdf.subarray(signatureAt + 128)]));
});

test('one flipped byte in a content stream, the attachment, the trailer, the kid or anywhere else is detected', async () => {
  const doc = await PDFDocument.load(pdf);
  const raw = doc.getPage(0).node.get(PDFName.of('Contents'));
  const firstRef = raw instanceof PDFArray ? raw.get(0) : raw;
  assert.ok(firstRef instanceof PDFRef);
  const contentAt = streamDataOffset(text.indexOf(`\n${firstRef.objectNumber} 0 obj`));
  const attachmentAt = streamDataOffset(text.lastIndexOf('obj', text.indexOf('/Type /EmbeddedFile')));
  const places: Record<string, number> = {
    'content stream': contentAt + 20,
    attachment: attachmentAt + 10,
    trailer: text.lastIndexOf('trailer') + 2,
    'xref table': text.lastIndexOf('\nxref\n') + 30,
    startxref: text.lastIndexOf('startxref') + 12,
    kid: text.indexOf('/TongbanKid <') + '/TongbanKid <'.length + 3,
    'first byte': 0,
    'last byte': pdf.length - 1,
    'byte before the signature': signatureAt - 2,
    'byte after the signature': signatureAt + 129,
  };
  assert.ok(verifies(pdf));
  for (const [where, at] of Object.entries(places)) {
    assert.ok(at >= 0 && at < pdf.length, where);
    assert.equal(verifies(flipped(pdf, at)), false, where);
  }
  // And a spread of positions over the whole signed range.
  for (let i = 1; i <= 24; i++) {
    let at = Math.floor((i * pdf.length) / 25);
    if (at >= signatureAt - 1 && at <= signatureAt + 128) at = signatureAt + 140;
    assert.equal(verifies(flipped(pdf, at)), false, `offset ${at}`);
  }
});

test('appending bytes, or a second signature field, is not accepted', () => {
  const appended = Buffer.concat([pdf, Buffer.from('\n% appended\n')]);
  assert.equal(verifies(appended), false);
  const second = Buffer.concat([pdf, Buffer.from(`\n%/TongbanSignature <${'0'.repeat(128)}>\n`)]);
  assert.equal(readPdfSignature(second), undefined);
  assert.equal(readPdfSignature(new TextEncoder().encode('%PDF-1.7 no signature')), undefined);
});

test('an altered signature does not verify', () => {
  const sig = readPdfSignature(pdf)!;
  const digit = pdf[signatureAt + 5]!;
  const other = digit === 0x30 ? 0x31 : 0x30; // another hex digit, so the format stays valid
  const altered = new Uint8Array(pdf);
  altered[signatureAt + 5] = other;
  const read = readPdfSignature(altered)!;
  assert.notEqual(read.signature, sig.signature);
  assert.equal(sm2Verify(read.signedBytes, read.signature, keys.publicKey), false);
  const zeros = new Uint8Array(pdf);
  zeros.fill(0x30, signatureAt, signatureAt + 128);
  assert.equal(verifies(zeros), false);
});

test('every render is signed afresh and carries its own data, also when rendering in parallel', async () => {
  const again = await pdfRenderer.render(model, signer);
  assert.ok(verifies(again));
  assert.equal(readPdfAttachment(again, ATTACHMENT_NAME), model.signedJson);
  // The parsed font is shared between documents: interleaved renders must not mix anything up.
  const models = Array.from({ length: 6 }, (_, i) => sampleModel(signer, { holderName: `企业${i}`, number: `SFQ20250301${i}`, signedJson: JSON.stringify({ i }) }));
  const files = await Promise.all(models.map((m) => pdfRenderer.render(m, signer)));
  files.forEach((file, i) => {
    assert.ok(verifies(file));
    assert.equal(readPdfAttachment(file, ATTACHMENT_NAME), JSON.stringify({ i }));
  });
  const titles = await Promise.all(files.map(async (f) => (await PDFDocument.load(f)).getTitle()));
  assert.deepEqual(titles, models.map((m) => `营业执照 ${m.number}`));
});

test('a licence with many long fields continues on further pages, no field dropped', async () => {
  const fields = Array.from({ length: 24 }, (_, i) => ({ label: `项目${i + 1}`, value: `第${i + 1}项：` + '道路普通货物运输、货物专用运输（集装箱）、大型物件运输；'.repeat(3) }));
  const bytes = await pdfRenderer.render(sampleModel(signer, { fields }), signer);
  const doc = await PDFDocument.load(bytes);
  assert.ok(doc.getPageCount() >= 2, `pages ${doc.getPageCount()}`);
  assert.ok(verifies(bytes));
  assert.ok(bytes.length < 200 * 1024);
});

test('a signer that returns something other than an SM2 signature is refused', async () => {
  await assert.rejects(pdfRenderer.render(model, { kid: 'k', sign: () => 'not-hex' }), /128 hex digits/);
});
