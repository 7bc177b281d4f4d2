// Item form values ↔ ItemContent, shared by the editor and the new-item page.
import type { FormInstance } from 'antd';
import { ItemContent } from '../../../../../domain/catalog.ts';
import type { Item } from '../../../lib/types.ts';

export type FormValues = Omit<ItemContent, 'materials'> & { materials: (Omit<ItemContent['materials'][number], 'sharedSource'> & { sharedSource: string })[] };

export function toForm(c: ItemContent): FormValues {
  return { ...c, materials: c.materials.map((m) => ({ ...m, sharedSource: m.sharedSource ?? '' })) };
}

export function pickContent(item: Item): ItemContent {
  const { name, departmentId, type, applicantTypes, legalLimitDays, promisedLimitDays, onlineDepth, maxVisits, crossProvince, fee, acceptConditions, materials, description, legalBasis, tags } = item;
  return { name, departmentId, type: type as ItemContent['type'], applicantTypes, legalLimitDays, promisedLimitDays, onlineDepth, maxVisits, crossProvince, fee: fee ?? '', acceptConditions: acceptConditions ?? '', materials, description: description ?? '', legalBasis: legalBasis ?? '', tags: tags ?? [] };
}

export function fromForm(v: FormValues): unknown {
  return {
    ...v,
    name: v.name?.trim(),
    fee: v.fee ?? '',
    acceptConditions: v.acceptConditions ?? '',
    description: v.description ?? '',
    legalBasis: v.legalBasis ?? '',
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
    materials: (v.materials ?? []).map((m) => ({ ...m, name: m.name?.trim(), required: !!m.required, sharedSource: m.sharedSource || null })),
  };
}

/** The form's values as ItemContent, or null after marking the invalid fields. */
export function parseItemForm(form: FormInstance<FormValues>, values: FormValues): ItemContent | null {
  const parsed = ItemContent.safeParse(fromForm(values));
  if (parsed.success) return parsed.data;
  form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
  return null;
}

export { showServerFieldErrors } from '../shared.tsx';
