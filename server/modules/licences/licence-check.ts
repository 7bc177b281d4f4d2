// The checks of a licence that need nothing but the published public keys: its QR, its PDF, a signed
// licence document. The server's verification (licences.verify.ts, which adds the library's status), the
// 亮证 view and the standalone `npx tongban verify-licence` all use these, so they cannot disagree.
import { sm2Verify, sm3Hex } from '../../platform/sm.ts';
import { claimsOf, claimsText, documentText, parseLicenceQr, type LicenceClaims, type LicenceDocument } from '../../../domain/licence-document.ts';
import { readPdfAttachment, readPdfSignature } from './render/pdf-signature.ts';

/** The published SM2 public key of a key id, if there is one. */
export type PublicKeyOf = (kid: string) => Promise<string | undefined> | string | undefined;

/** What a PDF carries as licence.json, and the library stores: the document, its SM3 digest and the claims signature. */
export interface SignedLicence { document: LicenceDocument; digest: string; signature: string }

/** The document still hashes to the digest that was signed. A document that cannot be canonicalised was not signed by us. */
export function documentDigestOk(document: LicenceDocument, digest: string): boolean {
  try {
    return sm3Hex(documentText(document)) === digest;
  } catch {
    return false;
  }
}

async function signatureOk(publicKeyOf: PublicKeyOf, kid: string, message: string | Uint8Array, signature: string) {
  const key = await publicKeyOf(kid);
  return !!key && sm2Verify(message, signature, key);
}

/** The digest of the document, and the issuer's signature over its claims. */
export async function checkSignedLicence(s: SignedLicence, publicKeyOf: PublicKeyOf) {
  const digest = documentDigestOk(s.document, s.digest);
  let signature = false;
  try {
    signature = await signatureOk(publicKeyOf, s.document.kid, claimsText(claimsOf(s.document, s.digest)), s.signature);
  } catch {
    // Not a document of ours (missing parts): the signature cannot hold.
  }
  return { digest, signature };
}

export type QrCheck =
  | { ok: false; reason: string }
  | { ok: true; claims: LicenceClaims; keyKnown: boolean; signature: boolean };

/** A licence QR (the whole URL or the payload): the claims and whether the published key of `kid` signed them. */
export async function checkQr(text: string, publicKeyOf: PublicKeyOf): Promise<QrCheck> {
  const q = parseLicenceQr(text);
  if (!q.ok) return q;
  const key = await publicKeyOf(q.claims.kid);
  return { ok: true, claims: q.claims, keyKnown: !!key, signature: !!key && sm2Verify(q.signedText, q.signatureHex, key) };
}

export type PdfCheck =
  | { ok: false; reason: string }
  | { ok: true; file: boolean; signed: SignedLicence | undefined; digest: boolean; signature: boolean };

/** A licence PDF: the file's own signature, and the embedded licence.json's digest and signature. */
export async function checkPdf(bytes: Uint8Array, publicKeyOf: PublicKeyOf): Promise<PdfCheck> {
  const fileSig = readPdfSignature(bytes);
  const embedded = readPdfAttachment(bytes, 'licence.json');
  if (!fileSig || !embedded) return { ok: false, reason: '文件中没有通办电子证照签名' };
  const file = await signatureOk(publicKeyOf, fileSig.kid, fileSig.signedBytes, fileSig.signature);
  let signed: SignedLicence;
  try {
    signed = JSON.parse(embedded) as SignedLicence;
  } catch {
    return { ok: true, file, signed: undefined, digest: false, signature: false };
  }
  return { ok: true, file, signed, ...(await checkSignedLicence(signed, publicKeyOf)) };
}
