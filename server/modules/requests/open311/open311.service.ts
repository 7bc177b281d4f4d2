// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the request categories as services, requests
// posted by client applications holding an api_key an administrator issued, and a public read view of
// requests without anyone's contact details.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../platform/db/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { AuthUser } from '../../../platform/auth.ts';
import { hashToken } from '../../../platform/auth.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { forbidden, invalid, notFound } from '../../../../domain/errors.ts';
import { maskIdNumber, maskPhone } from '../../../../domain/codes.ts';
import { ReplyResultLabel, RequestStatusLabel, type ReplyResult, type RequestStatus } from '../../../../domain/requests.ts';
import { IntakeInput, type RequestsService } from '../requests.service.ts';
import * as repo from './open311.repo.ts';
import { serviceCatalogue } from './services.ts';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 90;
const MAX_RESULTS = 1000;

/** Form posts carry every value as a string; '' means "not given". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number, message: string) => z.preprocess(blank, z.string().trim().max(max, message).optional());
const coord = (min: number, max: number, name: string) =>
  z.preprocess(blank, z.coerce.number({ message: `${name} 应为数字` }).min(min, `${name} 超出范围`).max(max, `${name} 超出范围`).optional());

/** POST requests: the GeoReport v2 argument names; unknown ones (attribute[…], device_id, jurisdiction_id…) are ignored. */
export const Open311PostInput = z.object({
  api_key: text(200, 'api_key 过长'),
  service_code: text(100, 'service_code 过长'),
  lat: coord(-90, 90, 'lat'),
  long: coord(-180, 180, 'long'),
  address_string: text(200, 'address_string 不能超过 200 字'),
  description: text(4000, 'description 不能超过 4000 字'),
  email: text(200, 'email 过长'),
  first_name: text(25, 'first_name 过长'),
  last_name: text(25, 'last_name 过长'),
  phone: text(20, 'phone 过长'),
  media_url: z.preprocess(blank, z.url({ message: 'media_url 应为网址', protocol: /^https?$/ }).max(1000, 'media_url 过长').optional()),
});
export type Open311PostInput = z.infer<typeof Open311PostInput>;

export const Open311ListQuery = z.object({
  service_request_id: text(20_000, 'service_request_id 过长'),
  service_code: text(2000, 'service_code 过长'),
  start_date: text(40, 'start_date 格式不正确'),
  end_date: text(40, 'end_date 格式不正确'),
  status: text(20, 'status 应为 open 或 closed'),
});
export type Open311ListQuery = z.infer<typeof Open311ListQuery>;

/** w3c date-time in China time (+08:00), as the specification asks: with a time zone. */
export function w3cTime(d: Date | string | null): string | null {
  if (!d) return null;
  const t = new Date(d).getTime() + 8 * 3_600_000;
  return `${new Date(t).toISOString().slice(0, 19)}+08:00`;
}

/** Phone and ID numbers a citizen typed into the text are masked in the public view. */
export function redactContacts(s: string): string {
  return s
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => maskIdNumber(m)!)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m)!)
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => maskPhone(m)!);
}

const list = (v: string | undefined) => (v ? [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))] : undefined);

function parseTime(v: string | undefined, field: string): Date | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(t)) throw invalid(field, `${field} 应为 ISO 8601 时间，如 2026-03-02T08:00:00+08:00`);
  return new Date(t);
}

