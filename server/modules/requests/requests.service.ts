// Intake and classification of 12345 requests (the rest of the loop follows in this module).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { hasRole } from '../../platform/auth.ts';
import { auditRow } from '../../platform/audit.ts';
import { chinaDate, endOfWorkingDay } from '../../../domain/calendar.ts';
import { maskName, maskPhone } from '../../../domain/codes.ts';
import { forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { Role } from '../../../domain/enums.ts';
import { isUrgent, RequestChannel, requestDueAt, RequestType } from '../../../domain/requests.ts';
import type { CalendarService } from '../calendar/index.ts';
import { notificationRow } from '../notifications/index.ts';
import { classifierFor, shippedPlaces, trainModel } from './classifier/training.ts';
import { confirmedRequests, storedModel, storedModelVersion } from './classifier/stored-model.ts';
import { FEATURES_VERSION, type RequestClassifier } from './classifier/classifier.ts';
import * as repo from './requests.repo.ts';
import { HOTLINE_ROLES, requestAccess } from './requests.policy.ts';
import { actionsFor, createRequestActions } from './requests.actions.ts';
import { shippedCategories } from './classifier/training.ts';
import type { RequestStatus } from '../../../domain/requests.ts';
import type { RequestSettings } from './requests.settings.ts';

export const IntakeInput = z.object({
  text: z.string().trim().min(5, '请把诉求说清楚（至少 5 个字）').max(4000, '诉求内容不能超过 4000 字'),
  contactName: z.string().trim().max(50, '联系人不能超过 50 字').optional(),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, '请填写正确的手机号或固定电话').optional(),
  address: z.string().trim().max(200, '地址不能超过 200 字').optional(),
  channel: z.enum(Object.values(RequestChannel) as [string, ...string[]], { message: '渠道应为 web、enterprise、phone 或 open311' }).default('web'),
  anonymous: z.boolean().default(false),
  confidential: z.boolean().default(false),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  /** Files uploaded first with POST /api/files (photos, PDF). */
  attachmentIds: z.array(z.uuid('附件编号格式不正确')).max(9, '附件最多 9 个').optional(),
});
export type IntakeInput = z.infer<typeof IntakeInput>;

const DUPLICATE_WINDOW_MS = 7 * 86_400_000;
const MODEL_CHECK_MS = 60_000;

