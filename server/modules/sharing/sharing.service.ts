// 免提交: applicants fetch what the government already holds about them (through the adapter), use it instead of
// an upload with their consent, and see every use of it. Every fetch and every staff view is logged with its purpose.
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { hasRole, type AuthUser } from '../../platform/auth.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { Role, SharedSourceLabel, type SharedSource } from '../../../domain/enums.ts';
import { DomainError, forbidden, invalid } from '../../../domain/errors.ts';
import type { Material } from '../../../domain/catalog.ts';
import type { CatalogService } from '../catalog/index.ts';
import { findUserById } from '../identity/index.ts';
import { holderIdOf, type Holder, type SharedDataAdapter, type SharedRecord, type SharedRecordKind } from './adapter.ts';
import * as repo from './sharing.repo.ts';

export interface SharedMaterialInput { name: string; source: string; kind: SharedRecordKind; ref: string; purpose: string; consent: boolean }

/** What the applications module keeps of its applicant (ApplicantSnapshot). */
export interface ApplicantData { kind: string; name: string; idNumber: string | null; uscc: string | null; companyName: string | null }

/** The case a shared material was used on, as the applications module knows it. */
export interface CaseRef { id: string; caseNo: string; applicant: ApplicantData }

/** A licence of a type no material source stands for is logged under source `licence`. */
export const sourceLabel = (source: string) => SharedSourceLabel[source as SharedSource] ?? (source === 'licence' ? '电子证照' : source);

export const holderOf = (a: ApplicantData): Holder => a.kind === 'enterprise'
  ? { kind: 'enterprise', uscc: a.uscc, idNumber: a.idNumber, name: a.companyName ?? a.name }
  : { kind: 'person', idNumber: a.idNumber, name: a.name };

const isApplicant = (u: AuthUser) => hasRole(u, Role.citizen, Role.enterprise);
const chinaDayStart = (d: Date) => new Date(`${chinaDate(d)}T00:00:00+08:00`);

