// Enumerations shared by server and web. `as const` objects, never loose string literals.

export const Role = {
  citizen: 'citizen',
  enterprise: 'enterprise',
  clerk: 'clerk',
  reviewer: 'reviewer',
  operator: 'operator',
  supervisor: 'supervisor',
  handler: 'handler',
  verifier: 'verifier',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const APPLICANT_ROLES: readonly Role[] = [Role.citizen, Role.enterprise];
export const STAFF_ROLES: readonly Role[] = [Role.clerk, Role.reviewer];

export const RoleLabel: Record<Role, string> = {
  citizen: '个人用户',
  enterprise: '法人用户',
  clerk: '综合窗口',
  reviewer: '审批人员',
  operator: '12345话务员',
  supervisor: '12345热线中心负责人',
  handler: '诉求承办人员',
  verifier: '证照核验人员',
  admin: '系统管理员',
};

export const DepartmentKind = { department: 'department', center: 'center', street: 'street' } as const;
export type DepartmentKind = (typeof DepartmentKind)[keyof typeof DepartmentKind];

export const ItemType = ['行政许可', '行政确认', '行政给付', '行政裁决', '行政奖励', '其他行政权力', '公共服务'] as const;
export type ItemType = (typeof ItemType)[number];

export const ApplicantType = { person: 'person', enterprise: 'enterprise' } as const;
export type ApplicantType = (typeof ApplicantType)[keyof typeof ApplicantType];
export const ApplicantTypeLabel: Record<ApplicantType, string> = { person: '个人', enterprise: '法人' };

export const OnlineDepth = {
  full_online: 'full_online',
  online_apply_onsite_verify: 'online_apply_onsite_verify',
  onsite: 'onsite',
} as const;
export type OnlineDepth = (typeof OnlineDepth)[keyof typeof OnlineDepth];
export const OnlineDepthLabel: Record<OnlineDepth, string> = {
  full_online: '全程网办',
  online_apply_onsite_verify: '网上申请、窗口核验',
  onsite: '窗口办理',
};
/** Depths that let an applicant start the case online. */
export const ONLINE_APPLICABLE: readonly OnlineDepth[] = [OnlineDepth.full_online, OnlineDepth.online_apply_onsite_verify];

export const MaterialForm = { original: 'original', copy: 'copy', electronic: 'electronic' } as const;
export type MaterialForm = (typeof MaterialForm)[keyof typeof MaterialForm];
export const MaterialFormLabel: Record<MaterialForm, string> = { original: '原件', copy: '复印件', electronic: '电子材料' };

export const SharedSource = {
  identity: 'identity',
  hukou: 'hukou',
  marriage: 'marriage',
  property: 'property',
  vehicle: 'vehicle',
  social_security: 'social_security',
  business_license: 'business_license',
  education: 'education',
  birth_medical: 'birth_medical',
  housing_fund: 'housing_fund',
} as const;
export type SharedSource = (typeof SharedSource)[keyof typeof SharedSource];
export const SharedSourceLabel: Record<SharedSource, string> = {
  identity: '身份信息',
  hukou: '户籍信息',
  marriage: '婚姻登记信息',
  property: '不动产登记信息',
  vehicle: '机动车信息',
  social_security: '社会保险信息',
  business_license: '电子营业执照',
  education: '学历学位信息',
  birth_medical: '出生医学证明',
  housing_fund: '住房公积金信息',
};
