// The signature of a licence PDF file: any change of any byte of the file is detectable.
//
// It works like a PAdES signature (a placeholder excluded from the signed bytes), but without CMS,
// so a verifier needs nothing but SM2/SM3 and the issuer's published key (GET /api/licences/keys).
//
// Byte rules (exact; docs/LICENCES.md quotes them):
// 1. The signer writes two entries into the document information dictionary (trailer /Info):
//      /TongbanKid <hex>                  the key id, as the hex digits of its UTF-8 bytes;
//      /TongbanSignature <128 hex digits> the SM2 signature r || s (32 bytes each), lower case.
//    The PDF is written without object streams, so both appear in the file as plain ASCII. A verifier
//    does not need to parse the PDF: it finds them by byte search (rules 2 to 4).
// 2. The ASCII byte sequence `/TongbanSignature <` occurs exactly once in the file, and so does
//    `/TongbanKid <`. A file with neither is not a Tongban-signed PDF; a file with two is rejected
//    (no second copy is trusted).
// 3. Let p be the offset of the first byte after `/TongbanSignature <`. Bytes p .. p+127 are 128 hex
//    digits (the signature) and byte p+128 is `>`.
// 4. The key id is the UTF-8 text whose hex digits run from the byte after `/TongbanKid <` to the next `>`
//    (an even number of hex digits, at most 512).
// 5. The signed message is the whole file without the 128 signature digits: bytes [0, p) followed by
//    bytes [p+128, end of file). Everything else is covered: the header, every object (pages, font,
//    the attached licence.json), the cross-reference table, the trailer, the key id itself, and any
//    bytes appended after %%EOF (an incremental update).
// 6. The signature is SM2 with SM3 (GB/T 32918.2), user id `1234567812345678`, over that message, by
//    the key named by the key id. While signing, the 128 digits are ASCII `0`s; they are not part of
//    the message, so their value does not matter.
// The licence data itself travels in the file as the embedded file `licence.json` (the signed licence
// with its own SM2 signature), so a verifier can check the licence and ask about its current status.
import {
  PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFObjectParser, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFDocument,
} from 'pdf-lib';
import type { FileSigner } from './types.ts';

export const SIGNATURE_HEX_LENGTH = 128;
const SIGNATURE_KEY = 'TongbanSignature';
const KID_KEY = 'TongbanKid';
const SIGNATURE_MARKER = Buffer.from(`/${SIGNATURE_KEY} <`, 'latin1');
const KID_MARKER = Buffer.from(`/${KID_KEY} <`, 'latin1');

export interface PdfSignature {
  kid: string;
  /** r || s, 128 hex digits as found in the file (verification checks the format). */
  signature: string;
  /** The signed message: the file without the signature's hex digits. */
  signedBytes: Uint8Array;
}

/** Puts the key id and a zero-filled signature placeholder into the document information dictionary. */
export function addSignaturePlaceholder(doc: PDFDocument, kid: string): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  if (!info) throw new Error('PDF has no document information dictionary');
  info.set(PDFName.of(KID_KEY), PDFHexString.of(Buffer.from(kid, 'utf8').toString('hex')));
  info.set(PDFName.of(SIGNATURE_KEY), PDFHexString.of('0'.repeat(SIGNATURE_HEX_LENGTH)));
}

/** Offsets of every occurrence of `needle` in `bytes`. */
function occurrences(bytes: Uint8Array, needle: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const HEX = /^[0-9a-fA-F]*$/;
const latin1 = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** Offset p of rule 3, or undefined when the file breaks rule 2 or 3. */
function signatureOffset(bytes: Uint8Array): number | undefined {
  const at = occurrences(bytes, SIGNATURE_MARKER);
  if (at.length !== 1) return undefined;
  const p = at[0]! + SIGNATURE_MARKER.length;
  if (p + SIGNATURE_HEX_LENGTH >= bytes.length || bytes[p + SIGNATURE_HEX_LENGTH] !== 0x3e /* > */) return undefined;
  return HEX.test(latin1(bytes, p, p + SIGNATURE_HEX_LENGTH)) ? p : undefined;
}

function readKid(bytes: Uint8Array): string | undefined {
  const at = occurrences(bytes, KID_MARKER);
  if (at.length !== 1) return undefined;
  const start = at[0]! + KID_MARKER.length;
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0x3e, start);
  if (end < 0 || end - start > 512) return undefined;
  const hex = latin1(bytes, start, end);
  if (!HEX.test(hex) || hex.length % 2 !== 0) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(hex, 'hex'));
  } catch {
    return undefined;
  }
}

