// Verification of a licence QR or PDF: the signature with the published key, the digest of the signed
// document, the file's own signature, and (online only) the licence's current status in the library.
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { sm3Hex } from '../../platform/sm.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { maskIdNumber, maskName } from '../../../domain/codes.ts';
import { LicenceStatus, LicenceStatusLabel, type LicenceStatus as Status } from '../../../domain/licence-types.ts';
import { claimsOf, claimsText, documentText, parseLicenceQr, type LicenceDocument } from '../../../domain/licence-document.ts';
import type { KeyStore } from './keys.ts';
import * as repo from './licences.repo.ts';
import { readPdfAttachment, readPdfSignature } from './render/pdf-signature.ts';

export type Verdict = 'valid' | 'tampered' | 'revoked' | 'expired' | 'inactive' | 'unknown';

const MESSAGE: Record<Verdict, string> = {
  valid: '证照真实有效：签名验证通过，证照状态有效。',
  tampered: '证照内容与签发机关的签名不符，可能已被篡改，请勿采信。',
  revoked: '证照签名真实，但已被签发机关撤销或吊销。',
  expired: '证照签名真实，但已超过有效期。',
  inactive: '证照签名真实，但当前状态不是“有效”。',
  unknown: '无法识别为本平台签发的电子证照。',
};

interface Checks { signature: boolean; digest: boolean; file?: boolean; known: boolean }

export function createVerifier(db: Db, clock: Clock, keys: KeyStore) {
  function result(verdict: Verdict, checks: Checks, row?: repo.LicenceRow & { issuer: string }, reason?: string) {
    const doc = row?.document as unknown as LicenceDocument | undefined;
    return {
      genuine: checks.signature && checks.digest && checks.file !== false,
      status: verdict,
      licence: row && doc ? {
        number: row.number, type: doc.type.name,
        holderMasked: `${row.holderKind === 'person' ? maskName(row.holderName) : row.holderName}（${row.holderKind === 'person' ? maskIdNumber(row.holderId) : row.holderId}）`,
        issuer: row.issuer, issuedAt: row.issuedOn, expiresAt: row.expiresOn,
      } : null,
      licenceStatus: row?.status ?? null,
      licenceStatusLabel: row ? (LicenceStatusLabel[row.status as Status] ?? row.status) : null,
      reason: row?.statusReason ?? reason ?? null,
      message: reason && verdict !== 'valid' && !row ? `${MESSAGE[verdict]}（${reason}）` : MESSAGE[verdict],
      checks,
    };
  }

  /** The verdict for a licence whose signature and digest are right: its status in the library. */
  function statusVerdict(row: repo.LicenceRow): Verdict {
    if (row.status === LicenceStatus.withdrawn || row.status === LicenceStatus.revoked) return 'revoked';
    if (row.status !== LicenceStatus.valid) return 'inactive';
    if (row.expiresOn && row.expiresOn < chinaDate(clock.now())) return 'expired';
    return 'valid';
  }

  function storedDigestOk(row: repo.LicenceRow) {
    try {
      return sm3Hex(documentText(row.document as unknown as LicenceDocument)) === row.digest;
    } catch {
      return false;
    }
  }

  async function signatureOk(kid: string, message: string | Uint8Array, signature: string) {
    const key = await keys.publicKey(kid);
    return !!key && keys.verify(message, signature, key.publicKey);
  }

  return {
    async verifyQr(text: string) {
      const parsed = parseLicenceQr(text);
      if (!parsed.ok) return result('unknown', { signature: false, digest: false, known: false }, undefined, parsed.reason);
      const { claims } = parsed;
      if (!(await keys.publicKey(claims.kid))) return result('unknown', { signature: false, digest: false, known: false }, undefined, '签名密钥不是本平台公布的密钥');
      const signature = await signatureOk(claims.kid, parsed.signedText, parsed.signatureHex);
      const row = await repo.findByIdentifier(db, claims.id);
      // The library's copy must still hash to what was signed: a field changed in the database is 篡改 too.
      const digest = !!row && row.digest === claims.dg && storedDigestOk(row);
      const checks = { signature, digest: signature && (row ? digest : true), known: !!row };
      if (!signature || (row && !digest)) return result('tampered', checks, row);
      if (!row) return result('unknown', checks, undefined, '签名真实，但证照库中没有这本证照');
      return result(statusVerdict(row), checks, row);
    },

    async verifyPdf(bytes: Uint8Array) {
      const fileSig = readPdfSignature(bytes);
      const embedded = await readPdfAttachment(bytes, 'licence.json');
      if (!fileSig || !embedded) return result('unknown', { signature: false, digest: false, file: false, known: false }, undefined, '文件中没有通办电子证照签名');
      const file = await signatureOk(fileSig.kid, fileSig.signedBytes, fileSig.signature);
      let signed: { document: LicenceDocument; digest: string; signature: string; kid: string };
      try {
        signed = JSON.parse(embedded);
      } catch {
        return result('tampered', { signature: false, digest: false, file, known: false });
      }
      const doc = signed.document;
      let digest = false;
      let signature = false;
      try {
        digest = sm3Hex(documentText(doc)) === signed.digest;
        signature = await signatureOk(doc.kid, claimsText(claimsOf(doc, signed.digest)), signed.signature);
      } catch {
        // A document that cannot be canonicalised was not signed by us.
      }
      const row = typeof doc?.identifier === 'string' ? await repo.findByIdentifier(db, doc.identifier) : undefined;
      const known = !!row && row.digest === signed.digest && storedDigestOk(row);
      const checks = { signature, digest, file, known };
      if (!file || !digest || !signature || (row && !known)) return result('tampered', checks, row);
      if (!row) return result('unknown', checks, undefined, '签名真实，但证照库中没有这本证照');
      return result(statusVerdict(row), checks, row);
    },
  };
}
export type Verifier = ReturnType<typeof createVerifier>;
