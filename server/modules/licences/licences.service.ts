// The licence library: issuing (signed with the issuer's SM2 key), reading, status changes, PDF.
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { hasRole } from '../../platform/auth.ts';
import { writeAudit } from '../../platform/audit.ts';
import { sm3Hex } from '../../platform/sm.ts';
import { Role } from '../../../domain/enums.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { formatLicenceId } from '../../../domain/licence-id.ts';
import { CANONICALIZATION } from '../../../domain/licence-canonical.ts';
import { expiryFor, findLicenceType, LicenceStatus, LicenceStatusLabel, type LicenceType } from '../../../domain/licence-types.ts';
import { claimsOf, claimsText, documentText, LICENCE_FORMAT, qrPayload, qrText, type LicenceDocument } from '../../../domain/licence-document.ts';
import { departmentUscc, type KeyStore, type SigningKey } from './keys.ts';
import * as repo from './licences.repo.ts';
import { fieldsOf, sealView, toSummary, type LicenceWithIssuer } from './licences.mapper.ts';
import { pdfRenderer } from './render/pdf.ts';
import type { LicenceRenderer } from './render/types.ts';
import { insertUseLog } from '../sharing/index.ts';

export interface Holder { kind: 'person' | 'enterprise'; name: string; id: string; address?: string | null; legalRep?: string | null }
export interface IssueInput {
  type: LicenceType;
  holder: Holder;
  departmentId: string;
  fields?: Record<string, string>;
  applicationId?: string | null;
  itemName?: string;
  actor: { id: string | null; name: string };
}
/** What issuing needs from outside a transaction (on PGlite the transaction holds the only connection). */
export interface PreparedIssue { key: SigningKey; issuer: { id: string; name: string; uscc: string } }

/** The revocations and suspensions the issuing department may record. */
export const STATUS_CHANGES = [LicenceStatus.withdrawn, LicenceStatus.revoked, LicenceStatus.suspended, LicenceStatus.cancelled, LicenceStatus.lapsed, LicenceStatus.valid] as const;

export function fieldValues(type: LicenceType, holder: Holder, itemName: string | undefined, overrides: Record<string, string> = {}) {
  const from = { holderName: holder.name, holderId: holder.id, address: holder.address ?? '', itemName: itemName ?? '', companyName: holder.name, uscc: holder.id, legalRep: holder.legalRep ?? '' };
  const out: Record<string, string> = {};
  for (const f of type.fields) out[f.key] = (overrides[f.key] ?? (f.from ? from[f.from] : f.default) ?? '').trim();
  return out;
}

