// Departments' SM2 signing keys and e-seals. Private keys are stored SM4-GCM encrypted under the master key
// (configuration, or <dataDir>/master.key generated in demo and development) and decrypted into memory on
// first use. Rotation closes the current key (valid_to) and makes a new key and seal; closed keys stay
// published, so everything they signed still verifies.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { sm2GenerateKeyPair, sm2Sign, sm2Verify, sm4DecryptKey, sm4EncryptKey, sm4GenerateKey } from '../../platform/sm.ts';
import { canonicalJson } from '../../../domain/licence-canonical.ts';
import { usccCheckChar } from '../../../domain/codes.ts';
import { notFound } from '../../../domain/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { sealSvg } from './render/seal.ts';

export const SM2_WITH_SM3_OID = '1.2.156.10197.1.501';
const SEAL_YEARS = 5;

/** The master key from configuration; outside production one is generated into the data folder once. */
export function loadMasterKey(config: Pick<Config, 'masterKey' | 'dataDir' | 'production'>): string {
  if (config.masterKey) {
    if (!/^[0-9a-fA-F]{32}$/.test(config.masterKey)) throw new Error('TONGBAN_MASTER_KEY 须为 32 位十六进制数字（128 位 SM4 密钥）');
    return config.masterKey.toLowerCase();
  }
  if (config.production) throw new Error('生产环境须设置 TONGBAN_MASTER_KEY');
  const file = join(config.dataDir, 'master.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = sm4GenerateKey();
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process (a second instance, the CLI) wrote it first: use theirs.
    if ((e as { code?: string }).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw e;
  }
  return key;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A department's 统一社会信用代码: configured in departments.uscc, else a stable demo code derived from its id. */
export function departmentUscc(dept: { id: string; uscc: string | null }): string {
  if (dept.uscc) return dept.uscc;
  const h = createHash('sha256').update(`tongban-department:${dept.id}`).digest();
  const org = [...h.subarray(0, 9)].map((b) => USCC_ALPHABET[b % USCC_ALPHABET.length]).join('');
  const first17 = `11341100${org}`;
  return first17 + usccCheckChar(first17)!;
}

export interface KeyInfo { kid: string; departmentId: string; publicKey: string; validFrom: Date; validTo: Date | null }
interface SigningKey extends KeyInfo { privateKey: string; sealId: string }

export function createKeyStore(db: Db, clock: Clock, masterKey: string, sealMakerDepartment: string) {
  const publicKeys = new Map<string, KeyInfo>();
  const current = new Map<string, SigningKey>();

  const newKid = (departmentId: string, at: Date) => `${departmentId}-${chinaDate(at).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;

  async function department(id: string) {
    const d = await db.selectFrom('departments').select(['id', 'name', 'shortName', 'uscc']).where('id', '=', id).executeTakeFirst();
    if (!d) throw notFound('DEPARTMENT_NOT_FOUND', `部门不存在：${id}`);
    return d;
  }

  /** The seal info of GB/T 38540 (SES_SealInfo) as JSON; see docs/LICENCES.md. */
  function sealInfo(sealId: string, dept: { name: string }, publicKey: string, at: Date) {
    const svg = sealSvg(dept.name, '电子证照专用章');
    const start = at.toISOString();
    const end = new Date(Date.UTC(at.getUTCFullYear() + SEAL_YEARS, at.getUTCMonth(), at.getUTCDate())).toISOString();
    return {
      header: { id: 'ES', version: 4, vid: 'Tongban' },
      esID: sealId,
      property: { type: 1, name: `${dept.name}电子证照专用章`, certListType: 'sm2-public-key', certList: [publicKey], createDate: start, validStart: start, validEnd: end },
      picture: { type: 'svg', data: Buffer.from(svg).toString('base64'), width: 42, height: 42 },
      extDatas: [] as unknown[],
    };
  }

  async function create(departmentId: string): Promise<SigningKey> {
    const dept = await department(departmentId);
    const now = clock.now();
    const pair = sm2GenerateKeyPair();
    const kid = newKid(departmentId, now);
    const sealId = `ES${chinaDate(now).replaceAll('-', '')}${departmentId.toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;
    // The e-seal platform's operator signs every seal; its own first seal is self-signed.
    const maker = departmentId === sealMakerDepartment ? { kid, privateKey: pair.privateKey, publicKey: pair.publicKey } : await currentKey(sealMakerDepartment).catch(() => ({ kid, privateKey: pair.privateKey, publicKey: pair.publicKey }));
    const info = sealInfo(sealId, dept, pair.publicKey, now);
    const signature = sm2Sign(canonicalJson(info, 'sealInfo'), maker.privateKey, { publicKey: maker.publicKey });
    const seal = { sealInfo: info, signInfo: { cert: maker.publicKey, makerKid: maker.kid, signatureAlgorithm: SM2_WITH_SM3_OID, signedValue: signature } };
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('signingKeys').set({ validTo: now }).where('departmentId', '=', departmentId).where('validTo', 'is', null).execute();
      await trx.insertInto('signingKeys').values({ kid, departmentId, publicKey: pair.publicKey, privateKeyEnc: sm4EncryptKey(pair.privateKey, masterKey, kid), validFrom: now }).execute();
      await trx.insertInto('seals').values({ id: sealId, departmentId, kid, seal: JSON.stringify(seal), signature }).execute();
    });
    for (const [k, v] of publicKeys) if (v.departmentId === departmentId && !v.validTo) publicKeys.set(k, { ...v, validTo: now });
    const key: SigningKey = { kid, departmentId, publicKey: pair.publicKey, privateKey: pair.privateKey, validFrom: now, validTo: null, sealId };
    current.set(departmentId, key);
    publicKeys.set(kid, key);
    return key;
  }

  async function load(departmentId: string): Promise<SigningKey | undefined> {
    const row = await db.selectFrom('signingKeys').innerJoin('seals', 'seals.kid', 'signingKeys.kid')
      .select(['signingKeys.kid', 'signingKeys.publicKey', 'signingKeys.privateKeyEnc', 'signingKeys.validFrom', 'seals.id as sealId'])
      .where('signingKeys.departmentId', '=', departmentId).where('signingKeys.validTo', 'is', null)
      .orderBy('seals.createdAt', 'desc').limit(1).executeTakeFirst();
    if (!row) return undefined;
    return { kid: row.kid, departmentId, publicKey: row.publicKey, privateKey: sm4DecryptKey(row.privateKeyEnc, masterKey, row.kid), validFrom: new Date(row.validFrom), validTo: null, sealId: row.sealId };
  }

  /** The department's current key, made (with its seal) on first use. */
  async function currentKey(departmentId: string): Promise<SigningKey> {
    const hit = current.get(departmentId);
    if (hit) return hit;
    let key = await load(departmentId);
    if (!key) {
      try {
        key = await create(departmentId);
      } catch (e) {
        // Another instance made it at the same moment (one current key per department).
        if ((e as { code?: string }).code !== '23505') throw e;
        key = await load(departmentId);
        if (!key) throw e;
      }
    }
    current.set(departmentId, key);
    return key;
  }

  async function publicKey(kid: string): Promise<KeyInfo | undefined> {
    const hit = publicKeys.get(kid);
    if (hit) return hit;
    const row = await db.selectFrom('signingKeys').select(['kid', 'departmentId', 'publicKey', 'validFrom', 'validTo']).where('kid', '=', kid).executeTakeFirst();
    if (!row) return undefined;
    const info = { ...row, validFrom: new Date(row.validFrom), validTo: row.validTo ? new Date(row.validTo) : null };
    // Current keys can still be rotated by another instance: only closed keys are cached for good.
    if (info.validTo) publicKeys.set(kid, info);
    return info;
  }

  return {
    currentKey,
    publicKey,
    sign: (key: SigningKey, message: string | Uint8Array) => sm2Sign(message, key.privateKey, { publicKey: key.publicKey }),
    verify: (message: string | Uint8Array, signatureHex: string, publicKeyHex: string) => sm2Verify(message, signatureHex, publicKeyHex),
    async rotate(departmentId: string, actor: { id: string; username: string }, ip: string | null) {
      await department(departmentId);
      const previous = await load(departmentId).catch(() => undefined);
      current.delete(departmentId);
      const key = await create(departmentId);
      await writeAudit(db, { actorId: actor.id, actorName: actor.username, action: 'licence.key_rotate', targetType: 'department', targetId: departmentId, detail: { from: previous?.kid ?? null, to: key.kid }, ip }, clock.now());
      return key;
    },
    async list() {
      return db.selectFrom('signingKeys').innerJoin('departments', 'departments.id', 'signingKeys.departmentId')
        .select(['signingKeys.kid', 'signingKeys.departmentId', 'departments.name as departmentName', 'signingKeys.algorithm', 'signingKeys.publicKey', 'signingKeys.validFrom', 'signingKeys.validTo'])
        .orderBy('signingKeys.departmentId').orderBy('signingKeys.validFrom').execute();
    },
    async seals() {
      return db.selectFrom('seals').select(['id', 'departmentId', 'kid', 'seal', 'signature', 'createdAt']).orderBy('departmentId').orderBy('createdAt').execute();
    },
    /** Forget cached current keys (another instance may have rotated). */
    forgetCurrent: () => current.clear(),
  };
}
export type KeyStore = ReturnType<typeof createKeyStore>;
export type { SigningKey };
