// The licence library as a source of shared data (免提交): a holder's valid licences (status 01, not expired,
// not replaced) whose type answers the material's `sharedSource` (domain/licence-types.ts).
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { licenceTypesForSource } from '../../../domain/licence-types.ts';
import type { SharedDataAdapter } from '../sharing/index.ts';
import * as repo from './licences.repo.ts';
import { fieldsOf } from './licences.mapper.ts';

export function licenceSharedData(db: Db, clock: Clock): SharedDataAdapter {
  return {
    name: 'licences',
    async fetch(holder, source) {
      const id = holder.kind === 'enterprise' ? holder.uscc : holder.idNumber;
      const types = licenceTypesForSource(source);
      if (!id || !types.length) return [];
      const rows = await repo.currentForSharing(db, id, types.map((t) => t.code), chinaDate(clock.now()));
      return rows.map((r) => ({
        kind: 'licence' as const, ref: r.id, title: `${types.find((t) => t.code === r.typeCode)!.name} ${r.number}`, provider: r.issuer, issuedAt: r.issuedOn,
        fields: fieldsOf(r, true).filter((f) => f.value !== '').map((f) => ({ label: f.label, value: f.value })),
      }));
    },
  };
}
