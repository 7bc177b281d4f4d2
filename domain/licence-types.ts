// 证照类型: what each kind of e-licence records, how long it is valid, which items issue it and which
// shared-data source (免提交) it answers. Pure data plus small lookups; the licences module issues them.
//
// A type code has 21 characters: the 统一社会信用代码 of the authority that defines the licence type
// plus a three-digit sequence (the form of every published national type code). The authorities'
// codes below are Tongban's demo values with valid GB 32100 check characters, not the real ministries'.
import { usccCheckChar } from './codes.ts';

export const LicenceStatus = {
  valid: '01', suspended: '02', withdrawn: '03', cancelled: '04', lapsed: '05', transferred: '06', revoked: '07', other: '99',
} as const;
export type LicenceStatus = (typeof LicenceStatus)[keyof typeof LicenceStatus];
export const LicenceStatusLabel: Record<LicenceStatus, string> = {
  '01': '有效', '02': '暂扣', '03': '撤销', '04': '注销', '05': '失效', '06': '办理转出', '07': '吊销', '99': '其他',
};
export const LICENCE_STATUSES = Object.values(LicenceStatus);

export type HolderKind = 'person' | 'enterprise';

/**
 * A field of a licence. `from` says where issuing takes the value: the holder, the application's form,
 * or a fixed text; the issuing officer may override any of them at 办结.
 * `sensitive` fields (identity numbers) are left out of a 亮证 unless the holder picks them.
 */
export interface LicenceFieldSpec {
  key: string;
  label: string;
  sensitive?: boolean;
  from?: 'holderName' | 'holderId' | 'address' | 'itemName' | 'companyName' | 'uscc' | 'legalRep';
  default?: string;
}

export interface LicenceType {
  code: string;
  name: string;
  holderKind: HolderKind;
  /** Years of validity from the issue date; null means long-term (长期). */
  validityYears: number | null;
  issuingItems: string[];
  /** The `sharedSource` of catalog materials this licence can stand in for. */
  sharedSource: string | null;
  fields: LicenceFieldSpec[];
}

const authority = (first17: string) => first17 + usccCheckChar(first17)!;
const SAMR = authority('11100000000013127'); // 市场监督管理 (demo code)
const MCA = authority('11100000000014203'); // 民政
const MNR = authority('11100000000013538'); // 自然资源
const NHC = authority('11100000000017954'); // 卫生健康
const MPS = authority('11100000000011341'); // 公安
const MOT = authority('11100000000018236'); // 交通运输
const MOE = authority('11100000000015016'); // 教育

const holderPerson: LicenceFieldSpec[] = [
  { key: 'holderName', label: '姓名', from: 'holderName' },
  { key: 'idNumber', label: '公民身份号码', sensitive: true, from: 'holderId' },
];
const holderEnterprise: LicenceFieldSpec[] = [
  { key: 'companyName', label: '名称', from: 'holderName' },
  { key: 'uscc', label: '统一社会信用代码', from: 'holderId' },
];

