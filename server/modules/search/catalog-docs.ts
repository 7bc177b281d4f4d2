// Builds search documents from catalogue rows (the demo JSON shape, which the catalogue module also returns).
import type { SearchDoc } from './engine/types.ts';

export interface CatalogItemLike {
  code: string;
  name: string;
  departmentId: string;
  tags: string[];
  description: string;
  acceptConditions: string;
  materials: { name: string }[];
}
export interface CatalogBundleLike {
  code: string;
  name: string;
  description: string;
  itemCodes: string[];
}

export function catalogDocs(items: CatalogItemLike[], bundles: CatalogBundleLike[], departmentNames: Map<string, string>): SearchDoc[] {
  const docs: SearchDoc[] = items.map((i) => ({
    code: i.code,
    kind: 'item',
    name: i.name,
    departmentId: i.departmentId,
    departmentName: departmentNames.get(i.departmentId) ?? '',
    tags: i.tags,
    description: i.description,
    conditions: i.acceptConditions,
    materials: i.materials.map((m) => m.name),
  }));
  for (const b of bundles) {
    docs.push({ code: b.code, kind: 'bundle', name: b.name, departmentId: null, departmentName: '', tags: [], description: b.description, conditions: '', materials: [], itemCodes: b.itemCodes });
  }
  return docs;
}
