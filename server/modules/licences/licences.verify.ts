// Verification of a licence QR or PDF: the signature with the published key, the digest of the signed
// document, the file's own signature, and (online only) the licence's current status in the library.
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { LicenceStatus, LicenceStatusLabel, type LicenceStatus as Status } from '../../../domain/licence-types.ts';
import type { LicenceDocument } from '../../../domain/licence-document.ts';
import type { KeyStore } from './keys.ts';
import * as repo from './licences.repo.ts';
import { holderMasked } from './licences.mapper.ts';
import { checkPdf, checkQr, documentDigestOk } from './licence-check.ts';

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
        holderMasked: holderMasked(row),
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

  const publicKeyOf = async (kid: string) => (await keys.publicKey(kid))?.publicKey;
  /** The library's copy must still hash to what was signed: a field changed in the database is 篡改 too. */
  const storedDigestOk = (row: repo.LicenceRow) => documentDigestOk(row.document as unknown as LicenceDocument, row.digest);

  return {
    async verifyQr(text: string) {
      const qr = await checkQr(text, publicKeyOf);
      if (!qr.ok) return result('unknown', { signature: false, digest: false, known: false }, undefined, qr.reason);
      if (!qr.keyKnown) return result('unknown', { signature: false, digest: false, known: false }, undefined, '签名密钥不是本平台公布的密钥');
      const { signature, claims } = qr;
      const row = await repo.findByIdentifier(db, claims.id);
      const digest = !!row && row.digest === claims.dg && storedDigestOk(row);
      const checks = { signature, digest: signature && (row ? digest : true), known: !!row };
      if (!signature || (row && !digest)) return result('tampered', checks, row);
      if (!row) return result('unknown', checks, undefined, '签名真实，但证照库中没有这本证照');
      return result(statusVerdict(row), checks, row);
    },

    async verifyPdf(bytes: Uint8Array) {
      const pdf = await checkPdf(bytes, publicKeyOf);
      if (!pdf.ok) return result('unknown', { signature: false, digest: false, file: false, known: false }, undefined, pdf.reason);
      const { file, digest, signature, signed } = pdf;
      const identifier = signed?.document?.identifier;
      const row = typeof identifier === 'string' ? await repo.findByIdentifier(db, identifier) : undefined;
      const known = !!row && row.digest === signed!.digest && storedDigestOk(row);
      const checks = { signature, digest, file, known };
      if (!file || !digest || !signature || (row && !known)) return result('tampered', checks, row);
      if (!row) return result('unknown', checks, undefined, '签名真实，但证照库中没有这本证照');
      return result(statusVerdict(row), checks, row);
    },
  };
}
export type Verifier = ReturnType<typeof createVerifier>;