const withoutSignature = (bytes: Uint8Array, p: number): Uint8Array =>
  Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + SIGNATURE_HEX_LENGTH)]);

/** Signs a PDF saved with a placeholder (addSignaturePlaceholder); returns a new signed copy. */
export function signPdfBytes(bytes: Uint8Array, signer: FileSigner): Uint8Array {
  const p = signatureOffset(bytes);
  if (p === undefined || readKid(bytes) !== signer.kid) throw new Error('PDF has no (single) Tongban signature placeholder for this key');
  const signature = signer.sign(withoutSignature(bytes, p)).toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(signature)) throw new Error('signer must return an SM2 signature as 128 hex digits');
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(signature, 'latin1'), p);
  return out;
}

/** The file signature of a Tongban PDF, to check with sm2Verify(signedBytes, signature, publicKey of kid). */
export function readPdfSignature(bytes: Uint8Array): PdfSignature | undefined {
  const p = signatureOffset(bytes);
  const kid = readKid(bytes);
  if (p === undefined || kid === undefined) return undefined;
  return { kid, signature: latin1(bytes, p, p + SIGNATURE_HEX_LENGTH), signedBytes: withoutSignature(bytes, p) };
}

const MAX_NAME_TREE_DEPTH = 8;

function findInNameTree(node: PDFDict, name: string, depth = 0): PDFDict | undefined {
  if (depth > MAX_NAME_TREE_DEPTH) return undefined;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if ((key instanceof PDFString || key instanceof PDFHexString) && key.decodeText() === name) {
        return names.lookup(i + 1) instanceof PDFDict ? (names.lookup(i + 1) as PDFDict) : undefined;
      }
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    const hit = kid instanceof PDFDict ? findInNameTree(kid, name, depth + 1) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Every indirect object of a PDF written without object streams (as Tongban writes them), parsed in
 * file order; stream data is skipped so bytes inside a stream are never taken for an object header.
 * Synchronous on purpose: pdf-lib's own loader is async only.
 */
function scanObjects(bytes: Uint8Array): { context: PDFContext; root: PDFDict | undefined } {
  const context = PDFContext.create();
  const text = latin1(bytes, 0, bytes.length);
  const header = /(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const ref = PDFRef.of(Number(m[1]), Number(m[2]));
    const start = m.index + m[0].length;
    try {
      const object = PDFObjectParser.forBytes(bytes.subarray(start), context).parseObject();
      context.assign(ref, object);
      if (object instanceof PDFRawStream) {
        const end = text.indexOf('endstream', start + object.contents.length);
        if (end > 0) header.lastIndex = end;
      }
    } catch {
      // not an object after all (or a broken one): keep scanning
    }
  }
  const trailer = text.lastIndexOf('trailer');
  if (trailer < 0) return { context, root: undefined };
  const dict = PDFObjectParser.forBytes(bytes.subarray(trailer + 'trailer'.length), context).parseObject();
  const root = dict instanceof PDFDict ? dict.lookupMaybe(PDFName.of('Root'), PDFDict) : undefined;
  return { context, root };
}

/**
 * The text of an embedded file (e.g. `licence.json`) of a Tongban PDF, or undefined when the file cannot
 * be read or has no such attachment. Reading it says nothing about integrity: check readPdfSignature too.
 */
export function readPdfAttachment(bytes: Uint8Array, name: string): string | undefined {
  try {
    const { root } = scanObjects(bytes);
    const tree = root?.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    const spec = tree && findInNameTree(tree, name);
    const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(decodePDFRawStream(stream).decode());
  } catch {
    return undefined;
  }
}
