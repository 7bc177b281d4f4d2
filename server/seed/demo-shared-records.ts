// Demo shared records (免提交): what the fictional data-exchange platform holds about the demo applicants, read by
// the sharing module's table adapter. All names, numbers and amounts are made up. Seeded only into an empty table.
import type { Db } from '../platform/db/index.ts';
import { DEMO_COMPANY, DEMO_ID_NUMBERS } from './demo-accounts.ts';

interface DemoRecord { source: string; holderId: string; holderName: string; title: string; provider: string; data: Record<string, string> }

const GA = '安澜市公安局示范区分局';
const VEHICLES = '安澜市公安局交通警察支队车辆管理所';
const SOCIAL = '示范区人力资源和社会保障局（社会保险）';
const FUND = '安澜市住房公积金管理中心示范区管理部';
const EDU = '示范区教育局（学历信息共享）';
const INSURANCES = '职工基本养老保险、职工基本医疗保险、失业保险、工伤保险';

/** 'YYYY-MM' of the month before `now` (contributions are paid up to last month), and the months from `first` to it. */
const paidUpTo = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
const monthsBetween = (first: string, last: string) => {
  const [y1, m1] = first.split('-').map(Number);
  const [y2, m2] = last.split('-').map(Number);
  return String((y2! - y1!) * 12 + (m2! - m1!) + 1);
};

function person(p: {
  id: string; name: string; sex: string; born: string; address: string; idValid: string; station: string;
  hukou: { no: string; since: string; members: string }; employer: string; firstInsured: string; paidTo: string;
  fund: { base: string; monthly: string; balance: string; opened: string }; education: Record<string, string>; vehicle: Record<string, string>;
}): DemoRecord[] {
  const holder = { holderId: p.id, holderName: p.name };
  return [
    { ...holder, source: 'identity', title: '居民身份证信息', provider: GA, data: {
      姓名: p.name, 性别: p.sex, 民族: '汉', 出生日期: p.born, 住址: p.address, 公民身份号码: p.id, 签发机关: GA, 有效期限: p.idValid } },
    { ...holder, source: 'hukou', title: '居民户口簿（户籍信息）', provider: `${GA}${p.station}`, data: {
      户主姓名: p.name, 姓名: p.name, 与户主关系: '户主', 户别: '家庭户', 户号: p.hukou.no, 住址: p.address, 籍贯: '安徽省安澜市', 登记日期: p.hukou.since, 同户成员: p.hukou.members } },
    { ...holder, source: 'social_security', title: '个人社会保险参保信息', provider: SOCIAL, data: {
      姓名: p.name, 参保单位: p.employer, 参保险种: INSURANCES, 参保状态: '正常参保', 首次参保年月: p.firstInsured, 累计缴费月数: monthsBetween(p.firstInsured, p.paidTo) } },
    { ...holder, source: 'housing_fund', title: '住房公积金缴存信息', provider: FUND, data: {
      姓名: p.name, 缴存单位: p.employer, 账户状态: '正常缴存', 缴存基数: p.fund.base, 月缴存额: p.fund.monthly, 账户余额: p.fund.balance, 开户日期: p.fund.opened, 缴至年月: p.paidTo } },
    { ...holder, source: 'education', title: '学历信息', provider: EDU, data: { 姓名: p.name, ...p.education } },
    { ...holder, source: 'vehicle', title: `机动车信息（${p.vehicle['号牌号码']}）`, provider: VEHICLES, data: { ...p.vehicle, 所有人: p.name } },
  ];
}

export function demoSharedRecords(now = new Date()): DemoRecord[] {
  const paidTo = paidUpTo(now);
  return [
    ...person({
      id: DEMO_ID_NUMBERS.citizen, name: '张三', sex: '男', born: '1990年3月7日', address: '安澜市示范区东城街道春晖社区8栋302室',
      idValid: '2019.04.16-2039.04.16', station: '东城派出所', hukou: { no: '341102017834', since: '2016-08-09', members: '陈晓梅（妻）、张小禾（女）' },
      employer: DEMO_COMPANY.name, firstInsured: '2013-07', paidTo,
      fund: { base: '9,800.00 元', monthly: '1,176.00 元（单位、个人各 588.00 元）', balance: '46,815.32 元', opened: '2013-08-05' },
      education: { 学历: '大学本科', 学位: '工学学士', 毕业院校: '安澜理工学院', 专业: '计算机科学与技术', 学习形式: '普通全日制', 入学日期: '2009-09', 毕业日期: '2013-06', 证书编号: '109982013050127' },
      vehicle: { 号牌号码: '皖X·7K2D9', 号牌种类: '小型汽车号牌', 车辆类型: '小型轿车', 品牌型号: '示范牌 SF7152HEV', 车身颜色: '白', 使用性质: '非营运', 初次登记日期: '2021-09-18', 检验有效期至: '2027-09-30', 机动车状态: '正常' },
    }),
    ...person({
      id: DEMO_ID_NUMBERS.citizen2, name: '李四', sex: '女', born: '1985年11月22日', address: '安澜市示范区西湖街道柳岸小区3栋101室',
      idValid: '2015.06.02-2035.06.02', station: '西湖派出所', hukou: { no: '341102020516', since: '2012-03-15', members: '周子墨（子）' },
      employer: '安澜市示范区西湖街道社区卫生服务中心', firstInsured: '2010-07', paidTo,
      fund: { base: '7,600.00 元', monthly: '1,520.00 元（单位、个人各 760.00 元）', balance: '83,206.58 元', opened: '2010-08-12' },
      education: { 学历: '硕士研究生', 学位: '护理学硕士', 毕业院校: '安澜医科大学', 专业: '护理学', 学习形式: '普通全日制', 入学日期: '2007-09', 毕业日期: '2010-06', 证书编号: '105722010000318' },
      vehicle: { 号牌号码: '皖X·D2N61', 号牌种类: '小型新能源汽车号牌', 车辆类型: '小型轿车', 品牌型号: '示范牌 SF7001BEV', 车身颜色: '蓝', 使用性质: '非营运', 初次登记日期: '2023-05-26', 检验有效期至: '2029-05-31', 机动车状态: '正常' },
    }),
    { source: 'social_security', holderId: DEMO_COMPANY.uscc, holderName: DEMO_COMPANY.name, title: '单位社会保险参保信息', provider: SOCIAL, data: {
      单位名称: DEMO_COMPANY.name, 统一社会信用代码: DEMO_COMPANY.uscc, 社保登记日期: '2019-03-28', 参保险种: '养老、医疗、失业、工伤、生育保险',
      参保人数: '23 人', 缴费状态: '正常缴费', 缴至年月: paidTo } },
  ];
}

/** Inserts the demo records (as last refreshed three days before `now`) when the table is empty; returns how many were added. */
export async function seedDemoSharedRecords(db: Db, now = new Date()): Promise<number> {
  if (await db.selectFrom('sharedRecords').select('id').limit(1).executeTakeFirst()) return 0;
  const updatedAt = new Date(now.getTime() - 3 * 86_400_000);
  const rows = demoSharedRecords(now).map((r) => ({ ...r, data: JSON.stringify(r.data), updatedAt }));
  await db.insertInto('sharedRecords').values(rows).execute();
  return rows.length;
}