export function createOpen311Service(db: Db, clock: Clock, requests: RequestsService) {
  const catalogue = serviceCatalogue();

  function publicView(r: repo.PublicRequestRow) {
    const closed = r.status === 'closed';
    const hide = r.confidential;
    const result = r.replyResult ? ReplyResultLabel[r.replyResult as ReplyResult] : null;
    return {
      service_request_id: r.ticketNo,
      status: closed ? 'closed' : 'open',
      status_notes: `${RequestStatusLabel[r.status as RequestStatus] ?? r.status}${closed && result ? `（${result}）` : ''}`,
      service_name: r.category,
      service_code: catalogue.codeOf(r.category),
      description: hide ? null : redactContacts(r.text),
      agency_responsible: r.agency,
      service_notice: closed ? '已办结' : `12345 热线受理，承办单位应于 ${w3cTime(r.dueAt)!.slice(0, 16).replace('T', ' ')} 前办结答复`,
      requested_datetime: w3cTime(r.receivedAt),
      updated_datetime: w3cTime(r.updatedAt),
      expected_datetime: w3cTime(r.dueAt),
      address: hide ? null : r.address,
      lat: hide ? null : r.latitude,
      long: hide ? null : r.longitude,
      media_url: hide ? null : r.mediaUrl,
    };
  }

  /** Client applications, for the administrator (never the key). */
  async function clients() {
    return (await repo.listClients(db)).map((c) => ({
      id: c.id, name: c.name, createdBy: c.createdBy, createdAt: new Date(c.createdAt).toISOString(),
      lastUsedAt: c.lastUsedAt ? new Date(c.lastUsedAt).toISOString() : null, requestCount: Number(c.requestCount ?? 0),
      revokedAt: c.revokedAt ? new Date(c.revokedAt).toISOString() : null,
    }));
  }

  return {
    services: () => catalogue.services,

    async create(input: Open311PostInput) {
      const client = input.api_key ? await repo.findActiveClientByKeyHash(db, hashToken(input.api_key)) : undefined;
      if (!client) throw forbidden(input.api_key ? 'api_key 无效或已被吊销' : '缺少 api_key：请向管理员申请接入密钥', 'OPEN311_API_KEY_INVALID');
      if (!input.service_code) throw invalid('service_code', '缺少 service_code（诉求分类代码，见 services.json）');
      const category = catalogue.categoryOf(input.service_code);
      if (!category) throw notFound('OPEN311_SERVICE_NOT_FOUND', `service_code ${input.service_code} 不存在`);
      if ((input.lat === undefined) !== (input.long === undefined)) throw invalid('lat', 'lat 与 long 需同时提供');
      if (input.lat === undefined && !input.address_string) throw invalid('address_string', '请提供位置：lat 与 long，或 address_string');
      if (!input.description || input.description.length < 5) throw invalid('description', '请在 description 中把诉求说清楚（至少 5 个字）');
      if (input.phone && !IntakeInput.shape.phone.safeParse(input.phone).success) throw invalid('phone', 'phone 应为手机号或固定电话');
      const name = `${input.last_name ?? ''}${input.first_name ?? ''}` || undefined;
      const r = await requests.intakeOpen311({
        text: input.description, contactName: name, phone: input.phone, address: input.address_string,
        latitude: input.lat, longitude: input.long, anonymous: !name && !input.phone, confidential: false,
      }, { clientId: client.id, category, received: { ...(input.media_url ? { mediaUrl: input.media_url } : {}), ...(input.email ? { email: input.email } : {}) } });
      return [{
        service_request_id: r.ticketNo,
        service_notice: `12345 热线已受理，工单号 ${r.ticketNo}，将于 ${w3cTime(r.dueAt)!.slice(0, 16).replace('T', ' ')} 前办结答复`,
        account_id: null,
      }];
    },

    async get(ticketNo: string) {
      const r = await repo.findByTicketNo(db, ticketNo);
      if (!r) throw notFound('OPEN311_REQUEST_NOT_FOUND', `service_request_id ${ticketNo} 不存在`);
      return [publicView(r)];
    },

    async list(q: Open311ListQuery) {
      const ticketNos = list(q.service_request_id);
      const codes = list(q.service_code);
      const categories = codes?.map((c) => {
        const name = catalogue.categoryOf(c);
        if (!name) throw notFound('OPEN311_SERVICE_NOT_FOUND', `service_code ${c} 不存在`);
        return name;
      });
      const statuses = list(q.status);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw invalid('status', 'status 应为 open、closed 或 open,closed');
      const start = parseTime(q.start_date, 'start_date');
      const endGiven = parseTime(q.end_date, 'end_date');
      const end = endGiven ?? (start ? new Date(start.getTime() + MAX_RANGE_DAYS * DAY_MS) : clock.now());
      const from = start ?? new Date(end.getTime() - MAX_RANGE_DAYS * DAY_MS);
      if (from > end) throw invalid('start_date', 'start_date 不能晚于 end_date');
      if (end.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw invalid('end_date', `查询时间范围不能超过 ${MAX_RANGE_DAYS} 天`);
      if (ticketNos && ticketNos.length > MAX_RESULTS) throw invalid('service_request_id', `一次最多查询 ${MAX_RESULTS} 个工单`);
      const rows = await repo.listPublic(db, {
        ticketNos, categories, from, to: end, limit: MAX_RESULTS,
        open: statuses && statuses.length === 1 ? statuses[0] === 'open' : undefined,
      });
      return rows.map(publicView);
    },

    clients,

    /** A new client and its key; the key is shown this once, only its SHA-256 is stored. */
    async createClient(name: string, user: AuthUser, ip: string) {
      const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
      const at = clock.now();
      const c = await db.transaction().execute(async (trx) => {
        const row = await repo.insertClient(trx, { name, apiKeyHash: hashToken(apiKey), createdBy: user.username, createdAt: at });
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'open311_client.create', targetType: 'open311_client', targetId: String(row.id), detail: { name }, ip }, at);
        return row;
      });
      return { id: c.id, name: c.name, createdBy: c.createdBy, createdAt: new Date(c.createdAt).toISOString(), apiKey };
    },

    /** Revokes a client's key at once; revoking it again changes nothing. */
    async revokeClient(id: number, user: AuthUser, ip: string) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findClient(trx, id))) throw notFound('OPEN311_CLIENT_NOT_FOUND', '接入客户端不存在');
        if (await repo.revokeClient(trx, id, at)) {
          await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'open311_client.revoke', targetType: 'open311_client', targetId: String(id), detail: {}, ip }, at);
        }
      });
      return (await clients()).find((x) => x.id === id)!;
    },
  };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