export function createLicencesService(db: Db, clock: Clock, keys: KeyStore, publicUrl: string, renderer: LicenceRenderer = pdfRenderer) {
  const today = () => chinaDate(clock.now());

  async function prepare(departmentId: string): Promise<PreparedIssue> {
    const key = await keys.currentKey(departmentId);
    const d = await db.selectFrom('departments').select(['id', 'name', 'uscc']).where('id', '=', departmentId).executeTakeFirstOrThrow();
    return { key, issuer: { id: d.id, name: d.name, uscc: departmentUscc(d) } };
  }

  /** Issues and signs a licence inside the caller's transaction. A valid licence of the same type is replaced by a new version. */
  async function issueIn(trx: Executor, p: PreparedIssue, input: IssueInput) {
    const { type, holder } = input;
    const now = clock.now();
    const issuedOn = chinaDate(now);
    const previous = await repo.currentOfType(trx, holder.id, type.code);
    const serial = previous ? previous.identifier.split('.')[7]! : `${issuedOn.replaceAll('-', '')}${String((await repo.nextSerial(trx)) % 1_000_000).padStart(6, '0')}`;
    const version = previous ? previous.version + 1 : 1;
    if (version > 999) throw conflict('LICENCE_VERSION_LIMIT', '该证照版本号已达上限');
    const identifier = formatLicenceId({ typeCode: type.code, issuerUscc: p.issuer.uscc, serial, version });
    const doc: LicenceDocument = {
      format: LICENCE_FORMAT, c14n: CANONICALIZATION, identifier, number: previous?.number ?? `${p.issuer.uscc.slice(2, 8)}${serial}`, version,
      replaces: previous?.identifier ?? null, type: { code: type.code, name: type.name }, holder: { kind: holder.kind, name: holder.name, id: holder.id },
      issuer: { departmentId: p.issuer.id, name: p.issuer.name, uscc: p.issuer.uscc }, issuedOn, expiresOn: expiryFor(type, issuedOn),
      fields: fieldValues(type, holder, input.itemName, input.fields), seal: p.key.sealId, kid: p.key.kid,
    };
    const digest = sm3Hex(documentText(doc));
    const signature = keys.sign(p.key, claimsText(claimsOf(doc, digest)));
    const insert = trx.insertInto('licences').values({
      identifier, number: doc.number, typeCode: type.code, holderKind: holder.kind, holderId: holder.id, holderName: holder.name,
      departmentId: p.issuer.id, kid: p.key.kid, sealId: p.key.sealId, issuedOn, expiresOn: doc.expiresOn, fields: JSON.stringify(doc.fields),
      version, replacesId: previous?.id ?? null, applicationId: input.applicationId ?? null, document: JSON.stringify(doc), digest, signature, createdAt: now,
    }).returning(['id']).executeTakeFirstOrThrow();
    // Two renewals of one licence at the same moment would make the same identifier: the second is told to retry.
    const row = await insert.catch((e: { code?: string }) => {
      throw e.code === '23505' ? conflict('LICENCE_ISSUE_CONFLICT', '该证照正在被同时签发或换发，请稍后重试') : e;
    });
    await trx.insertInto('licenceEvents').values({ licenceId: row.id, action: 'issue', fromStatus: null, toStatus: '01', reason: input.itemName ? `办结“${input.itemName}”发证` : null, actorId: input.actor.id, actorName: input.actor.name, at: now }).execute();
    if (previous) {
      const reason = `已换发新版本 ${String(version).padStart(3, '0')}`;
      await trx.updateTable('licences').set({ status: LicenceStatus.lapsed, statusReason: reason, statusChangedAt: now }).where('id', '=', previous.id).execute();
      await trx.insertInto('licenceEvents').values({ licenceId: previous.id, action: 'replace', fromStatus: previous.status, toStatus: LicenceStatus.lapsed, reason, actorId: input.actor.id, actorName: input.actor.name, at: now }).execute();
    }
    await writeAudit(trx, { actorId: input.actor.id, actorName: input.actor.name, action: 'licence.issue', targetType: 'licence', targetId: row.id, detail: { identifier, type: type.name, applicationId: input.applicationId ?? null } }, now);
    return { id: row.id, identifier, digest, signature, document: doc };
  }

  /** The QR text of a stored licence: its signed claims and signature. */
  function qrOf(row: Pick<repo.LicenceRow, 'document' | 'digest' | 'signature'>) {
    const doc = row.document as unknown as LicenceDocument;
    return qrText(publicUrl, qrPayload(claimsText(claimsOf(doc, row.digest)), row.signature));
  }

  async function holderIdOf(user: AuthUser) {
    const u = await db.selectFrom('users').select(['idNumber', 'uscc']).where('id', '=', user.id).executeTakeFirst();
    return (user.kind === 'enterprise' ? u?.uscc : u?.idNumber) ?? undefined;
  }

  const isIssuerStaff = (user: AuthUser, row: { departmentId: string }) => hasRole(user, Role.reviewer, Role.clerk) && user.departmentId === row.departmentId;

  /** The licence if the user may read it: the holder, the issuing department's staff, an admin. */
  async function loadVisible(user: AuthUser, id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findLicence(db, id) : undefined;
    if (!row) throw notFound('LICENCE_NOT_FOUND', '证照不存在');
    const holder = (await holderIdOf(user)) === row.holderId && (user.kind === 'enterprise') === (row.holderKind === 'enterprise');
    if (!holder && !isIssuerStaff(user, row) && !hasRole(user, Role.admin)) throw notFound('LICENCE_NOT_FOUND', '证照不存在');
    return { row, holder };
  }

  /** Staff reading someone's licence leave a row in the holder's data-use record (我的数据使用记录). */
  async function logStaffView(user: AuthUser, row: LicenceWithIssuer, purpose: string, ip: string | null) {
    const org = user.departmentId ? (await db.selectFrom('departments').select('name').where('id', '=', user.departmentId).executeTakeFirst())?.name ?? null : null;
    const type = findLicenceType(row.typeCode);
    await insertUseLog(db, [{
      holderId: row.holderId, source: type?.sharedSource ?? 'licence', recordKind: 'licence', recordRef: row.id, recordTitle: `${type?.name ?? row.typeCode} ${row.number}`,
      action: 'view', purpose, actorId: user.id, actorName: user.realName, actorOrg: org, applicationId: row.applicationId, at: clock.now(), ip,
    }]);
  }

  async function detail(user: AuthUser, id: string, ip: string | null = null) {
    const { row, holder } = await loadVisible(user, id);
    if (!holder) await logStaffView(user, row, hasRole(user, Role.admin) ? '系统管理：查看证照' : '证照管理：查看本部门签发的证照', ip);
    return detailOf(row, holder);
  }

  async function detailOf(row: LicenceWithIssuer, full: boolean) {
    const [events, next, caseRow, seal] = await Promise.all([
      repo.listEvents(db, row.id), repo.replacedBy(db, row.id),
      row.applicationId ? repo.caseNoOf(db, row.applicationId) : undefined, row.sealId ? repo.sealOf(db, row.sealId) : undefined,
    ]);
    return {
      ...toSummary(row, today(), next?.id ?? null),
      fields: fieldsOf(row, full), qr: qrOf(row), digest: row.digest, signature: row.signature, kid: row.kid,
      seal: seal ? { id: seal.id, ...sealView(seal.seal) } : null,
      applicationId: row.applicationId, caseNo: caseRow?.caseNo ?? null,
      events: events.map((e) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, actor: e.actorName, at: new Date(e.at).toISOString() })),
    };
  }

  return {
    prepare,
    issueIn,
    qrOf,
    holderIdOf,
    loadVisible,
    detail,

    /** Issues outside any case (demo data, migrations from an old library). */
    async issue(input: IssueInput) {
      const p = await prepare(input.departmentId);
      return db.transaction().execute((trx) => issueIn(trx, p, input));
    },

    async listMine(user: AuthUser) {
      if (!hasRole(user, Role.citizen, Role.enterprise)) throw forbidden('只有个人或法人用户有证照卡包');
      const holderId = await holderIdOf(user);
      if (!holderId) return { items: [] };
      const rows = await repo.listForHolder(db, holderId);
      const replaced = new Map(rows.filter((r) => r.replacesId).map((r) => [r.replacesId!, r.id]));
      return { items: rows.filter((r) => (r.holderKind === 'enterprise') === (user.kind === 'enterprise')).map((r) => toSummary(r, today(), replaced.get(r.id) ?? null)) };
    },

    async listDepartment(user: AuthUser, q: { q?: string; page: number; pageSize: number }) {
      if (!hasRole(user, Role.reviewer, Role.clerk) || !user.departmentId) throw forbidden('只有部门工作人员可以查看本部门签发的证照');
      const { rows, total } = await repo.listForDepartment(db, user.departmentId, q.q?.trim() || undefined, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: rows.map((r) => toSummary(r, today())), total, page: q.page, pageSize: q.pageSize };
    },

    async changeStatus(user: AuthUser, id: string, input: { reason: string; status?: string }, ip: string | null) {
      const { row } = await loadVisible(user, id);
      if (!(hasRole(user, Role.reviewer) && user.departmentId === row.departmentId)) throw forbidden('只有签发部门的审批人员可以变更证照状态');
      const to = input.status ?? LicenceStatus.withdrawn;
      if (!(STATUS_CHANGES as readonly string[]).includes(to)) throw invalid('status', `不能把证照状态改为 ${to}`);
      const reason = input.reason.trim();
      if (!reason) throw invalid('reason', '请写明变更证照状态的理由');
      if (row.status === to) throw conflict('LICENCE_STATUS_UNCHANGED', `证照已是“${LicenceStatusLabel[to as LicenceStatus]}”状态`);
      if ([LicenceStatus.withdrawn, LicenceStatus.revoked, LicenceStatus.cancelled, LicenceStatus.lapsed].includes(row.status as never)) {
        throw conflict('LICENCE_FINAL', `证照已“${LicenceStatusLabel[row.status as LicenceStatus]}”，状态不能再变更`);
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockLicence(trx, row.id);
        if (locked?.status !== row.status) throw conflict('VERSION_CONFLICT', '证照状态已在别处变更，请刷新');
        await trx.updateTable('licences').set({ status: to, statusReason: reason, statusChangedAt: now }).where('id', '=', row.id).execute();
        await trx.insertInto('licenceEvents').values({ licenceId: row.id, action: 'status', fromStatus: row.status, toStatus: to, reason, actorId: user.id, actorName: user.realName, at: now }).execute();
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'licence.status', targetType: 'licence', targetId: row.id, detail: { identifier: row.identifier, from: row.status, to, reason }, ip }, now);
      });
      return detailOf((await repo.findLicence(db, row.id))!, false);
    },

    async pdf(user: AuthUser, id: string, ip: string | null = null) {
      const { row, holder } = await loadVisible(user, id);
      if (!holder) await logStaffView(user, row, '证照管理：下载证照 PDF', ip);
      const key = await keys.currentKey(row.departmentId);
      // The file is signed by the key that signed the licence when it is still current; after a rotation, by the current one.
      const signer = { kid: key.kid, sign: (bytes: Uint8Array) => keys.sign(key, bytes) };
      const seal = row.sealId ? await repo.sealOf(db, row.sealId) : undefined;
      const doc = row.document as unknown as LicenceDocument;
      const bytes = await renderer.render({
        typeName: doc.type.name, number: row.number, identifier: row.identifier, holderName: row.holderName,
        fields: fieldsOf(row, holder).map((f) => ({ label: f.label, value: f.value })), issuerName: row.issuer, issuedOn: row.issuedOn, expiresOn: row.expiresOn,
        statusLabel: LicenceStatusLabel[row.status as LicenceStatus] ?? row.status, version: row.version,
        seal: { id: seal?.id ?? '', name: row.issuer }, qr: qrOf(row),
        signedJson: JSON.stringify({ document: doc, digest: row.digest, signature: row.signature, kid: row.kid }),
      }, signer);
      return { bytes, fileName: `${row.number}.pdf` };
    },

    async summaryForCase(applicationId: string) {
      const l = await repo.licenceForApplication(db, applicationId);
      if (!l) return null;
      return { id: l.id, number: l.number, typeName: findLicenceType(l.typeCode)?.name ?? l.typeCode, status: l.status, statusLabel: LicenceStatusLabel[l.status as LicenceStatus] ?? l.status };
    },
  };
}
export type LicencesService = ReturnType<typeof createLicencesService>;