export function createSharingService(db: Db, clock: Clock, adapter: SharedDataAdapter, catalog: CatalogService) {
  async function holderOfUser(user: AuthUser): Promise<Holder> {
    const u = await findUserById(db, user.id);
    if (!u) throw new DomainError('UNAUTHENTICATED', '请先登录', 'UNAUTHENTICATED');
    return holderOf({ kind: u.kind, name: u.realName, idNumber: u.idNumber, uscc: u.uscc, companyName: u.companyName });
  }

  const fetchRow = (holderId: string, source: string, r: SharedRecord, user: AuthUser, purpose: string, at: Date, ip: string | null, applicationId: string | null): repo.NewDataUse => ({
    holderId, source, recordKind: r.kind, recordRef: r.ref, recordTitle: r.title, action: 'fetch', purpose,
    actorId: user.id, actorName: user.realName, actorOrg: null, applicationId, at, ip,
  });

  return {
    adapterName: adapter.name,

    /** The applicant's own records from one source; each one returned is logged with the purpose. */
    async fetch(user: AuthUser, source: string, purpose: string, itemCode: string | undefined, ip: string | null) {
      if (!isApplicant(user)) throw forbidden('只有个人或法人用户可以获取本人的共享数据');
      if (itemCode) {
        const it = await catalog.findItem(itemCode);
        if (!it) throw invalid('itemCode', `事项不存在：${itemCode}`, 'ITEM_NOT_FOUND');
        if (!(it.materials as Material[]).some((m) => m.sharedSource === source)) throw invalid('itemCode', `该事项没有可使用“${sourceLabel(source)}”的材料`);
      }
      const holder = await holderOfUser(user);
      const holderId = holderIdOf(holder);
      const records = holderId ? await adapter.fetch(holder, source) : [];
      const at = clock.now();
      await repo.insertUseLog(db, records.map((r) => fetchRow(holderId!, source, r, user, purpose, at, ip, null)));
      return { source, sourceLabel: sourceLabel(source), records };
    },

    /**
     * Checks the shared materials of a submission and re-fetches each record through the adapter (a copy sent by
     * the client is never trusted): the rows to store with the case and the use-log rows, for the caller to write
     * in the same statement or transaction as the case.
     */
    async prepareSharedMaterials(p: { user: AuthUser; applicant: ApplicantData; applicationId: string; itemMaterials: Material[]; inputs: SharedMaterialInput[]; ip: string | null; at: Date }) {
      const shared: repo.NewSharedMaterial[] = [];
      const useLog: repo.NewDataUse[] = [];
      if (!p.inputs.length) return { shared, useLog };
      const seen = new Set<string>();
      p.inputs.forEach((s, i) => {
        const m = p.itemMaterials.find((x) => x.name === s.name);
        if (!m) throw invalid(`sharedMaterials.${i}.name`, `“${s.name}”不是该事项的申请材料`);
        if (!m.sharedSource) throw invalid(`sharedMaterials.${i}.name`, `材料“${s.name}”不能使用政府已有数据，请上传`);
        if (m.sharedSource !== s.source) throw invalid(`sharedMaterials.${i}.source`, `材料“${s.name}”应使用“${sourceLabel(m.sharedSource)}”`);
        if (seen.has(s.name)) throw invalid(`sharedMaterials.${i}.name`, `材料“${s.name}”重复`);
        seen.add(s.name);
        if (s.consent !== true) throw invalid(`sharedMaterials.${i}.consent`, '须同意使用政府已有数据');
        if (!s.purpose.trim()) throw invalid(`sharedMaterials.${i}.purpose`, '请填写用证事由');
      });
      const holder = holderOf(p.applicant);
      const holderId = holderIdOf(holder);
      const bySource = new Map<string, SharedRecord[]>();
      for (const source of new Set(p.inputs.map((s) => s.source))) bySource.set(source, holderId ? await adapter.fetch(holder, source) : []);
      p.inputs.forEach((s, i) => {
        const record = bySource.get(s.source)!.find((r) => r.kind === s.kind && r.ref === s.ref);
        // Someone else's record, a revoked licence or a made-up reference all look the same: not among the applicant's.
        if (!record) throw invalid(`sharedMaterials.${i}.ref`, '未找到该共享数据，或该数据不属于申请人');
        const purpose = s.purpose.trim();
        shared.push({ applicationId: p.applicationId, materialName: s.name, source: s.source, recordKind: s.kind, recordRef: s.ref, snapshot: JSON.stringify(record), purpose, consentedAt: p.at });
        useLog.push(fetchRow(holderId!, s.source, record, p.user, purpose, p.at, p.ip, p.applicationId));
      });
      return { shared, useLog };
    },

    /** Staff opened a case with shared materials: logged once per staff user, case and day. */
    async logCaseView(user: AuthUser, c: CaseRef, materials: { source: string; recordKind: string; recordRef: string; title: string }[], ip: string | null) {
      const holderId = holderIdOf(holderOf(c.applicant));
      if (!materials.length || !holderId) return;
      const now = clock.now();
      if (await repo.viewedSince(db, user.id, c.id, chinaDayStart(now))) return;
      const org = user.departmentId ? await repo.departmentName(db, user.departmentId) : null;
      await repo.insertUseLog(db, materials.map((m) => ({
        holderId, source: m.source, recordKind: m.recordKind, recordRef: m.recordRef, recordTitle: m.title, action: 'view',
        purpose: `办理办件 ${c.caseNo}`, actorId: user.id, actorName: user.realName, actorOrg: org, applicationId: c.id, at: now, ip,
      })));
    },

    /** Who used the holder's data, when and why (newest first). */
    async myDataUse(user: AuthUser, page: number, pageSize: number) {
      if (!isApplicant(user)) throw forbidden('只有个人或法人用户可以查看本人数据的使用记录');
      const holderId = holderIdOf(await holderOfUser(user));
      if (!holderId) return { items: [], total: 0, page, pageSize };
      const { rows, total } = await repo.listUseLog(db, holderId, (page - 1) * pageSize, pageSize);
      return {
        items: rows.map((r) => ({
          at: new Date(r.at).toISOString(), action: r.action as 'fetch' | 'view', actorName: r.actorName, actorOrg: r.actorOrg, purpose: r.purpose,
          source: r.source, sourceLabel: sourceLabel(r.source), recordKind: r.recordKind, recordTitle: r.recordTitle, caseNo: r.caseNo ?? null,
        })),
        total, page, pageSize,
      };
    },

    /** Uploads spared: materials taken from shared data on submitted cases, on the platform and for this applicant. */
    async summary(user: AuthUser | undefined) {
      const [total, mine] = await Promise.all([repo.countSpared(db), user && isApplicant(user) ? repo.countSpared(db, user.id) : Promise.resolve(null)]);
      return { total, mine };
    },
  };
}
export type SharingService = ReturnType<typeof createSharingService>;
/** What the applications module needs from sharing. */
export type SharedMaterialsPort = Pick<SharingService, 'prepareSharedMaterials' | 'logCaseView'>;
