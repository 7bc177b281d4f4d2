// 亮证: the holder makes a short-lived code disclosing the fields they choose; a verifier opens it; the
// holder sees every view. Only the SHA-256 of a code is stored.
import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { hasRole } from '../../platform/auth.ts';
import { Role } from '../../../domain/enums.ts';
import { DomainError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { defaultDisclosedFields, findLicenceType, LicenceStatus, LicenceStatusLabel, type LicenceStatus as Status } from '../../../domain/licence-types.ts';
import type { LicenceDocument } from '../../../domain/licence-document.ts';
import { checkSignedLicence } from './licence-check.ts';
import type { LicencesService } from './licences.service.ts';
import type { KeyStore } from './keys.ts';
import * as repo from './licences.repo.ts';
import { fieldsOf, isExpired } from './licences.mapper.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[A-Z2-9]{12}$/;
const STAFF: Role[] = [Role.clerk, Role.reviewer, Role.operator, Role.supervisor, Role.handler, Role.admin];

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const newCode = () => Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function createPresentationsService(db: Db, clock: Clock, licences: LicencesService, keys: KeyStore, publicUrl: string) {
  return {
    async create(user: AuthUser, licenceId: string, input: { fields?: string[]; ttlSeconds?: number; singleUse?: boolean }) {
      const { row, holder } = await licences.loadVisible(user, licenceId);
      if (!holder) throw forbidden('只有持证人可以亮证');
      if (row.status !== LicenceStatus.valid) throw conflict('LICENCE_NOT_VALID', `证照状态为“${LicenceStatusLabel[row.status as Status]}”，不能亮证`);
      if (isExpired(row, chinaDate(clock.now()))) throw conflict('LICENCE_EXPIRED', '证照已过有效期，不能亮证');
      const type = findLicenceType(row.typeCode);
      const known = new Set(Object.keys(row.fields as object));
      const fields = input.fields ?? (type ? defaultDisclosedFields(type) : [...known]).filter((k) => known.has(k));
      input.fields?.forEach((k, i) => { if (!known.has(k)) throw invalid(`fields.${i}`, `证照没有“${k}”这一项`); });
      if (fields.length === 0) throw invalid('fields', '请至少选择一项要出示的内容');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + (input.ttlSeconds ?? 300) * 1000);
      const code = newCode();
      await db.insertInto('licencePresentations').values({ codeHash: hashCode(code), licenceId: row.id, holderUserId: user.id, fields: [...new Set(fields)], singleUse: !!input.singleUse, expiresAt, createdAt: now }).execute();
      return { code, qr: `${publicUrl}/verify?p=${code}`, expiresAt: expiresAt.toISOString(), fields: [...new Set(fields)], singleUse: !!input.singleUse };
    },

    async listForLicence(user: AuthUser, licenceId: string) {
      const { row, holder } = await licences.loadVisible(user, licenceId);
      if (!holder) throw forbidden('只有持证人可以查看亮证记录');
      const shows = await db.selectFrom('licencePresentations').select(['id', 'fields', 'singleUse', 'createdAt', 'expiresAt', 'usedAt'])
        .where('licenceId', '=', row.id).orderBy('createdAt', 'desc').limit(100).execute();
      const views = shows.length ? await db.selectFrom('licencePresentationViews').selectAll().where('presentationId', 'in', shows.map((s) => s.id)).orderBy('id').execute() : [];
      return {
        items: shows.map((s) => ({
          id: s.id, fields: s.fields, singleUse: s.singleUse, createdAt: new Date(s.createdAt).toISOString(), expiresAt: new Date(s.expiresAt).toISOString(),
          usedAt: s.usedAt ? new Date(s.usedAt).toISOString() : null,
          views: views.filter((v) => v.presentationId === s.id).map((v) => ({ viewer: v.viewerName, org: v.viewerOrg, at: new Date(v.at).toISOString(), fields: v.fields })),
        })),
      };
    },

    async open(user: AuthUser, code: string, ip: string | null) {
      if (!hasRole(user, Role.verifier, ...STAFF)) throw forbidden('只有核验人员可以查看亮证内容');
      const normalized = code.trim().toUpperCase();
      if (!CODE_PATTERN.test(normalized)) throw notFound('PRESENTATION_NOT_FOUND', '亮证码不存在');
      const now = clock.now();
      const gone = () => new DomainError('PRESENTATION_GONE', '亮证码已过期或已使用，请持证人重新出示', 'GONE');
      const shown = await db.transaction().execute(async (trx) => {
        const p = await trx.selectFrom('licencePresentations').selectAll().where('codeHash', '=', hashCode(normalized)).forUpdate().executeTakeFirst();
        if (!p) throw notFound('PRESENTATION_NOT_FOUND', '亮证码不存在');
        if (new Date(p.expiresAt) <= now || (p.singleUse && p.usedAt)) throw gone();
        if (p.singleUse) await trx.updateTable('licencePresentations').set({ usedAt: now }).where('id', '=', p.id).execute();
        const viewer = await trx.selectFrom('users').leftJoin('departments', 'departments.id', 'users.departmentId')
          .select(['users.realName', 'users.companyName', 'departments.name as departmentName']).where('users.id', '=', user.id).executeTakeFirst();
        await trx.insertInto('licencePresentationViews').values({ presentationId: p.id, viewerId: user.id, viewerName: viewer?.realName ?? user.realName, viewerOrg: viewer?.departmentName ?? viewer?.companyName ?? null, fields: p.fields, at: now, ip }).execute();
        return p;
      });
      const row = (await repo.findLicence(db, shown.licenceId))!;
      const doc = row.document as unknown as LicenceDocument;
      const check = await checkSignedLicence({ document: doc, digest: row.digest, signature: row.signature }, async (kid) => (await keys.publicKey(kid))?.publicKey);
      const genuine = check.digest && check.signature;
      const chosen = new Set(shown.fields);
      return {
        licence: {
          typeName: doc.type.name, number: row.number, issuer: row.issuer, issuedAt: row.issuedOn, expiresAt: row.expiresOn,
          status: row.status, statusLabel: LicenceStatusLabel[row.status as Status] ?? row.status, expired: isExpired(row, chinaDate(now)), genuine,
        },
        // A sensitive field the holder chose is shown in full: choosing it is the holder's consent.
        fields: fieldsOf(row, true).filter((f) => chosen.has(f.key)).map((f) => ({ key: f.key, label: f.label, value: f.value })),
        expiresAt: new Date(shown.expiresAt).toISOString(),
        singleUse: shown.singleUse,
      };
    },
  };
}
