// Small helpers shared by the HTTP tests: valid national codes, uploads, applications and actions.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { idNumberCheckChar, usccCheckChar } from '../../domain/codes.ts';
import { multipart, SAMPLE, type TestContext } from './harness.ts';

/** A valid 18-digit 身份证号 (born 1990-03-07, random sequence number). */
export function validIdNumber(): string {
  const first17 = `34010219900307${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheckChar(id: string): string {
  const right = id.slice(-1);
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** A valid 统一社会信用代码. */
export function validUscc(): string {
  const first17 = `91341100MA${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomInt(0, 1_000_000).toString(36)}`;

/** Registers a person and returns its username and token. */
export async function registerPerson(t: TestContext, password = 'Passw0rd-1') {
  const username = uniqueName('u');
  const r = await t.call(null, {
    method: 'POST', url: '/api/auth/register',
    payload: { username, password, kind: 'person', realName: '测试用户', idNumber: validIdNumber(), phone: '13800000000' },
  });
  assert.equal(r.status, 201, r.body);
  return { username, password, token: r.json.token as string, id: r.json.user.id as string };
}

export async function upload(t: TestContext, token: string, content: Buffer = SAMPLE.pdf, filename = 'material.pdf') {
  const r = await t.call(token, { method: 'POST', url: '/api/files', ...multipart('file', filename, content) });
  assert.equal(r.status, 201, r.body);
  return r.json as { fileId: string; sha256: string; size: number; mime: string; name: string };
}

/** Submits an application and returns the 201 body. */
export async function apply(t: TestContext, username: string, itemCode: string, body: Record<string, unknown> = {}) {
  const r = await t.call(await t.login(username), { method: 'POST', url: '/api/applications', payload: { itemCode, formData: {}, ...body } });
  assert.equal(r.status, 201, r.body);
  return r.json as { id: string; caseNo: string; status: string; dueDate: string | null };
}

/** Takes an action as the user; returns the raw response. */
export async function act(t: TestContext, username: string, id: string, action: string, body: Record<string, unknown> = {}) {
  return t.call(await t.login(username), { method: 'POST', url: `/api/applications/${id}/actions`, payload: { action, ...body } });
}

/** Takes an action that must succeed; returns the case detail. */
export async function actOk(t: TestContext, username: string, id: string, action: string, body: Record<string, unknown> = {}) {
  const r = await act(t, username, id, action, body);
  assert.equal(r.status, 200, `${username} ${action}: ${r.body}`);
  return r.json;
}

export async function detail(t: TestContext, username: string, id: string) {
  const r = await t.call(await t.login(username), { method: 'GET', url: `/api/applications/${id}` });
  assert.equal(r.status, 200, r.body);
  return r.json;
}

export async function addWorkingDays(t: TestContext, from: string, days: number): Promise<string> {
  const r = await t.call(null, { method: 'GET', url: `/api/calendar/add-working-days?from=${from}&days=${days}` });
  assert.equal(r.status, 200, r.body);
  return r.json.date;
}

/** A Chinese message: at least one CJK character. */
export const isChinese = (s: unknown) => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);

/** 夫妻投靠户口迁移: 公安 (ga), persons, online, 5 working days, 5 materials. */
export const GA_ITEM = 'SFQ-GA-006';
/** 灵活就业人员社会保险补贴申领: 人社 (rsj), persons, fully online, 10 working days. */
export const RSJ_ITEM = 'SFQ-RSJ-005';
/** 居民身份证首次申领: onsite only. */
export const ONSITE_ITEM = 'SFQ-GA-001';
/** 劳务派遣经营许可: 人社 (rsj), enterprises only, fully online. */
export const ENTERPRISE_ITEM = 'SFQ-RSJ-024';
