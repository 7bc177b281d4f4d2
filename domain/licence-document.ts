// What an issued licence signs, and the QR payload that carries its signature (see docs/LICENCES.md).
//
//   document  the licence's content (identifier, type, holder, issuer, dates, fields, key id);
//   digest    SM3 over canonicalJson(document) (domain/licence-canonical.ts), lower-case hex;
//   claims    {v, id, kid, iss, typ, num, iat, exp, dg}: the identifier and digest plus what an offline
//             verifier needs to show; canonicalJson(claims) is base64url-encoded (no padding);
//   signature SM2 (GB/T 32918, user id 1234567812345678) over the UTF-8 bytes of that base64url text.
//
// QR text: `<public url>/verify#TBL1.<claims base64url>.<signature base64url (64 bytes r||s)>`. A verifier
// takes the part after '#' (or the whole text when it starts with TBL1.) and needs nothing but the
// published public key of `kid`. Status (revocation) is not in the QR: it can change; ask the issuer online.
import { canonicalJson, CANONICALIZATION } from './licence-canonical.ts';

export const LICENCE_FORMAT = 'tongban-licence-v1';
export const QR_PREFIX = 'TBL1';

export interface LicenceDocument {
  format: typeof LICENCE_FORMAT;
  c14n: typeof CANONICALIZATION;
  identifier: string;
  number: string;
  version: number;
  replaces: string | null;
  type: { code: string; name: string };
  holder: { kind: 'person' | 'enterprise'; name: string; id: string };
  issuer: { departmentId: string; name: string; uscc: string };
  issuedOn: string;
  expiresOn: string | null;
  fields: Record<string, string>;
  seal: string;
  kid: string;
}

export interface LicenceClaims {
  v: 1;
  id: string;
  kid: string;
  iss: string;
  typ: string;
  num: string;
  iat: string;
  exp: string | null;
  dg: string;
}

export const documentText = (doc: LicenceDocument) => canonicalJson(doc, 'document');

export function claimsOf(doc: LicenceDocument, digest: string): LicenceClaims {
  return { v: 1, id: doc.identifier, kid: doc.kid, iss: doc.issuer.departmentId, typ: doc.type.name, num: doc.number, iat: doc.issuedOn, exp: doc.expiresOn, dg: digest };
}

export const base64url = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64url');

/** The text that is signed: base64url of the canonical claims. */
export const claimsText = (claims: LicenceClaims) => base64url(canonicalJson(claims, 'claims'));

export const qrPayload = (claimsB64: string, signatureHex: string) => `${QR_PREFIX}.${claimsB64}.${Buffer.from(signatureHex, 'hex').toString('base64url')}`;
export const qrText = (publicUrl: string, payload: string) => `${publicUrl}/verify#${payload}`;

export type ParsedQr =
  | { ok: true; claims: LicenceClaims; signedText: string; signatureHex: string }
  | { ok: false; reason: string };

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Reads a licence QR (the whole URL or just the payload). Never throws. */
export function parseLicenceQr(text: string): ParsedQr {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  const payload = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  const parts = payload.split('.');
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return { ok: false, reason: '不是通办电子证照二维码' };
  const [, claimsB64, sigB64] = parts as [string, string, string];
  if (!B64URL.test(claimsB64) || !B64URL.test(sigB64)) return { ok: false, reason: '二维码内容不完整' };
  const sig = Buffer.from(sigB64, 'base64url');
  if (sig.length !== 64) return { ok: false, reason: '二维码中的签名长度不对' };
  let claims: LicenceClaims;
  try {
    claims = JSON.parse(Buffer.from(claimsB64, 'base64url').toString('utf8')) as LicenceClaims;
  } catch {
    return { ok: false, reason: '二维码内容无法解析' };
  }
  if (!claims || typeof claims !== 'object' || claims.v !== 1 || typeof claims.id !== 'string' || typeof claims.kid !== 'string' || typeof claims.dg !== 'string') {
    return { ok: false, reason: '二维码内容缺少证照标识、密钥或摘要' };
  }
  return { ok: true, claims, signedText: claimsB64, signatureHex: sig.toString('hex') };
}
