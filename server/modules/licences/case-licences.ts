// What the applications module needs from the licence library: an item that issues a licence issues it
// when its approved case is completed (办结), in the same transaction, and the case shows it.
import type { Executor } from '../../platform/db/index.ts';
import { licenceTypeForItem } from '../../../domain/licence-types.ts';
import type { Holder, LicencesService, PreparedIssue } from './licences.service.ts';

export interface CaseForLicence {
  id: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  applicant: { kind: string; name: string; idNumber: string | null; companyName: string | null; uscc: string | null };
  formData: Record<string, unknown>;
}

export interface CaseLicences {
  /** Before the completing transaction: the signing key, if the item issues a licence. */
  prepare(itemCode: string, departmentId: string): Promise<PreparedIssue | undefined>;
  /** Inside it: issue the licence to the applicant. */
  issue(trx: Executor, prepared: PreparedIssue, c: CaseForLicence, actor: { id: string; name: string }): Promise<void>;
  summaryFor(applicationId: string): ReturnType<LicencesService['summaryForCase']>;
}

export function caseLicences(service: LicencesService): CaseLicences {
  return {
    async prepare(itemCode, departmentId) {
      return licenceTypeForItem(itemCode) ? service.prepare(departmentId) : undefined;
    },
    async issue(trx, prepared, c, actor) {
      const type = licenceTypeForItem(c.itemCode);
      if (!type) return;
      const enterprise = c.applicant.kind === 'enterprise';
      // A licence is held by who it is about: a 营业执照 by the company, a 结婚证 by the person.
      const holderKind: Holder['kind'] = type.holderKind === 'enterprise' && enterprise ? 'enterprise' : 'person';
      const holder: Holder = holderKind === 'enterprise'
        ? { kind: holderKind, name: c.applicant.companyName ?? c.applicant.name, id: c.applicant.uscc ?? '', legalRep: c.applicant.name }
        : { kind: holderKind, name: c.applicant.name, id: c.applicant.idNumber ?? '', legalRep: c.applicant.name };
      if (!holder.id) return;
      const address = typeof c.formData.address === 'string' ? c.formData.address : null;
      await service.issueIn(trx, prepared, { type, holder: { ...holder, address }, departmentId: c.departmentId, applicationId: c.id, itemName: c.itemName, actor });
    },
    summaryFor: (applicationId) => service.summaryForCase(applicationId),
  };
}
