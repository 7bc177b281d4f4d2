// Where shared government data (免提交) comes from. The platform asks one SharedDataAdapter for the records
// of one holder from one source; which adapter that is is decided once, at registration (registerSharing).
//
// To connect a real data-exchange platform (政务数据共享交换平台), write an adapter with the same interface:
//   - `fetch(holder, source)` returns the records the platform holds for that holder (a person by 公民身份号码,
//     an enterprise by 统一社会信用代码) from that source (one of domain/enums.ts SharedSource);
//   - every record has a `ref` that stays stable, so the same record can be fetched again and matched: when an
//     applicant submits, the server re-fetches through the adapter and keeps only records it gets back (the
//     client's copy is never trusted);
//   - `fields` are display-ready label/value pairs in the order they should be shown;
//   - an empty list means "nothing held"; an outage should throw (the request fails and nothing is logged).
// Auditing (data_use_log), consent and purposes are the platform's job, not the adapter's.
import type { Executor } from '../../platform/db/index.ts';
import { chinaDate } from '../../../domain/calendar.ts';

export type SharedRecordKind = 'shared_record' | 'licence';
export const SHARED_RECORD_KINDS = ['licence', 'shared_record'] as const satisfies readonly SharedRecordKind[];

export interface SharedField { label: string; value: string }

export interface SharedRecord {
  kind: SharedRecordKind;
  /** Stable reference within its kind: the shared record's id, or the licence's id. */
  ref: string;
  title: string;
  /** Who holds the data (the issuing department of a licence). */
  provider: string;
  /** YYYY-MM-DD: the issue date of a licence, the date a shared record was last updated; null when unknown. */
  issuedAt: string | null;
  fields: SharedField[];
}

/** Whose data: a person by 公民身份号码, an enterprise by 统一社会信用代码. */
export interface Holder {
  kind: 'person' | 'enterprise';
  idNumber?: string | null;
  uscc?: string | null;
  name: string;
}

export interface SharedDataAdapter {
  readonly name: string;
  fetch(holder: Holder, source: string): Promise<SharedRecord[]>;
}

/** The key the holder's data is filed under (and their data-use log is kept under). */
export const holderIdOf = (h: Holder): string | null => (h.kind === 'enterprise' ? h.uscc : h.idNumber) || null;

// jsonb keeps no key order, so the demo table's fields are shown in this order per source (others after, by label).
const FIELD_ORDER: Record<string, string[]> = {
  identity: ['姓名', '性别', '民族', '出生日期', '住址', '公民身份号码', '签发机关', '有效期限'],
  hukou: ['户主姓名', '姓名', '与户主关系', '户别', '户号', '住址', '籍贯', '登记日期', '同户成员'],
  social_security: ['姓名', '单位名称', '统一社会信用代码', '参保险种', '参保单位', '参保状态', '参保人数', '缴费状态', '首次参保年月', '累计缴费月数', '社保登记日期', '缴至年月'],
  housing_fund: ['姓名', '缴存单位', '账户状态', '缴存基数', '月缴存额', '账户余额', '开户日期', '缴至年月'],
  education: ['姓名', '学历', '学位', '毕业院校', '专业', '学习形式', '入学日期', '毕业日期', '证书编号'],
  vehicle: ['号牌号码', '号牌种类', '车辆类型', '品牌型号', '车身颜色', '使用性质', '所有人', '初次登记日期', '检验有效期至', '机动车状态'],
};

export function orderedFields(source: string, data: Record<string, unknown>): SharedField[] {
  const order = FIELD_ORDER[source] ?? [];
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && String(v) !== '')
    .map(([label, v]) => ({ label, value: String(v) }))
    .sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label, 'zh-CN'));
}

const dateOf = (d: Date | string | null) => (d ? (d instanceof Date ? chinaDate(d) : String(d).slice(0, 10)) : null);

/** The demo data-exchange platform: the shared_records table. */
export function tableAdapter(db: Executor): SharedDataAdapter {
  return {
    name: 'table',
    async fetch(holder, source) {
      const id = holderIdOf(holder);
      if (!id) return [];
      const rows = await db.selectFrom('sharedRecords').select(['id', 'title', 'provider', 'data', 'updatedAt'])
        .where('holderId', '=', id).where('source', '=', source).orderBy('updatedAt', 'desc').orderBy('id').execute();
      return rows.map((r) => ({
        kind: 'shared_record' as const, ref: r.id, title: r.title, provider: r.provider, issuedAt: dateOf(r.updatedAt),
        fields: orderedFields(source, (r.data ?? {}) as Record<string, unknown>),
      }));
    },
  };
}

/** Several adapters asked in turn; their records one after the other (licences first in the default set-up). */
export function composeAdapters(...adapters: SharedDataAdapter[]): SharedDataAdapter {
  return {
    name: adapters.map((a) => a.name).join('+'),
    async fetch(holder, source) {
      return (await Promise.all(adapters.map((a) => a.fetch(holder, source)))).flat();
    },
  };
}
