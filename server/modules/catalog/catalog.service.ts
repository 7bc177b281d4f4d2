import type { Db } from '../../platform/db/index.ts';
import type { ItemRow } from '../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../domain/errors.ts';
import { ONLINE_APPLICABLE, type OnlineDepth } from '../../../domain/enums.ts';
import type { Bundle, BundleDetail, Item, ItemContent, ItemSummary, Material } from '../../../domain/catalog.ts';
import * as repo from './catalog.repo.ts';
import type { Clock } from '../../platform/clock.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth.ts';

type ItemWithDept = ItemRow & { departmentName: string };

export const canApplyOnline = (depth: string) => ONLINE_APPLICABLE.includes(depth as OnlineDepth);

function contentOf(r: ItemRow): ItemContent {
  return {
    name: r.name, departmentId: r.departmentId, type: r.type as ItemContent['type'], applicantTypes: r.applicantTypes as ItemContent['applicantTypes'],
    legalLimitDays: r.legalLimitDays, promisedLimitDays: r.promisedLimitDays, onlineDepth: r.onlineDepth as ItemContent['onlineDepth'],
    maxVisits: r.maxVisits, crossProvince: r.crossProvince, fee: r.fee, acceptConditions: r.acceptConditions,
    materials: r.materials as Material[], description: r.description, legalBasis: r.legalBasis, tags: r.tags,
  };
}

export function toSummary(r: ItemWithDept): ItemSummary {
  return {
    code: r.code, name: r.name, departmentId: r.departmentId, departmentName: r.departmentName, type: r.type as ItemSummary['type'],
    applicantTypes: r.applicantTypes as ItemSummary['applicantTypes'], legalLimitDays: r.legalLimitDays, promisedLimitDays: r.promisedLimitDays,
    onlineDepth: r.onlineDepth as ItemSummary['onlineDepth'], maxVisits: r.maxVisits, crossProvince: r.crossProvince, tags: r.tags,
    canApplyOnline: canApplyOnline(r.onlineDepth),
    sharedMaterialCount: (r.materials as Material[]).filter((m) => m.sharedSource).length,
  };
}

export function toItem(r: ItemRow & { departmentFullName?: string; departmentName?: string; departmentKind?: string }): Item {
  return {
    code: r.code, version: r.version, updatedAt: new Date(r.updatedAt).toISOString(), ...contentOf(r),
    canApplyOnline: canApplyOnline(r.onlineDepth),
    department: r.departmentName ? { id: r.departmentId, name: r.departmentFullName!, shortName: r.departmentName, kind: r.departmentKind as 'department' } : undefined,
  };
}

/** The next code of a department: its highest number + 1, with the prefix the catalogue already uses. */
export function nextItemCode(departmentCodes: string[], sample: string | undefined, departmentId: string): string {
  const prefix = sample?.match(/^([A-Z]+)-/)?.[1] ?? 'ITEM';
  const numbers = departmentCodes.map((c) => Number(c.match(/-(\d+)$/)?.[1] ?? 0));
  const next = Math.max(0, ...numbers) + 1;
  return `${prefix}-${departmentId.toUpperCase()}-${String(next).padStart(3, '0')}`;
}