export const LICENCE_TYPES: readonly LicenceType[] = [
  {
    code: `${SAMR}001`, name: '营业执照', holderKind: 'enterprise', validityYears: null, issuingItems: ['SFQ-SCJG-001', 'SFQ-SCJG-002', 'SFQ-SCJG-005', 'SFQ-SCJG-010'], sharedSource: 'business_license',
    fields: [...holderEnterprise, { key: 'entityType', label: '类型', default: '有限责任公司（自然人投资或控股）' }, { key: 'legalRep', label: '法定代表人', from: 'legalRep' },
      { key: 'registeredCapital', label: '注册资本', default: '人民币壹佰万元整' }, { key: 'address', label: '住所', from: 'address' },
      { key: 'scope', label: '经营范围', default: '一般项目：技术服务、技术开发、技术咨询（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）' }],
  },
  {
    code: `${SAMR}002`, name: '个体工商户营业执照', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-SCJG-007', 'SFQ-SCJG-008'], sharedSource: 'business_license',
    fields: [{ key: 'tradeName', label: '名称', default: '个体工商户' }, { key: 'operator', label: '经营者', from: 'holderName' }, { key: 'idNumber', label: '经营者身份证号', sensitive: true, from: 'holderId' },
      { key: 'form', label: '组成形式', default: '个人经营' }, { key: 'address', label: '经营场所', from: 'address' }, { key: 'scope', label: '经营范围', default: '小餐饮；日用百货零售' }],
  },
  {
    code: `${SAMR}011`, name: '食品经营许可证', holderKind: 'enterprise', validityYears: 5, issuingItems: ['SFQ-SCJG-011'], sharedSource: null,
    fields: [{ key: 'operatorName', label: '经营者名称', from: 'holderName' }, { key: 'uscc', label: '社会信用代码', from: 'holderId' }, { key: 'legalRep', label: '法定代表人（负责人）', from: 'legalRep' },
      { key: 'address', label: '经营场所', from: 'address' }, { key: 'mainForm', label: '主体业态', default: '食品销售经营者' }, { key: 'items', label: '经营项目', default: '预包装食品销售（含冷藏冷冻食品）' }],
  },
  {
    code: `${SAMR}013`, name: '食品生产许可证', holderKind: 'enterprise', validityYears: 5, issuingItems: ['SFQ-SCJG-013'], sharedSource: null,
    fields: [...holderEnterprise, { key: 'legalRep', label: '法定代表人', from: 'legalRep' }, { key: 'address', label: '生产地址', from: 'address' }, { key: 'category', label: '食品类别', default: '糕点' }],
  },
  {
    code: `${MCA}001`, name: '结婚证', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-MZJ-001', 'SFQ-MZJ-003'], sharedSource: 'marriage',
    fields: [...holderPerson, { key: 'spouseName', label: '配偶姓名', default: '（见登记档案）' }, { key: 'spouseIdNumber', label: '配偶身份证号', sensitive: true, default: '' }, { key: 'registeredOn', label: '登记日期', default: '' }],
  },
  {
    code: `${MNR}001`, name: '不动产权证书', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-BDC-003', 'SFQ-BDC-004', 'SFQ-BDC-008', 'SFQ-BDC-010'], sharedSource: 'property',
    fields: [{ key: 'holderName', label: '权利人', from: 'holderName' }, { key: 'idNumber', label: '证件号码', sensitive: true, from: 'holderId' }, { key: 'ownership', label: '共有情况', default: '单独所有' },
      { key: 'location', label: '坐落', from: 'address' }, { key: 'unitNo', label: '不动产单元号', default: '341102001001GB00001F00010001' }, { key: 'use', label: '用途', default: '城镇住宅用地/住宅' }, { key: 'area', label: '面积', default: '建筑面积 89.6 平方米' }],
  },
  {
    code: `${NHC}001`, name: '出生医学证明', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-WJW-001', 'SFQ-WJW-002'], sharedSource: 'birth_medical',
    fields: [{ key: 'babyName', label: '新生儿姓名', default: '' }, { key: 'sex', label: '性别', default: '' }, { key: 'bornAt', label: '出生时间', default: '' }, { key: 'birthPlace', label: '出生地点', default: '安澜市示范区' },
      { key: 'holderName', label: '申领人', from: 'holderName' }, { key: 'idNumber', label: '申领人身份证号', sensitive: true, from: 'holderId' }],
  },
  {
    code: `${MPS}014`, name: '无犯罪记录证明', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-GA-014'], sharedSource: null,
    fields: [...holderPerson, { key: 'conclusion', label: '证明内容', default: '经查询，未发现该人有犯罪记录。' }, { key: 'purpose', label: '用途', default: '就业、入学等' }],
  },
  {
    code: `${MPS}024`, name: '养犬登记证', holderKind: 'person', validityYears: 1, issuingItems: ['SFQ-GA-024'], sharedSource: null,
    fields: [...holderPerson, { key: 'address', label: '养犬地址', from: 'address' }, { key: 'breed', label: '犬只品种', default: '' }, { key: 'tagNo', label: '犬牌号', default: '' }],
  },
  {
    code: `${MOT}001`, name: '道路运输经营许可证', holderKind: 'enterprise', validityYears: 4, issuingItems: ['SFQ-JTJ-001'], sharedSource: null,
    fields: [{ key: 'operatorName', label: '业户名称', from: 'holderName' }, { key: 'uscc', label: '统一社会信用代码', from: 'holderId' }, { key: 'address', label: '地址', from: 'address' },
      { key: 'scope', label: '经营范围', default: '道路普通货物运输' }],
  },
  {
    code: `${NHC}010`, name: '公共场所卫生许可证', holderKind: 'enterprise', validityYears: 4, issuingItems: ['SFQ-WJW-010'], sharedSource: null,
    fields: [...holderEnterprise, { key: 'legalRep', label: '法定代表人', from: 'legalRep' }, { key: 'address', label: '地址', from: 'address' }, { key: 'category', label: '许可项目', default: '住宿场所' }],
  },
  {
    code: `${MOE}002`, name: '教师资格证书', holderKind: 'person', validityYears: null, issuingItems: ['SFQ-JYJ-002'], sharedSource: 'education',
    fields: [...holderPerson, { key: 'category', label: '资格种类', default: '初级中学教师资格' }, { key: 'subject', label: '任教学科', default: '数学' }],
  },
];

const byCode = new Map(LICENCE_TYPES.map((t) => [t.code, t]));
const byItem = new Map(LICENCE_TYPES.flatMap((t) => t.issuingItems.map((code) => [code, t] as const)));

export const findLicenceType = (code: string) => byCode.get(code);
/** The licence an item issues when its case is completed, if any. */
export const licenceTypeForItem = (itemCode: string) => byItem.get(itemCode);
export const licenceTypesForSource = (source: string) => LICENCE_TYPES.filter((t) => t.sharedSource === source);

/** The fields shown by default when showing a licence by code: all but the sensitive ones. */
export const defaultDisclosedFields = (t: LicenceType) => t.fields.filter((f) => !f.sensitive).map((f) => f.key);

/** Expiry date (YYYY-MM-DD) of a licence issued on `issuedOn`, or null for long-term ones. */
export function expiryFor(t: LicenceType, issuedOn: string): string | null {
  if (t.validityYears === null) return null;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + t.validityYears, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}
