// Demo licences for the demo citizen and enterprise, so the wallet, 亮证, verification and 免提交 can be
// tried at once. Issued through the real licence service (signed with the departments' keys), dated in
// the past, and only when the demo citizen holds none yet.
import type { Db } from '../platform/db/index.ts';
import type { Config } from '../platform/config.ts';
import { FixedClock } from '../platform/clock.ts';
import { chinaDate } from '../../domain/calendar.ts';
import { findLicenceType, LICENCE_TYPES } from '../../domain/licence-types.ts';
import { createKeyStore, loadMasterKey } from '../modules/licences/keys.ts';
import { createLicencesService, type Holder } from '../modules/licences/licences.service.ts';
import { DEMO_COMPANY } from './demo-accounts.ts';

const typeNamed = (name: string) => LICENCE_TYPES.find((t) => t.name === name)!;

export async function seedDemoLicences(db: Db, config: Pick<Config, 'masterKey' | 'dataDir' | 'production' | 'publicUrl' | 'sealMakerDepartment'>, now = new Date()) {
  const citizen = await db.selectFrom('users').select(['id', 'realName', 'idNumber', 'address']).where('username', '=', 'citizen').executeTakeFirst();
  const enterprise = await db.selectFrom('users').select(['realName', 'address']).where('username', '=', 'enterprise').executeTakeFirst();
  if (!citizen?.idNumber || !enterprise) return 0;
  if (await db.selectFrom('licences').select('id').where('holderId', 'in', [citizen.idNumber, DEMO_COMPANY.uscc]).limit(1).executeTakeFirst()) return 0;
  const clock = new FixedClock(now);
  const keys = createKeyStore(db, clock, loadMasterKey(config), config.sealMakerDepartment);
  const service = createLicencesService(db, clock, keys, config.publicUrl);
  const person: Holder = { kind: 'person', name: citizen.realName, id: citizen.idNumber, address: citizen.address };
  const company: Holder = { kind: 'enterprise', name: DEMO_COMPANY.name, id: DEMO_COMPANY.uscc, address: enterprise.address, legalRep: enterprise.realName };
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const plan: { type: string; holder: Holder; departmentId: string; at: Date; fields?: Record<string, string> }[] = [
    { type: '结婚证', holder: person, departmentId: 'mzj', at: daysAgo(1460), fields: { spouseName: '陈晓梅', spouseIdNumber: '340102199204154428', registeredOn: chinaDate(daysAgo(1460)) } },
    { type: '不动产权证书', holder: person, departmentId: 'bdc', at: daysAgo(900) },
    { type: '出生医学证明', holder: person, departmentId: 'wjw', at: daysAgo(400), fields: { babyName: '张小禾', sex: '女', bornAt: '2025-10-19 08:42' } },
    { type: '无犯罪记录证明', holder: person, departmentId: 'ga', at: daysAgo(20) },
    { type: '营业执照', holder: company, departmentId: 'scjg', at: daysAgo(700) },
    { type: '食品经营许可证', holder: company, departmentId: 'scjg', at: daysAgo(300) },
  ];
  for (const p of plan) {
    clock.set(p.at);
    const type = findLicenceType(typeNamed(p.type).code)!;
    await service.issue({ type, holder: p.holder, departmentId: p.departmentId, fields: p.fields, actor: { id: null, name: '演示数据' } });
  }
  return plan.length;
}