export function createCatalogService(db: Db, clock: Clock) {
  const itemListeners: ((code: string) => void)[] = [];

  async function checkContent(content: ItemContent) {
    if (content.promisedLimitDays > content.legalLimitDays) throw invalid('promisedLimitDays', '承诺时限不能超过法定时限');
    if (content.onlineDepth === 'full_online' && content.maxVisits !== 0) throw invalid('maxVisits', '全程网办事项的到现场次数应为 0');
    const dept = await repo.findDepartment(db, content.departmentId);
    if (!dept) throw invalid('departmentId', `实施部门不存在：${content.departmentId}`);
  }

  return {
    /** Told the code of every item saved, so copies kept elsewhere (the applications' item cache) are dropped. */
    onItemChange(listener: (code: string) => void) {
      itemListeners.push(listener);
    },

    async listItems(filter: repo.ItemFilter, page: number, pageSize: number) {
      const { rows, total } = await repo.listItems(db, filter, (page - 1) * pageSize, pageSize);
      return { items: rows.map(toSummary), total, page, pageSize };
    },

    async getItem(code: string): Promise<Item> {
      const r = await repo.findItem(db, code);
      if (!r) throw notFound('ITEM_NOT_FOUND', `事项不存在：${code}`);
      return toItem(r);
    },

    findItem: (code: string) => repo.findItem(db, code),

    async popularItems(limit: number): Promise<ItemSummary[]> {
      const since = new Date(clock.now().getTime() - 90 * 86_400_000);
      const top = await repo.popularItemCodes(db, since, limit);
      const codes = top.map((t) => t.itemCode);
      const { rows } = await repo.listItems(db, { codes }, 0, limit);
      const picked = codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is NonNullable<typeof r> => !!r);
      if (picked.length < limit) {
        // Fill with items that can be done fully online, the ones people most often come for.
        const more = await repo.listItems(db, { onlineDepth: 'full_online', applicantType: 'person' }, 0, limit * 2);
        for (const r of more.rows) if (picked.length < limit && !picked.some((p) => p.code === r.code)) picked.push(r);
      }
      return picked.map(toSummary);
    },

    /**
     * A new item (e.g. one the catalogue-gap report showed people looking for). Its code continues the
     * department's numbering: <prefix>-<DEPT>-NNN, the prefix taken from the existing codes.
     */
    async createItem(content: ItemContent, user: AuthUser): Promise<Item> {
      await checkContent(content);
      const at = clock.now();
      const code = await db.transaction().execute(async (trx) => {
        await repo.lockDepartment(trx, content.departmentId);
        if (await repo.findItemByName(trx, content.name)) throw conflict('ITEM_NAME_EXISTS', `已有同名事项：${content.name}`);
        const code = nextItemCode(await repo.itemCodesOfDepartment(trx, content.departmentId), await repo.anyItemCode(trx), content.departmentId);
        await repo.insertItem(trx, code, content, user.username, at);
        await repo.insertItemVersion(trx, code, 1, content as unknown as Record<string, unknown>, user.username);
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'item.create', targetType: 'item', targetId: code, detail: { name: content.name } }, at);
        return code;
      });
      for (const l of itemListeners) l(code);
      return this.getItem(code);
    },

    async updateItem(code: string, content: ItemContent, expectedVersion: number, user: AuthUser): Promise<Item> {
      await checkContent(content);
      await db.transaction().execute(async (trx) => {
        const current = await repo.lockItem(trx, code);
        if (!current) throw notFound('ITEM_NOT_FOUND', `事项不存在：${code}`);
        if (current.version !== expectedVersion) {
          throw conflict('VERSION_CONFLICT', `事项已被他人修改（当前版本 ${current.version}），请刷新后再编辑`, { currentVersion: current.version });
        }
        const version = current.version + 1;
        const at = clock.now();
        await repo.updateItem(trx, code, content, version, user.username, at);
        await repo.insertItemVersion(trx, code, version, content as unknown as Record<string, unknown>, user.username);
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'item.update', targetType: 'item', targetId: code, detail: { version } }, at);
      });
      for (const l of itemListeners) l(code);
      return this.getItem(code);
    },

    async itemVersions(code: string) {
      await this.getItem(code);
      const rows = await repo.listItemVersions(db, code);
      return rows.map((r) => ({ version: r.version, createdAt: new Date(r.createdAt).toISOString(), createdBy: r.createdBy, content: r.data as unknown as ItemContent }));
    },

    async itemVersion(code: string, version: number) {
      const r = await repo.findItemVersion(db, code, version);
      if (!r) throw notFound('ITEM_VERSION_NOT_FOUND', `事项 ${code} 没有第 ${version} 版`);
      return { version: r.version, createdAt: new Date(r.createdAt).toISOString(), content: r.data as unknown as ItemContent };
    },

    /** Everything the search engine indexes: items with their text, bundles, departments. */
    async searchCorpus() {
      const [items, bundles] = await Promise.all([repo.allItemsForSearch(db), repo.listBundles(db)]);
      return { items: items.map((i) => ({ ...i, materials: i.materials as { name: string }[] })), bundles };
    },

    async signature(): Promise<string> {
      const s = await repo.catalogSignature(db);
      return `${s.items}/${s.itemsUpdated ? new Date(s.itemsUpdated as string | Date).getTime() : 0}/${s.bundles}`;
    },

    departments: () => repo.listDepartments(db).then((rows) => rows.map((r) => ({ ...r, itemCount: Number(r.itemCount) }))),
    findDepartment: (id: string) => repo.findDepartment(db, id),
    tags: () => repo.listTags(db),

    async bundles(): Promise<Bundle[]> {
      return (await repo.listBundles(db)).map((b) => ({ ...b, parallelGroups: b.parallelGroups as string[][] }));
    },

    async getBundle(code: string): Promise<BundleDetail> {
      const b = await repo.findBundle(db, code);
      if (!b) throw notFound('BUNDLE_NOT_FOUND', `一件事不存在：${code}`);
      const { rows } = await repo.listItems(db, { codes: b.itemCodes }, 0, 100);
      const items = b.itemCodes.map((c) => rows.find((r) => r.code === c)).filter((r): r is NonNullable<typeof r> => !!r).map(toSummary);
      return { ...b, parallelGroups: b.parallelGroups as string[][], items };
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