const NOT_WORD = /[^\p{Script=Han}a-zA-Z0-9]/gu;
const bigrams = (s: string) => {
  const out = new Set<string>();
  const t = s.replace(NOT_WORD, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

/** Character-bigram overlap (Jaccard) with one text, for many others: its bigrams are made once (intake compares up to 50). */
export function similarityTo(a: string): (b: string) => number {
  const x = bigrams(a);
  return (b) => {
    const y = bigrams(b);
    if (!x.size || !y.size) return 0;
    let both = 0;
    for (const g of y) if (x.has(g)) both++;
    return both / (x.size + y.size - both);
  };
}

/** Character-bigram overlap (Jaccard) of two texts: a cheap measure for duplicate proposals. */
export const textSimilarity = (a: string, b: string): number => similarityTo(a)(b);

export function createRequestsService(db: Db, clock: Clock, calendar: CalendarService, settings: RequestSettings) {
  let classifier: { c: RequestClassifier; version: number } | undefined;
  let checkedAt = 0;
  const places = shippedPlaces();
  /** The stored model if there is one (re-checked at most every minute), otherwise one trained on the shipped data. */
  async function getClassifier(): Promise<RequestClassifier> {
    const now = Date.now();
    if (classifier && now - checkedAt < MODEL_CHECK_MS) return classifier.c;
    checkedAt = now;
    const version = await storedModelVersion(db);
    if (!classifier || classifier.version !== version) {
      const stored = version ? await storedModel(db) : null;
      // A model stored by an older release refers to features this code no longer makes: learn again from the
      // shipped data and the operators' confirmed requests (in memory; `npx tongban train` stores it again).
      const model = stored && (stored.model.featuresVersion ?? 1) === FEATURES_VERSION ? stored.model
        : trainModel(stored ? await confirmedRequests(db) : [], clock.now());
      classifier = { c: classifierFor(model), version };
    }
    return classifier.c;
  }
  

  async function classify(text: string) {
    const c = (await getClassifier()).classify(text);
    return {
      type: c.type.label as RequestType,
      category: c.category.label,
      departmentId: c.department.label,
      confidence: Math.min(c.category.confidence, c.department.confidence),
      confidences: { type: c.type.confidence, category: c.category.confidence, departmentId: c.department.confidence },
      alternatives: {
        type: c.type.alternatives,
        category: c.category.alternatives,
        departmentId: c.department.alternatives,
      },
      urgent: isUrgent(text),
    };
  }

  async function dueAt(type: RequestType, urgent: boolean, receivedAt: Date) {
    const [limits, cal] = await Promise.all([settings.timeLimits(), calendar.get()]);
    return requestDueAt(type, urgent, receivedAt, limits, (from, days) => endOfWorkingDay(cal, from, days));
  }

  function checkChannel(channel: string, user: AuthUser | null) {
    if (channel === 'enterprise' && !hasRole(user ?? undefined, Role.enterprise)) throw forbidden('企业诉求需要用企业账号登录');
    if (channel === 'phone' && !hasRole(user ?? undefined, ...HOTLINE_ROLES)) throw forbidden('只有热线话务员可以登记来电');
    if (channel === 'open311') throw invalid('channel', 'Open311 诉求请通过 /open311/v2/requests.json 提交');
  }

  /** Attachments must be files the filer uploaded (POST /api/files needs a login). */
  async function ownFiles(ids: string[] | undefined, user: AuthUser | null): Promise<string[]> {
    const wanted = [...new Set(ids ?? [])];
    if (!wanted.length) return [];
    if (!user) throw invalid('attachmentIds', '登录后才能上传附件');
    const found = await db.selectFrom('files').select('id').where('id', 'in', wanted).where('ownerId', '=', user.id).execute();
    if (found.length !== wanted.length) throw invalid('attachmentIds', '附件不存在或不是您上传的');
    return wanted;
  }

  /** The contact as given, else the account's name; an enterprise request also names the company (企业诉求). */
  async function contactName(input: IntakeInput, user: AuthUser | null): Promise<string | null> {
    // A call entered by the hotline is the caller's, never the operator's own name.
    const name = input.contactName ?? (user && !hasRole(user, ...HOTLINE_ROLES) ? user.realName : null);
    if (input.channel !== RequestChannel.enterprise || !user) return name;
    const company = (await db.selectFrom('users').select('companyName').where('id', '=', user.id).executeTakeFirst())?.companyName;
    return company ? `${name ?? ''}（${company}）`.slice(0, 120) : name;
  }

  /** The intake itself, shared by every channel (the caller has checked who may use which). */
  async function receive(input: IntakeInput, user: AuthUser | null, open311: Open311Intake | null) {
    const at = clock.now();
    const place = places.find((p) => input.address?.includes(p.name) || input.text.includes(p.name));
    // The duplicate candidates are read while the classifier works (a round trip overlapped with CPU work).
    const candidatesRead = repo.recentSimilarCandidates(db, new Date(at.getTime() - DUPLICATE_WINDOW_MS), input.phone ?? null, place?.name ?? null);
    candidatesRead.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
    const c = await classify(input.text);
    const open311ClientId = open311?.clientId ?? null;
    // An Open311 client names the service (category) itself; the department follows it unless the classifier's fits.
    if (open311 && open311.category !== c.category) {
      const defaults = categories.find((k) => k.name === open311.category)?.defaultDepartmentIds ?? [];
      c.category = open311.category;
      if (defaults[0] && !defaults.includes(c.departmentId)) c.departmentId = defaults[0];
    }
    // A direct-dispatch rule (category + street → department) set by an admin outranks the classifier.
    const rule = await settings.ruleFor(c.category, place?.streetId ?? null);
    if (rule) c.departmentId = rule.departmentId;
    const attachments = await ownFiles(input.attachmentIds, user);
    const due = await dueAt(c.type, c.urgent, at);
    const warn = new Date(at.getTime() + 0.8 * (due.getTime() - at.getTime()));
    const similarity = similarityTo(input.text);
    const duplicates = (await candidatesRead).filter((r) => similarity(r.text) >= 0.35).map((r) => ({ id: r.id, ticketNo: r.ticketNo }));
    const id = randomUUID();
    const citizenId = user && !hasRole(user, ...HOTLINE_ROLES) ? user.id : null;
    const receipt = '【12345】您的诉求已受理，工单号 {ticketNo}。我们将尽快转交办理并答复您，可凭工单号查询进度。';
    const row = await repo.insertIntake(db, {
      request: {
        id, channel: input.channel, text: input.text, type: c.type, category: c.category, departmentId: c.departmentId,
        status: 'received', contactName: input.anonymous ? null : await contactName(input, user),
        phone: input.phone ?? null, anonymous: input.anonymous, confidential: input.confidential, address: input.address ?? null,
        streetId: place?.streetId ?? null, community: place?.name ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null, open311ClientId,
        citizenId, createdBy: user?.id ?? null,
        attachments, classification: JSON.stringify({ ...c, duplicates, ...(rule ? { ruleId: rule.id } : {}) }), urgent: c.urgent, receivedAt: at, dueAt: due, warnAt: warn, updatedAt: at,
      },
      ticketPrefix: chinaDate(at).replaceAll('-', ''),
      event: { requestId: id, action: 'receive', fromStatus: null, toStatus: 'received', departmentId: null, actorId: user?.id ?? null, actorName: user?.username ?? (open311ClientId ? 'Open311' : '群众'), actorRole: user?.roles[0] ?? 'citizen', comment: null, data: { channel: input.channel, ...open311?.received }, at },
      sms: input.phone ? { phone: input.phone, body: receipt } : null,
      notification: citizenId ? notificationRow({ userId: citizenId, title: '诉求已受理', body: receipt, link: `/my/requests/${id}` }, at) : null,
      audit: auditRow({ actorId: user?.id ?? null, actorName: user?.username ?? (open311ClientId ? 'open311' : 'anonymous'), action: 'request.receive', targetType: 'request', targetId: id, detail: { channel: input.channel, ...(open311ClientId ? { open311ClientId } : {}) } }, at),
    });
    return {
      id: row.id,
      ticketNo: row.ticketNo,
      status: row.status,
      urgent: row.urgent,
      dueAt: new Date(row.dueAt).toISOString(),
      classification: { type: c.type, category: c.category, departmentId: c.departmentId, confidence: c.confidence, confidences: c.confidences, alternatives: c.alternatives },
      duplicates,
    };
  }

  const categories = shippedCategories();
  const act = createRequestActions(db, clock, calendar, new Set(categories.map((c) => c.name)));
  return {
    classify,
    /** Trains or loads the classifier now, so the first request after a start does not wait for it. */
    warmUp: () => getClassifier().then(() => undefined),

    /** What the forms need: the 15 categories with their definitions, the places with their streets, types and time limits. */
    async meta() {
      return {
        types: [...RequestType],
        categories,
        places,
        timeLimits: await settings.timeLimits(),
      };
    },

    async intake(input: IntakeInput, user: AuthUser | null) {
      checkChannel(input.channel, user);
      if (!input.anonymous && !input.phone && !user) throw invalid('phone', '请留下联系电话，或选择匿名反映');
      return receive(input, user, null);
    },

    /** Intake for an Open311 client application (its api_key already checked) in the category it named; the contact is optional. */
    intakeOpen311(input: Omit<IntakeInput, 'channel'>, open311: Open311Intake) {
      return receive({ ...input, channel: RequestChannel.open311 }, null, open311);
    },

    act,

    /** Whether this user may read an attached file: it belongs to a request they can see. */
    async canReadAttachedFile(user: AuthUser, fileId: string) {
      const rows = await db.selectFrom('requests').select(['status', 'departmentId', 'coDepartmentIds', 'citizenId']).where(sql<boolean>`${fileId}::uuid = ANY(attachments)`).execute();
      return rows.some((r) => { const a = requestAccess(user, r); return a.hotline || a.assigned || a.owner; });
    },

    /** Requests a user may see: the hotline all of them, a department those sent to it, a citizen their own. */
    async list(f: ListFilter, user: AuthUser, page: number, pageSize: number) {
      let q = db.selectFrom('requests');
      if (hasRole(user, ...HOTLINE_ROLES)) {
        if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
      } else if (hasRole(user, Role.handler) && user.departmentId) {
        const dept = user.departmentId;
        q = q.where('status', '<>', 'received').where((eb) => eb.or([eb('departmentId', '=', dept), sql<boolean>`${dept} = ANY(co_department_ids)`]));
      } else q = q.where('citizenId', '=', user.id);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.category) q = q.where('category', '=', f.category);
      if (f.type) q = q.where('type', '=', f.type);
      if (f.urgent) q = q.where('urgent', '=', true);
      if (f.supervised) q = q.where('supervised', '=', true);
      if (f.overdue) q = q.where('status', '<>', 'closed').where('dueAt', '<', clock.now());
      if (f.warning) q = q.where('status', '<>', 'closed').where('warnAt', '<=', clock.now()).where('dueAt', '>=', clock.now());
      if (f.q) q = q.where((eb) => eb.or([eb('ticketNo', '=', f.q!), eb('text', 'like', `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]));
      const [rows, total] = await Promise.all([
        q.select(['id', 'ticketNo', 'channel', 'text', 'type', 'category', 'departmentId', 'status', 'urgent', 'supervised', 'receivedAt', 'dueAt', 'warnAt', 'streetId', 'community'])
          .$if(f.sort === 'newest', (qb) => qb.orderBy('receivedAt', 'desc'))
          .$if(f.sort !== 'newest', (qb) => qb.orderBy('urgent', 'desc').orderBy('dueAt', 'asc')).orderBy('id').offset((page - 1) * pageSize).limit(pageSize).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const now = clock.now();
      return {
        items: rows.map(({ warnAt, ...r }) => {
          const open = r.status !== 'closed';
          const overdue = open && new Date(r.dueAt) < now;
          return { ...r, receivedAt: new Date(r.receivedAt).toISOString(), dueAt: new Date(r.dueAt).toISOString(), overdue, warning: open && !overdue && new Date(warnAt) <= now };
        }),
        total: Number(total.n), page, pageSize,
      };
    },

    async get(id: string, user: AuthUser) {
      const r = await repo.findRequest(db, id);
      if (!r) throw notFound('REQUEST_NOT_FOUND', '诉求不存在');
      const access = requestAccess(user, r);
      const { hotline, owner } = access;
      if (!(hotline || access.assigned || owner)) throw notFound('REQUEST_NOT_FOUND', '诉求不存在');
      const [events, attachments] = await Promise.all([
        repo.listEvents(db, id),
        r.attachments.length ? db.selectFrom('files').select(['id as fileId', 'originalName as name', 'mime', 'size']).where('id', 'in', r.attachments).execute() : [],
      ]);
      // Departments never see a phone number unmasked, nor who filed an anonymous or confidential request.
      const hideWho = !hotline && !owner && (r.anonymous || r.confidential);
      // The filer sees the answer once the hotline has sent it, and no internal notes or staff names.
      const staff = hotline || access.assigned;
      const answerVisible = staff || r.status === 'answered' || r.status === 'closed';
      return {
        id: r.id, ticketNo: r.ticketNo, channel: r.channel, text: r.text, type: r.type, category: r.category, departmentId: r.departmentId,
        coDepartmentIds: r.coDepartmentIds, status: r.status, version: r.version, urgent: r.urgent,
        contactName: hideWho ? null : hotline || owner ? r.contactName : maskName(r.contactName),
        phone: hideWho ? null : hotline || owner ? r.phone : maskPhone(r.phone),
        anonymous: r.anonymous, confidential: r.confidential, address: r.address, streetId: r.streetId, community: r.community,
        receivedAt: new Date(r.receivedAt).toISOString(), dueAt: new Date(r.dueAt).toISOString(),
        classification: hotline ? r.classification : undefined,
        supervised: r.supervised, reopenCount: r.reopenCount, returnsCount: r.returnsCount, extensionRequested: r.extensionRequested,
        replyResult: answerVisible ? r.replyResult : null, replyText: answerVisible ? r.replyText : null, satisfaction: r.satisfaction, attachments,
        latitude: r.latitude, longitude: r.longitude, warning: r.status !== 'closed' && new Date(r.warnAt) <= clock.now() && new Date(r.dueAt) >= clock.now(),
        superviseDueAt: r.superviseDueAt ? new Date(r.superviseDueAt).toISOString() : null,
        duplicateOf: r.duplicateOf,
        // A merged duplicate is handled on its main request only.
        allowedActions: r.duplicateOf ? [] : actionsFor(user, r.status as RequestStatus, access),
        events: events.map((e) => ({
          action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, departmentId: e.departmentId,
          actorName: staff ? e.actorName : actorFor(e.actorRole), actorRole: e.actorRole,
          comment: staff || CITIZEN_VISIBLE_COMMENTS.has(e.action) ? e.comment : null,
          satisfaction: (e.data as { satisfaction?: string } | null)?.satisfaction ?? null,
          at: new Date(e.at).toISOString(),
        })),
      };
    },
  };
}

/** An Open311 client's request: who sent it, the category (service) it named, what else it sent (kept with the intake event). */
export interface Open311Intake {
  clientId: number;
  category: string;
  received?: { mediaUrl?: string; email?: string };
}

/** Event comments a filer may read: their own words and the answers sent to them, never notes between staff. */
const CITIZEN_VISIBLE_COMMENTS = new Set(['receive', 'callback', 'close', 'merge']);
const actorFor = (role: string) => (role === 'citizen' || role === 'enterprise' ? '群众' : role === 'handler' ? '承办部门' : '12345 热线');

export interface ListFilter {
  status?: string;
  departmentId?: string;
  category?: string;
  type?: string;
  urgent?: boolean;
  supervised?: boolean;
  overdue?: boolean;
  /** Open, past the warning point (80 % of the time limit) and not yet overdue. */
  warning?: boolean;
  q?: string;
  /** `due` (default: urgent first, then the nearest due date) or `newest` (latest received first). */
  sort?: 'due' | 'newest';
}

export type RequestsService = ReturnType<typeof createRequestsService>;
