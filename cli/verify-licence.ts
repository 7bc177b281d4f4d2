// `tongban verify-licence FILE|QR [--keys URL|FILE] [--json]`: checks a Tongban e-licence offline, with
// nothing but the published public keys (GET /api/licences/keys, fetched once or read from a file).
// It does not know about revocation: only the issuer's online check (POST /api/licences/verify) does.
import { existsSync, readFileSync } from 'node:fs';
import { claimsOf, type LicenceClaims } from '../domain/licence-document.ts';
import { checkPdf, checkQr } from '../server/modules/licences/licence-check.ts';

interface PublishedKey { kid: string; departmentId: string; departmentName?: string; publicKey: string; validFrom: string; validTo: string | null }
export interface OfflineResult { genuine: boolean; checks: Record<string, boolean>; licence?: { id: string; number: string; type: string; issuer: string; issuedOn: string; expiresOn: string | null }; expired?: boolean; problem?: string }

export async function loadKeys(source: string): Promise<PublishedKey[]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const keys = (JSON.parse(text) as { keys?: PublishedKey[] }).keys;
  if (!Array.isArray(keys)) throw new Error(`${source} 不是公钥列表（应为 GET /api/licences/keys 的结果）`);
  return keys;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function summary(c: LicenceClaims, keys: PublishedKey[]) {
  const issuer = keys.find((k) => k.kid === c.kid)?.departmentName ?? c.iss;
  return { id: c.id, number: c.num, type: c.typ, issuer, issuedOn: c.iat, expiresOn: c.exp };
}

export async function verifyOffline(input: string | Uint8Array, keys: PublishedKey[]): Promise<OfflineResult> {
  const publicKeyOf = (kid: string) => keys.find((k) => k.kid === kid)?.publicKey;
  const expired = (l: { expiresOn: string | null }) => !!l.expiresOn && l.expiresOn < today();
  if (typeof input === 'string') {
    const q = await checkQr(input, publicKeyOf);
    if (!q.ok) return { genuine: false, checks: {}, problem: q.reason };
    const licence = summary(q.claims, keys);
    if (!q.keyKnown) return { genuine: false, checks: { keyPublished: false }, licence, problem: `密钥 ${q.claims.kid} 不在公布的公钥中` };
    return { genuine: q.signature, checks: { keyPublished: true, signature: q.signature }, licence, expired: expired(licence) };
  }
  const pdf = await checkPdf(input, publicKeyOf);
  if (!pdf.ok) return { genuine: false, checks: {}, problem: pdf.reason };
  const checks = { file: pdf.file, digest: pdf.digest, signature: pdf.signature };
  if (!pdf.signed) return { genuine: false, checks, problem: '文件中的证照数据无法读取' };
  const licence = summary(claimsOf(pdf.signed.document, pdf.signed.digest), keys);
  return { genuine: pdf.file && pdf.digest && pdf.signature, checks, licence, expired: expired(licence) };
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
