// Catalog schemas: departments, items (政务服务事项) and bundles (一件事). Schema = type, same name.
import { z } from 'zod';
import { ItemType, MaterialForm, OnlineDepth, SharedSource, ApplicantType, DepartmentKind } from './enums.ts';

const values = <T extends Record<string, string>>(o: T) => Object.values(o) as [T[keyof T], ...T[keyof T][]];

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(values(DepartmentKind)),
});
export type Department = z.infer<typeof Department>;

export const Material = z.object({
  name: z.string().min(1, '材料名称不能为空').max(200, '材料名称不能超过 200 字'),
  required: z.boolean(),
  form: z.enum(values(MaterialForm)),
  copies: z.number().int().min(1, '份数至少为 1').max(99),
  sharedSource: z.enum(values(SharedSource)).nullable(),
});
export type Material = z.infer<typeof Material>;

/** The editable content of an item (what an admin changes and what a version stores). */
export const ItemContent = z.object({
  name: z.string().min(2, '事项名称至少 2 个字').max(200, '事项名称不能超过 200 字'),
  departmentId: z.string().min(1).max(40),
  type: z.enum(ItemType),
  applicantTypes: z.array(z.enum(values(ApplicantType))).min(1, '至少选择一种服务对象'),
  legalLimitDays: z.number().int().min(0, '法定时限不能为负').max(3650),
  promisedLimitDays: z.number().int().min(0, '承诺时限不能为负').max(3650),
  onlineDepth: z.enum(values(OnlineDepth)),
  maxVisits: z.number().int().min(0).max(5),
  crossProvince: z.boolean(),
  fee: z.string().max(500, '收费说明不能超过 500 字'),
  acceptConditions: z.string().max(4000, '受理条件不能超过 4000 字'),
  materials: z.array(Material).max(100, '材料不能超过 100 项'),
  description: z.string().max(4000, '事项说明不能超过 4000 字'),
  legalBasis: z.string().max(4000, '设定依据不能超过 4000 字'),
  tags: z.array(z.string().min(1).max(20)).max(20),
});
export type ItemContent = z.infer<typeof ItemContent>;

export const Item = ItemContent.extend({
  code: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  department: Department.optional(),
  canApplyOnline: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const ItemSummary = Item.pick({
  code: true, name: true, departmentId: true, type: true, applicantTypes: true, legalLimitDays: true,
  promisedLimitDays: true, onlineDepth: true, maxVisits: true, crossProvince: true, tags: true, canApplyOnline: true,
}).extend({ departmentName: z.string(), sharedMaterialCount: z.number().int() });
export type ItemSummary = z.infer<typeof ItemSummary>;

export const Bundle = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  itemCodes: z.array(z.string()),
  parallelGroups: z.array(z.array(z.string())),
  sharedForm: z.array(z.string()),
});
export type Bundle = z.infer<typeof Bundle>;

export const BundleDetail = Bundle.extend({ items: z.array(ItemSummary) });
export type BundleDetail = z.infer<typeof BundleDetail>;

export const ITEM_CODE = /^[A-Z0-9-]{3,40}$/;
