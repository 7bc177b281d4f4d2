import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ApplicationRow, ItemRow, UserRow } from '../../platform/db/schema.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { randomUUID } from 'node:crypto';
import { auditRow, writeAudit, type AuditEntry } from '../../platform/audit.ts';
import { chinaDate, computeDeadline, workingDaysBetween } from '../../../domain/calendar.ts';
import { DomainError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { ApplicationActionLabel, ApplicationStatusLabel, allowedActions, nextStatus, type ApplicationAction, type ApplicationStatus } from '../../../domain/workflow.ts';
import type { Material } from '../../../domain/catalog.ts';
import { canApplyOnline, type CatalogService } from '../catalog/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import { notificationRow, notify } from '../notifications/index.ts';
import type { NewNotification } from '../notifications/notifications.service.ts';
import { findUserById } from '../identity/index.ts';
import { insertUseLog, type SharedMaterialInput, type SharedMaterialsPort } from '../sharing/index.ts';
import type { CaseLicences } from '../licences/index.ts';
import * as repo from './applications.repo.ts';
import * as policy from './applications.policy.ts';
import { caseForLicence, deadlineView, iso, maskApplicant, sharedMaterialView, toSummary, type ApplicantSnapshot } from './applications.mapper.ts';

export interface MaterialRef { name: string; fileId: string }
export interface NewApplicationInput { itemCode: string; formData: Record<string, unknown>; materials: MaterialRef[]; sharedMaterials?: SharedMaterialInput[]; draft?: boolean }
export interface ActionInput { action: ApplicationAction; comment?: string; missingMaterials?: string[]; materials?: MaterialRef[]; version?: number; licenceFields?: Record<string, string> }

const ROLE_LABEL_FOR_EVENT = (u: AuthUser, owner: boolean) => (owner ? 'applicant' : u.roles.find((r) => r === 'clerk' || r === 'reviewer') ?? u.roles[0] ?? 'unknown');

/** Each material of the item: provided when uploaded or taken from shared data (`shared`, 免提交). */
export function checklist(materials: Material[], provided: { name: string }[], shared: { name: string }[] = []) {
  return materials.map((m) => {
    const isShared = shared.some((p) => p.name === m.name);
    return {
      name: m.name, required: m.required, sharedSource: m.sharedSource, form: m.form, copies: m.copies,
      provided: isShared || provided.some((p) => p.name === m.name), shared: isShared,
    };
  });
}
const sharedNames = (rows: { materialName: string }[]) => rows.map((r) => ({ name: r.materialName }));

/** What other modules add to cases: licences issued at 办结, and shared data instead of uploads (免提交). */
export interface CasePorts { licences?: CaseLicences; sharing?: SharedMaterialsPort }

export function createApplicationsService(db: Db, clock: Clock, catalog: CatalogService, calendar: CalendarService, ports: CasePorts = {}) {
  const { licences, sharing } = ports;
  // Items are read on every submission; a short-lived copy keeps that off the database.
  const itemCache = new Map<string, { at: number; row: ItemRow | undefined }>();
  async function item(code: string) {
    const hit = itemCache.get(code);
    if (hit && Date.now() - hit.at < 5000) return hit.row;
    const row = await catalog.findItem(code);
    itemCache.set(code, { at: Date.now(), row });
    return row;
  }
  // A case made after an edit must record (and be checked against) the new version.
  catalog.onItemChange((code) => itemCache.delete(code));

  async function prepareShared(user: AuthUser, applicant: ApplicantSnapshot, applicationId: string, it: ItemRow, inputs: SharedMaterialInput[], ip: string | null, at: Date) {
    if (!inputs.length) return { shared: [], useLog: [] };
    if (!sharing) throw invalid('sharedMaterials', '暂不支持使用政府已有数据，请上传材料');
    return sharing.prepareSharedMaterials({ user, applicant, applicationId, itemMaterials: it.materials as Material[], inputs, ip, at });
  }

  async function validateMaterials(user: AuthUser, it: ItemRow, materials: MaterialRef[], ex: Executor = db) {
    const names = new Set((it.materials as Material[]).map((m) => m.name));
    materials.forEach((m, i) => {
      if (!names.has(m.name)) throw invalid(`materials.${i}.name`, `“${m.name}”不是该事项的申请材料`);
    });
    const ids = [...new Set(materials.map((m) => m.fileId))];
    const owned = await repo.filesOwnedBy(ex, user.id, ids);
    const ownedIds = new Set(owned.map((o) => o.id));
    materials.forEach((m, i) => {
      if (!ownedIds.has(m.fileId)) throw invalid(`materials.${i}.fileId`, '文件不存在或不是您上传的');
    });
  }

  const snapshotOf = (u: Pick<UserRow, 'kind' | 'realName' | 'idNumber' | 'phone' | 'companyName' | 'uscc'>): ApplicantSnapshot =>
    ({ kind: u.kind, name: u.realName, idNumber: u.idNumber, phone: u.phone, companyName: u.companyName, uscc: u.uscc });

  async function applicantSnapshot(user: AuthUser): Promise<ApplicantSnapshot> {
    const u = await findUserById(db, user.id);
    if (!u) throw new DomainError('UNAUTHENTICATED', '请先登录', 'UNAUTHENTICATED');
    return snapshotOf(u);
  }

  async function loadVisible(user: AuthUser, id: string, trx?: Tx): Promise<ApplicationRow> {
    const row = trx ? await repo.lockApplication(trx, id) : await repo.findApplication(db, id);
    // Someone else's case is answered as not found, so its existence is not revealed.
    if (!row || !policy.canView(user, row)) throw notFound('APPLICATION_NOT_FOUND', '办件不存在');
    return row;
  }

  async function detail(user: AuthUser, id: string, viewIp?: string | null) {
    const row = await loadVisible(user, id);
    if (viewIp !== undefined && !policy.isOwner(user, row) && policy.seesPersonalData(user, row)) {
      // Staff reading someone's personal data leave a trace.
      await writeAudit(db, { actorId: user.id, actorName: user.username, action: 'application.view', targetType: 'application', targetId: row.id, detail: { caseNo: row.caseNo }, ip: viewIp }, clock.now());
    }
    const [cal, mats, shared, events, it, licence] = await Promise.all([calendar.get(), repo.listMaterials(db, id), repo.listSharedMaterials(db, id), repo.listEvents(db, id), catalog.findItem(row.itemCode), licences?.summaryFor(id) ?? null]);
    const full = policy.seesPersonalData(user, row);
    const sharedMaterials = shared.map((m) => sharedMaterialView(m, full));
    if (viewIp !== undefined && sharing && shared.length && !policy.isOwner(user, row) && full) {
      // Staff opening a case see the applicant's shared data: the holder can read who did, and why.
      const used = sharedMaterials.map((m) => ({ source: m.source, recordKind: m.kind, recordRef: m.ref, title: m.title }));
      await sharing.logCaseView(user, { id: row.id, caseNo: row.caseNo, applicant: row.applicant as unknown as ApplicantSnapshot }, used, viewIp);
    }
    const version = row.itemVersion === it?.version ? it : (await catalog.itemVersion(row.itemCode, row.itemVersion).catch(() => undefined))?.content;
    const itemMaterials = ((version as { materials?: Material[] } | undefined)?.materials ?? []) as Material[];
    const allowed = allowedActions(row.status as ApplicationStatus).filter((a) => policy.mayTake(user, row, a));
    const staffOrOwner = full;
    return {
      id: row.id,
      caseNo: row.caseNo,
      itemCode: row.itemCode,
      itemName: it?.name ?? row.itemCode,
      itemVersion: row.itemVersion,
      departmentId: row.departmentId,
      departmentName: it?.departmentName ?? row.departmentId,
      status: row.status,
      statusLabel: ApplicationStatusLabel[row.status as ApplicationStatus],
      version: row.version,
      applicant: maskApplicant(row.applicant as unknown as ApplicantSnapshot, full),
      formData: staffOrOwner ? row.formData : {},
      materials: mats.map((m) => ({ name: m.name, fileId: staffOrOwner ? m.fileId : null, size: m.size, mime: m.mime, fileName: m.fileName, sha256: m.sha256 })),
      sharedMaterials,
      checklist: checklist(itemMaterials, mats, sharedNames(shared)),
      submittedAt: iso(row.submittedAt),
      acceptedAt: iso(row.acceptedAt),
      acceptDate: row.acceptDate,
      dueDate: row.dueDate,
      dueDateProvisional: row.dueDateProvisional,
      warnDate: row.warnDate,
      limitDays: row.limitDays,
      pausedWorkingDays: row.pausedWorkingDays,
      ...deadlineView(cal, chinaDate(clock.now()), row),
      correction: row.correction,
      decidedAt: iso(row.decidedAt),
      completedAt: iso(row.completedAt),
      allowedActions: allowed,
      licence,
      events: events.map((e) => ({
        action: e.action, actor: e.actorName, actorRole: e.actorRole, at: new Date(e.at).toISOString(), comment: e.comment,
        fromStatus: e.fromStatus, toStatus: e.toStatus, missingMaterials: e.missingMaterials,
      })),
    };
  }

  /** What every change of a case leaves behind: its event, an audit entry and a notification to the applicant. */
  function recordEntries(row: Pick<ApplicationRow, 'id' | 'caseNo' | 'applicantId'>, user: AuthUser, action: string, from: string | null, to: string, at: Date, comment: string | null, missing: string[] | null, ip: string | null) {
    const owner = user.id === row.applicantId;
    const event: repo.NewEvent = { applicationId: row.id, action, fromStatus: from, toStatus: to, actorId: user.id, actorName: user.realName, actorRole: ROLE_LABEL_FOR_EVENT(user, owner), at, comment, missingMaterials: missing };
    const audit: AuditEntry = { actorId: user.id, actorName: user.username, action: `application.${action}`, targetType: 'application', targetId: row.id, detail: { caseNo: row.caseNo, from, to }, ip };
    const label = ApplicationActionLabel[action as ApplicationAction] ?? action;
    const body = action === 'request_correction' && missing
      ? `请一次性补正以下材料：${missing.join('、')}${comment ? `。说明：${comment}` : ''}`
      : `办件 ${row.caseNo} 当前状态：${ApplicationStatusLabel[to as ApplicationStatus]}${comment ? `。意见：${comment}` : ''}`;
    const notification: NewNotification = { userId: row.applicantId, title: `【${label}】办件 ${row.caseNo}`, body, link: `/my/cases/${row.id}` };
    return { event, audit, notification };
  }

  async function record(trx: Tx, row: Pick<ApplicationRow, 'id' | 'caseNo' | 'applicantId'>, user: AuthUser, action: string, from: string | null, to: string, at: Date, comment: string | null, missing: string[] | null, ip: string | null) {
    const e = recordEntries(row, user, action, from, to, at, comment, missing, ip);
    await repo.insertEvent(trx, e.event);
    await writeAudit(trx, e.audit, at);
    await notify(trx, e.notification, at);
  }

  /** The answer to a repeated Idempotency-Key: the case made the first time, as it was answered then. */
  async function replay(row: ApplicationRow) {
    const [it, mats, shared] = await Promise.all([item(row.itemCode), repo.listMaterials(db, row.id), repo.listSharedMaterials(db, row.id)]);
    return { replayed: true, row, checklist: checklist((it?.materials ?? []) as Material[], mats, sharedNames(shared)) };
  }

  return {
    detail,

    async create(user: AuthUser, input: NewApplicationInput, idempotencyKey: string | undefined, ip: string | null) {
      if (!policy.canApply(user)) throw forbidden('只有个人或法人用户可以提交申请');
      let applicant: ApplicantSnapshot | undefined;
      if (idempotencyKey) {
        // One round trip answers both: is there a case made earlier with this key, and who is applying (for a new one).
        const found = await repo.applicantAndKeyedCase(db, user.id, idempotencyKey);
        if (found?.keyedCaseId) {
          const existing = await repo.findApplication(db, found.keyedCaseId);
          if (existing) return replay(existing);
        }
        if (found) applicant = snapshotOf(found);
      }
      const it = await item(input.itemCode);
      if (!it) throw invalid('itemCode', `事项不存在：${input.itemCode}`, 'ITEM_NOT_FOUND');
      if (!canApplyOnline(it.onlineDepth)) throw invalid('itemCode', '该事项需到政务服务窗口办理，不能网上申请', 'ITEM_NOT_ONLINE');
      const applicantType = user.kind === 'enterprise' ? 'enterprise' : 'person';
      if (!it.applicantTypes.includes(applicantType)) {
        throw invalid('itemCode', applicantType === 'person' ? '该事项只面向法人办理，请使用法人账号申请' : '该事项只面向个人办理，请使用个人账号申请', 'APPLICANT_TYPE_MISMATCH');
      }
      await validateMaterials(user, it, input.materials);
      applicant ??= await applicantSnapshot(user);
      const now = clock.now();
      const today = chinaDate(now);
      const draft = !!input.draft;
      const deadline = computeDeadline(await calendar.get(), today, it.promisedLimitDays);
      const id = randomUUID();
      const shared = await prepareShared(user, applicant, id, it, input.sharedMaterials ?? [], ip, now);
      try {
        // Case, materials, event, audit entry and notification go in as one atomic statement (see insertSubmission):
        // submissions are the hottest write, and each round trip to the database costs both sides CPU.
        const seq = await repo.nextCaseSeq(db);
        const status = draft ? 'draft' : 'submitted';
        const application = {
          id,
          caseNo: `SFQ${today.replaceAll('-', '')}${String(seq).padStart(6, '0')}`,
          itemCode: it.code, itemVersion: it.version, departmentId: it.departmentId, applicantId: user.id,
          applicant: JSON.stringify(applicant), formData: JSON.stringify(input.formData), status,
          limitDays: it.promisedLimitDays, submittedAt: draft ? null : now,
          dueDate: draft ? null : deadline.dueDate, warnDate: draft ? null : deadline.warnDate, dueDateProvisional: !draft && deadline.provisional,
          acceptedAt: null, acceptDate: null, suspendedSince: null, correction: null, decidedAt: null, completedAt: null,
          idempotencyKey: idempotencyKey ?? null, createdAt: now, updatedAt: now,
        };
        const e = recordEntries(application, user, draft ? 'save_draft' : 'submit', null, status, now, null, null, ip);
        const row = await repo.insertSubmission(db, {
          application, materials: input.materials, event: e.event, audit: auditRow(e.audit, now), notification: notificationRow(e.notification, now),
          shared: shared.shared, dataUse: shared.useLog,
        });
        return { replayed: false, row, checklist: checklist(it.materials as Material[], input.materials, shared.shared.map((m) => ({ name: m.materialName }))) };
      } catch (e) {
        // Two requests with one key raced: the loser returns the winner's case.
        if ((e as { code?: string }).code === '23505' && idempotencyKey) {
          const existing = await repo.findByIdempotencyKey(db, user.id, idempotencyKey);
          if (existing) return replay(existing);
        }
        throw e;
      }
    },

    async updateDraft(user: AuthUser, id: string, formData: Record<string, unknown>, materials: MaterialRef[], sharedMaterials: SharedMaterialInput[] = [], ip: string | null = null) {
      const row = await loadVisible(user, id);
      if (!policy.isOwner(user, row)) throw forbidden('只有申请人可以修改草稿');
      if (row.status !== 'draft') throw conflict('NOT_A_DRAFT', '只有草稿可以修改', { allowedActions: allowedActions(row.status as ApplicationStatus) });
      const it = await item(row.itemCode);
      await validateMaterials(user, it!, materials);
      const now = clock.now();
      const shared = await prepareShared(user, row.applicant as unknown as ApplicantSnapshot, id, it!, sharedMaterials, ip, now);
      await db.transaction().execute(async (trx) => {
        const ok = await repo.updateApplication(trx, id, row.version, { formData: JSON.stringify(formData), updatedAt: now });
        if (!ok) throw conflict('VERSION_CONFLICT', '草稿已在别处修改，请刷新');
        await repo.deleteMaterials(trx, id);
        await repo.insertMaterials(trx, id, materials, now);
        await repo.replaceSharedMaterials(trx, id, shared.shared);
        await insertUseLog(trx, shared.useLog);
      });
      return detail(user, id);
    },

    async act(user: AuthUser, id: string, input: ActionInput, ip: string | null) {
      const { action } = input;
      const comment = input.comment?.trim() || null;
      // Read what the transaction needs first: on PGlite the transaction holds the only connection.
      const cal = await calendar.get();
      const current = await repo.findApplication(db, id);
      const it = current ? await item(current.itemCode) : undefined;
      // Completing an approved case of an item that issues a licence signs it in the same transaction.
      const issuing = action === 'complete' && current?.status === 'approved' && licences ? await licences.prepare(current.itemCode, current.departmentId) : undefined;
      await db.transaction().execute(async (trx) => {
        // The row lock makes two staff acting at once take turns; the second then sees the new status.
        const row = await loadVisible(user, id, trx);
        if (!policy.mayTake(user, row, action)) throw forbidden(`您的角色不能对此办件执行“${ApplicationActionLabel[action]}”`);
        const to = nextStatus(row.status as ApplicationStatus, action);
        const allowed = allowedActions(row.status as ApplicationStatus);
        if (!to) {
          throw conflict('ACTION_NOT_ALLOWED', `办件当前状态为“${ApplicationStatusLabel[row.status as ApplicationStatus]}”，不能执行“${ApplicationActionLabel[action]}”`, { status: row.status, allowedActions: allowed });
        }
        if (input.version !== undefined && input.version !== row.version) {
          throw conflict('VERSION_CONFLICT', '该办件已被他人处理，请刷新后查看最新状态', { status: row.status, allowedActions: allowed, currentVersion: row.version });
        }
        if (['reject', 'deny', 'suspend'].includes(action) && !comment) throw invalid('comment', `“${ApplicationActionLabel[action]}”须写明理由`);
        const missing = input.missingMaterials?.map((m) => m.trim()).filter(Boolean) ?? [];
        if (action === 'request_correction' && missing.length === 0) throw invalid('missingMaterials', '请一次性列出全部需要补正的材料');

        const now = clock.now();
        const today = chinaDate(now);
        const patch: Record<string, unknown> = { status: to, updatedAt: now };
        switch (action) {
          case 'submit':
          case 'resubmit': {
            if (input.materials?.length) {
              await validateMaterials(user, it!, input.materials, trx);
              await repo.insertMaterials(trx, row.id, input.materials, now);
            }
            const d = computeDeadline(cal, today, row.limitDays);
            Object.assign(patch, { submittedAt: now, dueDate: d.dueDate, warnDate: d.warnDate, dueDateProvisional: d.provisional });
            if (action === 'resubmit') patch.correction = JSON.stringify({ ...(row.correction as object), resubmittedAt: now.toISOString() });
            break;
          }
          case 'request_correction':
            patch.correction = JSON.stringify({ missingMaterials: missing, comment, requestedAt: now.toISOString(), requestedBy: user.realName });
            break;
          case 'accept': {
            const d = computeDeadline(cal, today, row.limitDays);
            Object.assign(patch, { acceptedAt: now, acceptDate: today, dueDate: d.dueDate, warnDate: d.warnDate, dueDateProvisional: d.provisional, pausedWorkingDays: 0 });
            break;
          }
          case 'suspend':
            patch.suspendedSince = today;
            break;
          case 'resume': {
            const paused = row.pausedWorkingDays + Math.max(0, workingDaysBetween(cal, row.suspendedSince ?? today, today));
            const d = computeDeadline(cal, row.acceptDate ?? today, row.limitDays, paused);
            Object.assign(patch, { suspendedSince: null, pausedWorkingDays: paused, dueDate: d.dueDate, warnDate: d.warnDate, dueDateProvisional: d.provisional });
            break;
          }
          case 'approve':
          case 'deny':
            patch.decidedAt = now;
            break;
          case 'complete':
            patch.completedAt = now;
            break;
        }
        const ok = await repo.updateApplication(trx, row.id, row.version, patch);
        if (!ok) throw conflict('VERSION_CONFLICT', '该办件已被他人处理，请刷新后查看最新状态');
        await record(trx, row, user, action, row.status, to, now, comment, action === 'request_correction' ? missing : null, ip);
        if (issuing && row.status === 'approved' && it) {
          await licences!.issue(trx, issuing, caseForLicence(row, it.name, input.licenceFields), { id: user.id, name: user.realName });
        }
      });
      return detail(user, id);
    },

    async list(user: AuthUser, q: { status?: string; departmentId?: string; itemCode?: string; q?: string; sort?: 'timeLeft' | 'newest'; page: number; pageSize: number }) {
      const scope = policy.queueScope(user);
      if ('none' in scope) throw forbidden('您的角色没有办件列表');
      const filter: repo.ListFilter = { status: q.status, itemCode: q.itemCode, q: q.q, sort: q.sort ?? (policy.isStaff(user) ? 'timeLeft' : 'newest') };
      if ('applicantId' in scope) filter.applicantId = scope.applicantId;
      else if ('departmentId' in scope) filter.departmentId = scope.departmentId;
      else if (q.departmentId) filter.departmentId = q.departmentId;
      // Staff queues show open cases by default; the applicant sees everything of their own.
      if (!('applicantId' in scope)) {
        filter.active = !q.status;
        if (!policy.isStaff(user)) filter.active = false;
      }
      const { rows, total } = await repo.listApplications(db, filter, (q.page - 1) * q.pageSize, q.pageSize);
      const cal = await calendar.get();
      const today = chinaDate(clock.now());
      return { items: rows.map((r) => toSummary(cal, today, r, policy.seesPersonalData(user, r))), total, page: q.page, pageSize: q.pageSize };
    },

    async summary(user: AuthUser) {
      if (!policy.isStaff(user) && !user.roles.includes('admin')) throw forbidden('只有工作人员可以查看工作台统计');
      const scope = policy.queueScope(user);
      const s = 'departmentId' in scope ? { departmentId: scope.departmentId } : {};
      const counts = await repo.statusCounts(db, s);
      const n = (st: string) => Number(counts.find((c) => c.status === st)?.n ?? 0);
      const today = chinaDate(clock.now());
      const levels = await repo.deadlineCounts(db, s, today);
      return {
        submitted: n('submitted'), correctionRequired: n('correction_required'), accepted: n('accepted'), suspended: n('suspended'),
        awaitingCompletion: n('approved') + n('denied'), warning: levels.warning, overdue: levels.overdue,
      };
    },

    /** Recompute due dates of open cases after a calendar change on or after `fromDate`. */
    async recomputeDueDates(fromDate: string) {
      const cal = await calendar.get();
      let after = '00000000-0000-0000-0000-000000000000';
      let changed = 0;
      for (;;) {
        const rows = await repo.casesAffectedByCalendar(db, fromDate, after, 500);
        if (!rows.length) break;
        for (const r of rows) {
          const start = r.acceptDate ?? (r.submittedAt ? chinaDate(new Date(r.submittedAt)) : undefined);
          if (!start) continue;
          const d = computeDeadline(cal, start, r.limitDays, r.pausedWorkingDays);
          if (d.dueDate !== r.dueDate || d.warnDate !== r.warnDate || d.provisional !== r.dueDateProvisional) {
            await repo.setDueDate(db, r.id, d.dueDate, d.warnDate, d.provisional);
            changed++;
          }
        }
        after = rows.at(-1)!.id;
      }
      return changed;
    },

    /** The licence completing this case will issue, with the values the officer can still change. */
    async licenceDraft(user: AuthUser, id: string) {
      const row = await loadVisible(user, id);
      if (!policy.isHandler(user, row)) throw forbidden('只有经办人员可以预览将签发的证照');
      const it = await item(row.itemCode);
      return { licence: licences && it ? licences.preview(caseForLicence(row, it.name)) : null };
    },

    /** For file downloads: may this user read a file attached to some case? */
    async canReadAttachedFile(user: AuthUser, fileId: string) {
      const cases = await repo.casesWithFile(db, fileId);
      return cases.some((c) => policy.isHandler(user, c) || policy.isOwner(user, c));
    },
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
