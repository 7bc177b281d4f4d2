// What the applications module needs from the licence library: an item that issues a licence issues it
// when its approved case is completed (办结), in the same transaction, and the case shows it.
import type { Executor } from '../../platform/db/index.ts';
import { invalid } from '../../../domain/errors.ts';
import { licenceTypeForItem, type LicenceType } from '../../../domain/licence-types.ts';
import { fieldValues, type Holder, type LicencesService, type PreparedIssue } from './licences.service.ts';

export interface CaseForLicence {
  id: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  applicant: { kind: string; name: string; idNumber: string | null; companyName: string | null; uscc: string | null };
  formData: Record<string, unknown>;
  /** Values the officer set at 办结, by field key; the others come from the case and the type's defaults. */
  fields?: Record<string, string>;
}

export interface LicencePreview {
  typeCode: string;
  typeName: string;
  holderName: string;
  fields: { key: string; label: string; value: string; sensitive: boolean; fromHolder: boolean }[];
}

export interface CaseLicences {
  /** Before the completing transaction: the signing key, if the item issues a licence. */
  prepare(itemCode: string, departmentId: string): Promise<PreparedIssue | undefined>;
  /** Inside it: issue the licence to the applicant. */
  issue(trx: Executor, prepared: PreparedIssue, c: CaseForLicence, actor: { id: string; name: string }): Promise<void>;
  /** The licence the case would issue now (null when the item issues none). */
  preview(c: CaseForLicence): LicencePreview | null;
  summaryFor(applicationId: string): ReturnType<LicencesService['summaryForCase']>;
}

/** A licence is held by who it is about: a 营业执照 by the company, a 结婚证 by the person. */
function holderOf(type: LicenceType, c: CaseForLicence): Holder {
  const kind: Holder['kind'] = type.holderKind === 'enterprise' && c.applicant.kind === 'enterprise' ? 'enterprise' : 'person';
  const address = typeof c.formData.address === 'string' && c.formData.address.trim() ? c.formData.address.trim() : null;
  return kind === 'enterprise'
    ? { kind, name: c.applicant.companyName ?? c.applicant.name, id: c.applicant.uscc ?? '', legalRep: c.applicant.name, address }
    : { kind, name: c.applicant.name, id: c.applicant.idNumber ?? '', legalRep: c.applicant.name, address };
}

export function caseLicences(service: LicencesService): CaseLicences {
  return {
    async prepare(itemCode, departmentId) {
      return licenceTypeForItem(itemCode) ? service.prepare(departmentId) : undefined;
    },
    async issue(trx, prepared, c, actor) {
      const type = licenceTypeForItem(c.itemCode);
      if (!type) return;
      const holder = holderOf(type, c);
      if (!holder.id) return;
      const editable = new Set(type.fields.filter((f) => f.from !== 'holderName' && f.from !== 'holderId').map((f) => f.key));
      for (const key of Object.keys(c.fields ?? {})) {
        if (!editable.has(key)) throw invalid(`licenceFields.${key}`, `${type.name}没有可填写的“${key}”一项（持证人信息取自申请人）`);
      }
      await service.issueIn(trx, prepared, { type, holder, departmentId: c.departmentId, applicationId: c.id, itemName: c.itemName, fields: c.fields, actor });
    },
    preview(c) {
      const type = licenceTypeForItem(c.itemCode);
      if (!type) return null;
      const holder = holderOf(type, c);
      const values = fieldValues(type, holder, c.itemName, c.fields);
      return {
        typeCode: type.code, typeName: type.name, holderName: holder.name,
        fields: type.fields.map((f) => ({ key: f.key, label: f.label, value: values[f.key] ?? '', sensitive: !!f.sensitive, fromHolder: f.from === 'holderName' || f.from === 'holderId' })),
      };
    },
    summaryFor: (applicationId) => service.summaryForCase(applicationId),
  };
}
