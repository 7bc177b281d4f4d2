// Demo accounts: demo mode only, all with the published password. Production refuses them.
import type { Db } from '../platform/db/index.ts';
import { hashPassword } from '../platform/passwords.ts';
import { hashToken } from '../platform/auth.ts';
import { idNumberCheckChar, usccCheckChar } from '../../domain/codes.ts';

export const DEMO_PASSWORD = 'Demo@2026';
/** The api_key of the demo Open311 client application (stored, like every key, as its SHA-256). */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

const idNo = (first17: string) => first17 + idNumberCheckChar(first17);
const uscc = (first17: string) => first17 + usccCheckChar(first17);

export interface DemoAccount {
  username: string;
  kind: 'person' | 'enterprise' | 'staff';
  roles: string[];
  departmentId: string | null;
  realName: string;
  idNumber?: string;
  phone?: string;
  companyName?: string;
  uscc?: string;
  address?: string;
  note: string;
}

export const DEMO_COMPANY = { name: '安澜示范云帆科技有限公司', uscc: uscc('91341100MA2T8Y6K3') };
/** 公民身份号码 of the demo applicants (张三, 李四, and 王五 who acts for the demo company). */
export const DEMO_ID_NUMBERS = { citizen: idNo('34010219900307123'), citizen2: idNo('34010219851122456'), enterprise: idNo('34010419880615789') };
export const DEMO_HOTEL = { name: '安澜示范大酒店', uscc: uscc('91341100MA2U3H7P5') };

export function demoAccounts(departments: { id: string; shortName: string }[], itemDepartmentIds: Set<string>): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'citizen', kind: 'person', roles: ['citizen'], departmentId: null, realName: '张三', idNumber: DEMO_ID_NUMBERS.citizen, phone: '13800135678', address: '安澜市示范区东城街道春晖社区 8 栋 302', note: '个人用户（张三）' },
    { username: 'citizen2', kind: 'person', roles: ['citizen'], departmentId: null, realName: '李四', idNumber: DEMO_ID_NUMBERS.citizen2, phone: '13912348765', address: '安澜市示范区西湖街道柳岸小区 3 栋 101', note: '个人用户（李四）' },
    { username: 'enterprise', kind: 'enterprise', roles: ['enterprise'], departmentId: null, realName: '王五', idNumber: DEMO_ID_NUMBERS.enterprise, phone: '13705512345', companyName: DEMO_COMPANY.name, uscc: DEMO_COMPANY.uscc, address: '安澜市示范区东城街道科创路 66 号', note: `法人用户（${DEMO_COMPANY.name} 经办人王五）` },
    { username: 'clerk', kind: 'staff', roles: ['clerk'], departmentId: 'sjj', realName: '赵窗口', note: '综合窗口（无差别受理，全部门）' },
    { username: 'operator', kind: 'staff', roles: ['operator'], departmentId: 'hotline', realName: '钱话务', note: '12345 热线话务员' },
    { username: 'supervisor', kind: 'staff', roles: ['supervisor'], departmentId: 'hotline', realName: '周督办', note: '12345 热线中心负责人（督办）' },
    { username: 'admin', kind: 'staff', roles: ['admin'], departmentId: null, realName: '孙管理', note: '系统管理员' },
    { username: 'verifier', kind: 'enterprise', roles: ['verifier'], departmentId: null, realName: '吴前台', companyName: DEMO_HOTEL.name, uscc: DEMO_HOTEL.uscc, note: `亮证核验（${DEMO_HOTEL.name}前台）` },
  ];
  for (const d of departments) {
    if (!itemDepartmentIds.has(d.id)) continue;
    accounts.push({ username: `reviewer-${d.id}`, kind: 'staff', roles: ['reviewer'], departmentId: d.id, realName: `${d.shortName}审批员`, note: `${d.shortName}审批人员` });
  }
  // Every department and street handles 12345 requests.
  for (const d of departments) {
    accounts.push({ username: `handler-${d.id}`, kind: 'staff', roles: ['handler'], departmentId: d.id, realName: `${d.shortName}诉求专员`, note: `${d.shortName}诉求承办人员` });
  }
  return accounts;
}

export async function seedDemoAccounts(db: Db, fast: boolean) {
  const departments = await db.selectFrom('departments').select(['id', 'shortName']).orderBy('id').execute();
  const owning = new Set((await db.selectFrom('items').select('departmentId').distinct().execute()).map((r) => r.departmentId));
  const known = new Set(departments.map((d) => d.id));
  const accounts = demoAccounts(departments, owning);
  const existing = new Set((await db.selectFrom('users').select('username').execute()).map((u) => u.username));
  for (const a of accounts) {
    if (existing.has(a.username)) continue;
    await db.insertInto('users').values({
      username: a.username, passwordHash: await hashPassword(DEMO_PASSWORD, fast), kind: a.kind, roles: a.roles,
      departmentId: a.departmentId && known.has(a.departmentId) ? a.departmentId : null, realName: a.realName,
      idNumber: a.idNumber ?? null, phone: a.phone ?? null, email: null, companyName: a.companyName ?? null, uscc: a.uscc ?? null,
      address: a.address ?? null, isDemo: true,
    }).onConflict((oc) => oc.column('username').doNothing()).execute();
  }
  // The demo Open311 client; once there (or revoked by an admin) it is left alone.
  await db.insertInto('open311Clients').values({ name: '演示客户端（Open311）', apiKeyHash: hashToken(DEMO_OPEN311_KEY), createdBy: 'demo' })
    .onConflict((oc) => oc.column('apiKeyHash').doNothing()).execute();
  return accounts;
}
