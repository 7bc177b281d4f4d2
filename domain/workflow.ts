// The 办件 workflow as data: statuses, actions, the transition table and one guard.
import { Role } from './enums.ts';

export const ApplicationStatus = {
  draft: 'draft',
  submitted: 'submitted',
  correction_required: 'correction_required',
  accepted: 'accepted',
  suspended: 'suspended',
  approved: 'approved',
  denied: 'denied',
  completed: 'completed',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const ApplicationStatusLabel: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交待受理',
  correction_required: '待补正',
  accepted: '已受理审查中',
  suspended: '特别程序中',
  approved: '准予许可',
  denied: '不予许可',
  completed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

export const ApplicationAction = {
  submit: 'submit',
  accept: 'accept',
  reject: 'reject',
  request_correction: 'request_correction',
  resubmit: 'resubmit',
  suspend: 'suspend',
  resume: 'resume',
  approve: 'approve',
  deny: 'deny',
  complete: 'complete',
  withdraw: 'withdraw',
} as const;
export type ApplicationAction = (typeof ApplicationAction)[keyof typeof ApplicationAction];

export const ApplicationActionLabel: Record<ApplicationAction, string> = {
  submit: '提交申请',
  accept: '受理',
  reject: '不予受理',
  request_correction: '一次性告知补正',
  resubmit: '补正后重新提交',
  suspend: '进入特别程序',
  resume: '特别程序结束',
  approve: '准予许可',
  deny: '不予许可',
  complete: '办结',
  withdraw: '撤回申请',
};

/** For each status, the actions it allows and the status each leads to. */
export const APPLICATION_TRANSITIONS = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { accept: 'accepted', reject: 'rejected', request_correction: 'correction_required', withdraw: 'withdrawn' },
  correction_required: { resubmit: 'submitted', withdraw: 'withdrawn' },
  accepted: { approve: 'approved', deny: 'denied', suspend: 'suspended', withdraw: 'withdrawn' },
  suspended: { resume: 'accepted' },
  approved: { complete: 'completed' },
  denied: { complete: 'completed' },
  completed: {},
  rejected: {},
  withdrawn: {},
} as const satisfies Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>>;

/** Who may ever take an action. `applicant` means the owner of the case. Department scope is checked in the policy. */
export const ACTION_ACTORS = {
  submit: ['applicant'],
  resubmit: ['applicant'],
  withdraw: ['applicant'],
  accept: [Role.clerk, Role.reviewer],
  reject: [Role.clerk, Role.reviewer],
  request_correction: [Role.clerk, Role.reviewer],
  suspend: [Role.reviewer],
  resume: [Role.reviewer],
  approve: [Role.reviewer],
  deny: [Role.reviewer],
  complete: [Role.reviewer],
} as const satisfies Record<ApplicationAction, readonly (Role | 'applicant')[]>;

/** Actions that must carry a reason (comment) or a list of materials. */
export const ACTIONS_NEEDING_REASON: readonly ApplicationAction[] = ['reject', 'deny', 'suspend'];

/** Statuses in which the case is still with the government and its clock matters. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'correction_required', 'accepted', 'suspended', 'approved', 'denied'];

export function allowedActions(status: ApplicationStatus): ApplicationAction[] {
  return Object.keys(APPLICATION_TRANSITIONS[status]) as ApplicationAction[];
}

export function nextStatus(status: ApplicationStatus, action: ApplicationAction): ApplicationStatus | undefined {
  return (APPLICATION_TRANSITIONS[status] as Partial<Record<ApplicationAction, ApplicationStatus>>)[action];
}
