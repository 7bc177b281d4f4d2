// `tongban verify-licence FILE|QR [--keys URL|FILE] [--json]`: checks a Tongban e-licence offline, with
// nothing but the published public keys (GET /api/licences/keys, fetched once or read from a file).
// It does not know about revocation: only the issuer's online check (POST /api/licences/verify) does.
import { existsSync, readFileSync } from 'node:fs';
import { sm3Hex, sm2Verify } from '../server/platform/sm.ts';
import { claimsOf, claimsText, documentText, parseLicenceQr, type LicenceClaims, type LicenceDocument } from '../domain/licence-document.ts';
import { readPdfAttachment, readPdfSignature } from '../server/modules/licences/render/pdf-signature.ts';

interface PublishedKey { kid: string; departmentId: string; departmentName?: string; publicKey: string; validFrom: string; validTo: string | null }
export interface OfflineResult { genuine: boolean; checks: Record<string, boolean>; licence?: { id: string; number: string; type: string; issuer: string; issuedOn: string; expiresOn: string | null }; expired?: boolean; problem?: string }

export async function loadKeys(source: string): Promise<PublishedKey[]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const keys = (JSON.parse(text) as { keys?: PublishedKey[] }).keys;
  if (!Array.isArray(keys)) throw new Error(`${source} 不是公钥列表（应为 GET /api/licences/keys 的结果）`);
  return keys;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function fromClaims(c: LicenceClaims, keys: PublishedKey[]) {
  const key = keys.find((k) => k.kid === c.kid);
  return { key, licence: { id: c.id, number: c.num, type: c.typ, issuer: key?.departmentName ?? c.iss, issuedOn: c.iat, expiresOn: c.exp } };
}

export async function verifyOffline(input: string | Uint8Array, keys: PublishedKey[]): Promise<OfflineResult> {
  if (typeof input === 'string') {
    const q = parseLicenceQr(input);
    if (!q.ok) return { genuine: false, checks: {}, problem: q.reason };
    const { key, licence } = fromClaims(q.claims, keys);
    if (!key) return { genuine: false, checks: { keyPublished: false }, licence, problem: `密钥 ${q.claims.kid} 不在公布的公钥中` };
    const signature = sm2Verify(q.signedText, q.signatureHex, key.publicKey);
    return { genuine: signature, checks: { keyPublished: true, signature }, licence, expired: !!licence.expiresOn && licence.expiresOn < today() };
  }
  const file = readPdfSignature(input);
  const embedded = await readPdfAttachment(input, 'licence.json');
  if (!file || !embedded) return { genuine: false, checks: {}, problem: '文件中没有通办电子证照签名' };
  const fileKey = keys.find((k) => k.kid === file.kid);
  const fileOk = !!fileKey && sm2Verify(file.signedBytes, file.signature, fileKey.publicKey);
  const signed = JSON.parse(embedded) as { document: LicenceDocument; digest: string; signature: string };
  const claims = claimsOf(signed.document, signed.digest);
  const { key, licence } = fromClaims(claims, keys);
  const digest = sm3Hex(documentText(signed.document)) === signed.digest;
  const signature = !!key && sm2Verify(claimsText(claimsOf(signed.document, signed.digest)), signed.signature, key.publicKey);
  return { genuine: fileOk && digest && signature, checks: { file: fileOk, digest, signature }, licence, expired: !!licence.expiresOn && licence.expiresOn < today() };
}

export async function verifyLicenceCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const k = args.indexOf('--keys');
  const keysSource = k >= 0 ? args[k + 1] : `${process.env.TONGBAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/api/licences/keys`;
  const target = args.filter((a, i) => !a.startsWith('--') && (k < 0 || i !== k + 1))[0];
  if (!target || !keysSource) {
    console.error('用法: npx tongban verify-licence <证照PDF文件 | 二维码内容> [--keys <公钥地址或文件>] [--json]');
    return 2;
  }
  const keys = await loadKeys(keysSource);
  const input = existsSync(target) ? new Uint8Array(readFileSync(target)) : target;
  const r = await verifyOffline(input, keys);
  if (json) console.log(JSON.stringify(r));
  else {
    console.log(r.genuine ? '✔ 签名验证通过：证照内容与签发机关的签名一致。' : `✘ 验证未通过：${r.problem ?? '签名或摘要不符，证照可能被篡改。'}`);
    if (r.licence) console.log(`  ${r.licence.type} ${r.licence.number}，签发：${r.licence.issuer}，发证日期 ${r.licence.issuedOn}，有效期至 ${r.licence.expiresOn ?? '长期'}${r.expired ? '（已过期）' : ''}`);
    console.log(`  检查项：${Object.entries(r.checks).map(([c, ok]) => `${c} ${ok ? '通过' : '未通过'}`).join('，') || '无'}`);
    console.log('  离线核验不能确认证照是否已被撤销；请到签发平台在线核验。');
  }
  return r.genuine ? 0 : 1;
}
